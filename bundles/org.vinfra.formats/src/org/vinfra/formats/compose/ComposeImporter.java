package org.vinfra.formats.compose;

import static org.vinfra.formats.compose.YamlNodes.column;
import static org.vinfra.formats.compose.YamlNodes.entries;
import static org.vinfra.formats.compose.YamlNodes.isMapping;
import static org.vinfra.formats.compose.YamlNodes.isNull;
import static org.vinfra.formats.compose.YamlNodes.isSequence;
import static org.vinfra.formats.compose.YamlNodes.items;
import static org.vinfra.formats.compose.YamlNodes.line;
import static org.vinfra.formats.compose.YamlNodes.scalar;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.vinfra.formats.ImportReport;
import org.vinfra.formats.ModelNames;
import org.vinfra.formats.ShellWords;
import org.vinfra.formats.docker.DockerfileImporter;
import org.vinfra.lang.model.Addresses;
import org.vinfra.lang.vinfra.Cgroup;
import org.vinfra.lang.vinfra.Command;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Dependency;
import org.vinfra.lang.vinfra.DependencyCondition;
import org.vinfra.lang.vinfra.EnvironmentVariable;
import org.vinfra.lang.vinfra.HealthCheck;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Mount;
import org.vinfra.lang.vinfra.Namespace;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.NetworkAttachment;
import org.vinfra.lang.vinfra.NetworkMode;
import org.vinfra.lang.vinfra.PortMapping;
import org.vinfra.lang.vinfra.Protocol;
import org.vinfra.lang.vinfra.Replication;
import org.vinfra.lang.vinfra.RestartPolicy;
import org.vinfra.lang.vinfra.Secret;
import org.vinfra.lang.vinfra.VinfraFactory;
import org.vinfra.lang.vinfra.Volume;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads a compose file into a compose deployment of the model. Every key the model cannot express
 * is reported as a warning with its line; malformed YAML or values are positioned errors.
 */
public final class ComposeImporter {

    private static final VinfraFactory MAKE = VinfraFactory.eINSTANCE;

    private final Path file;
    private final ImportReport report;
    private final ModelNames names;
    private final Map<String, Network> networks = new HashMap<>();
    private final Map<String, Volume> volumes = new HashMap<>();
    private final Map<String, Secret> secrets = new HashMap<>();
    private final Map<String, Container> services = new HashMap<>();

    private ComposeImporter(Path file, ImportReport report, ModelNames names) {
        this.file = file;
        this.report = report;
        this.names = names;
    }

    /** Adds the compose deployment of {@code file} (and the images it builds) to {@code model}. */
    public static void read(Path file, String text, Model model, ImportReport report, ModelNames names) {
        new ComposeImporter(file, report, names).read(text, model);
    }

    private void read(String text, Model model) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            report.malformed(file, e.getProblemMark().getLine() + 1, e.getProblemMark().getColumn() + 1,
                    "This is not valid YAML: " + e.getProblem() + ". Fix the file and import it again.");
            return;
        } catch (YAMLException e) {
            report.malformed(file, 1, 1, "This is not valid YAML: " + e.getMessage());
            return;
        }
        if (root == null || !isMapping(root)) {
            report.malformed(file, root == null ? 1 : line(root), root == null ? 1 : column(root),
                    "A compose file is a mapping with a 'services' key.");
            return;
        }
        Compose compose = MAKE.createCompose();
        Map<String, NodeTuple> top = entries(root);
        String projectName = top.containsKey("name") ? scalar(top.get("name").getValueNode()) : projectName(file);
        compose.setName(names.name(projectName));
        model.getElements().add(compose);
        if (!top.containsKey("services")) {
            report.malformed(file, line(root), column(root), "A compose file needs a 'services' key listing its containers.");
            return;
        }
        for (Map.Entry<String, NodeTuple> entry : top.entrySet()) {
            Node key = entry.getValue().getKeyNode();
            Node value = entry.getValue().getValueNode();
            switch (entry.getKey()) {
                case "name", "services" -> {
                    // read below, once networks, volumes and secrets are known
                }
                case "version" -> report.unsupported(file, line(key), column(key),
                        "'version' is obsolete in the Compose Specification and is not kept; the exported file has none.");
                case "networks" -> entries(value).forEach((name, tuple) -> compose.getNetworks().add(network(name, tuple)));
                case "volumes" -> entries(value).forEach((name, tuple) -> compose.getVolumes().add(volume(name, tuple)));
                case "secrets" -> entries(value).forEach((name, tuple) -> compose.getSecrets().add(secret(name, tuple)));
                default -> unsupported(key, "top-level key '" + entry.getKey() + "'");
            }
        }
        Node servicesNode = top.get("services").getValueNode();
        for (Map.Entry<String, NodeTuple> entry : entries(servicesNode).entrySet()) {
            Container service = MAKE.createContainer();
            service.setName(rename(entry.getKey(), entry.getValue().getKeyNode(), "service"));
            services.put(entry.getKey(), service);
            compose.getServices().add(service);
        }
        for (Map.Entry<String, NodeTuple> entry : entries(servicesNode).entrySet()) {
            service(services.get(entry.getKey()), entry.getValue().getValueNode(), model);
        }
    }

    private static String projectName(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        return folder == null || folder.getFileName() == null ? "compose" : folder.getFileName().toString();
    }

    private String rename(String name, Node where, String what) {
        String renamed = names.rename(name);
        if (renamed != null) {
            report.unsupported(file, line(where), column(where), "The " + what + " name '" + name + "' is not a valid .vinfra name (or is a"
                    + " keyword); it is imported as '" + renamed + "', and exporting gives the new name.");
            return renamed;
        }
        return name;
    }

    private void unsupported(Node key, String what) {
        report.unsupported(file, line(key), column(key), "The model cannot express " + what + "; it is not imported.");
    }

    private void malformed(Node node, String message) {
        report.malformed(file, line(node), column(node), message);
    }

    // ------------------------------------------------------------------ top-level sections

    private Network network(String name, NodeTuple tuple) {
        Network network = MAKE.createNetwork();
        network.setName(rename(name, tuple.getKeyNode(), "network"));
        networks.put(name, network);
        for (Map.Entry<String, NodeTuple> entry : entries(tuple.getValueNode()).entrySet()) {
            Node key = entry.getValue().getKeyNode();
            Node value = entry.getValue().getValueNode();
            switch (entry.getKey()) {
                case "internal" -> {
                    if ("true".equals(scalar(value))) {
                        network.setMode(NetworkMode.INTERNAL);
                    }
                }
                case "driver" -> {
                    if (!"bridge".equals(scalar(value))) {
                        unsupported(key, "network driver '" + scalar(value) + "' (only bridge networks)");
                    }
                }
                case "ipam" -> ipam(network, value);
                default -> unsupported(key, "network key '" + entry.getKey() + "'");
            }
        }
        return network;
    }

    private void ipam(Network network, Node ipam) {
        for (Map.Entry<String, NodeTuple> entry : entries(ipam).entrySet()) {
            Node key = entry.getValue().getKeyNode();
            if (!entry.getKey().equals("config")) {
                unsupported(key, "ipam key '" + entry.getKey() + "'");
                continue;
            }
            List<Node> pools = items(entry.getValue().getValueNode());
            for (int i = 0; i < pools.size(); i++) {
                if (i > 0) {
                    unsupported(pools.get(i), "a second address pool of a network");
                    continue;
                }
                for (Map.Entry<String, NodeTuple> field : entries(pools.get(i)).entrySet()) {
                    Node value = field.getValue().getValueNode();
                    try {
                        switch (field.getKey()) {
                            case "subnet" -> {
                                Addresses.parseCidr(scalar(value));
                                network.setCidr(scalar(value));
                            }
                            case "gateway" -> {
                                Addresses.parseIpv4(scalar(value));
                                network.setGateway(scalar(value));
                            }
                            default -> unsupported(field.getValue().getKeyNode(), "ipam config key '" + field.getKey() + "'");
                        }
                    } catch (IllegalArgumentException | NullPointerException e) {
                        malformed(value, "Not an IPv4 address or block: " + scalar(value));
                    }
                }
            }
        }
    }

    private Volume volume(String name, NodeTuple tuple) {
        Volume volume = MAKE.createVolume();
        volume.setName(rename(name, tuple.getKeyNode(), "volume"));
        volumes.put(name, volume);
        for (Map.Entry<String, NodeTuple> entry : entries(tuple.getValueNode()).entrySet()) {
            if (entry.getKey().equals("driver")) {
                volume.setDriver(scalar(entry.getValue().getValueNode()));
            } else {
                unsupported(entry.getValue().getKeyNode(), "volume key '" + entry.getKey() + "'");
            }
        }
        return volume;
    }

    private Secret secret(String name, NodeTuple tuple) {
        Secret secret = MAKE.createSecret();
        secret.setName(rename(name, tuple.getKeyNode(), "secret"));
        secrets.put(name, secret);
        for (Map.Entry<String, NodeTuple> entry : entries(tuple.getValueNode()).entrySet()) {
            switch (entry.getKey()) {
                case "file" -> secret.setFile(scalar(entry.getValue().getValueNode()));
                case "environment" -> secret.setEnvironment(scalar(entry.getValue().getValueNode()));
                default -> unsupported(entry.getValue().getKeyNode(), "secret key '" + entry.getKey() + "'");
            }
        }
        if (secret.getFile() == null && secret.getEnvironment() == null) {
            malformed(tuple.getKeyNode(), "Secret '" + name + "' has neither 'file' nor 'environment'; the model needs one of them.");
            secret.setFile(name + ".txt");
        }
        return secret;
    }

    // ------------------------------------------------------------------ services

    private void service(Container service, Node node, Model model) {
        Set<Namespace> shared = EnumSet.noneOf(Namespace.class);
        for (Map.Entry<String, NodeTuple> entry : entries(node).entrySet()) {
            Node key = entry.getValue().getKeyNode();
            Node value = entry.getValue().getValueNode();
            try {
                switch (entry.getKey()) {
                    case "image" -> {
                        if (service.getImage() == null) {
                            service.setImageReference(scalar(value));
                        }
                    }
                    case "build" -> build(service, value, model);
                    case "command" -> service.setCommand(command(value));
                    case "entrypoint" -> service.setEntrypoint(command(value));
                    case "environment" -> environment(service, value);
                    case "ports" -> items(value).forEach(port -> service.getPorts().add(port(port)));
                    case "volumes" -> items(value).forEach(mount -> mount(service, mount));
                    case "networks" -> networks(service, value);
                    case "depends_on" -> dependsOn(service, value);
                    case "restart" -> service.setRestart(restart(value));
                    case "healthcheck" -> service.setHealth(healthcheck(value));
                    case "secrets" -> items(value).forEach(secret -> serviceSecret(service, secret));
                    case "privileged" -> service.setPrivileged("true".equals(scalar(value)));
                    case "cap_add" -> items(value).forEach(capability -> service.getCapabilities().add(scalar(capability)));
                    case "cpus" -> cgroup(service).setCpus(Double.valueOf(scalar(value)));
                    case "cpu_shares" -> cgroup(service).setCpuShares(Integer.valueOf(scalar(value)));
                    case "cpuset" -> cgroup(service).setCpuset(scalar(value));
                    case "mem_limit" -> cgroup(service).setMemoryLimit(ComposeValues.bytes(scalar(value)));
                    case "blkio_config" -> blkio(service, value);
                    case "deploy" -> deploy(service, value);
                    case "network_mode" -> hostNamespace(key, value, Namespace.NETWORK, shared, "network_mode");
                    case "pid" -> hostNamespace(key, value, Namespace.PID, shared, "pid");
                    case "ipc" -> hostNamespace(key, value, Namespace.IPC, shared, "ipc");
                    case "uts" -> hostNamespace(key, value, Namespace.UTS, shared, "uts");
                    default -> unsupported(key, "service key '" + entry.getKey() + "'");
                }
            } catch (IllegalArgumentException e) {
                malformed(value, "'" + entry.getKey() + "' of service '" + service.getName() + "': " + e.getMessage());
            }
        }
        if (!shared.isEmpty()) {
            for (Namespace namespace : List.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.PID, Namespace.NETWORK)) {
                if (!shared.contains(namespace)) {
                    service.getNamespaces().add(namespace);
                }
            }
        }
    }

    private void hostNamespace(Node key, Node value, Namespace namespace, Set<Namespace> shared, String what) {
        if ("host".equals(scalar(value))) {
            shared.add(namespace);
        } else {
            unsupported(key, what + " '" + scalar(value) + "' (only 'host' maps to a shared namespace)");
        }
    }

    private void build(Container service, Node value, Model model) {
        String context = isMapping(value) ? scalar(entries(value).getOrDefault("context", null) == null ? null
                : entries(value).get("context").getValueNode()) : scalar(value);
        if (context == null) {
            malformed(value, "'build' names no context folder.");
            return;
        }
        Path folder = file.toAbsolutePath().getParent().resolve(context).normalize();
        Path dockerfile = folder.resolve("Dockerfile");
        if (!Files.isRegularFile(dockerfile)) {
            unsupported(value, "a build whose Dockerfile (" + dockerfile + ") is not there to import");
            return;
        }
        try {
            Image image = DockerfileImporter.read(dockerfile, Files.readString(dockerfile), report, names, service.getName());
            model.getElements().add(0, image);
            service.setImage(image);
            service.setImageReference(null);
        } catch (java.io.IOException e) {
            malformed(value, "cannot read " + dockerfile + ": " + e.getMessage());
        }
    }

    private Command command(Node value) {
        Command command = MAKE.createCommand();
        if (isSequence(value)) {
            items(value).forEach(item -> command.getArguments().add(scalar(item)));
        } else {
            command.getArguments().addAll(ShellWords.split(scalar(value)));
        }
        return command;
    }

    private void environment(Container service, Node value) {
        if (isMapping(value)) {
            entries(value).forEach((name, tuple) -> addVariable(service, name, isNull(tuple.getValueNode()) ? "" : scalar(tuple.getValueNode())));
        } else {
            for (Node item : items(value)) {
                String text = scalar(item);
                int equals = text.indexOf('=');
                addVariable(service, equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
    }

    private static void addVariable(Container service, String key, String value) {
        EnvironmentVariable variable = MAKE.createEnvironmentVariable();
        variable.setKey(key);
        variable.setValue(value);
        service.getEnvironment().add(variable);
    }

    private PortMapping port(Node node) {
        PortMapping port = MAKE.createPortMapping();
        if (isMapping(node)) {
            Map<String, NodeTuple> fields = entries(node);
            fields.forEach((name, tuple) -> {
                String value = scalar(tuple.getValueNode());
                switch (name) {
                    case "target" -> port.setContainerPort(Integer.valueOf(value));
                    case "published" -> port.setHostPort(Integer.valueOf(value));
                    case "host_ip" -> port.setHostAddress(value);
                    case "protocol" -> port.setProtocol(Protocol.get(value));
                    default -> unsupported(tuple.getKeyNode(), "port key '" + name + "'");
                }
            });
            return port;
        }
        String text = scalar(node);
        String protocol = "tcp";
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            protocol = text.substring(slash + 1);
            text = text.substring(0, slash);
        }
        if (text.contains("-")) {
            throw new IllegalArgumentException("port ranges such as '" + text + "' cannot be expressed; write one port per line");
        }
        String[] parts = text.split(":");
        port.setContainerPort(Integer.valueOf(parts[parts.length - 1]));
        if (parts.length >= 2) {
            port.setHostPort(Integer.valueOf(parts[parts.length - 2]));
        }
        if (parts.length == 3) {
            port.setHostAddress(parts[0]);
        }
        Protocol parsed = Protocol.get(protocol);
        if (parsed == null) {
            throw new IllegalArgumentException("unknown protocol '" + protocol + "' (tcp or udp)");
        }
        port.setProtocol(parsed);
        return port;
    }

    private void mount(Container service, Node node) {
        Mount mount = MAKE.createMount();
        String source;
        if (isMapping(node)) {
            Map<String, NodeTuple> fields = entries(node);
            source = fields.containsKey("source") ? scalar(fields.get("source").getValueNode()) : null;
            mount.setPath(fields.containsKey("target") ? scalar(fields.get("target").getValueNode()) : null);
            mount.setReadOnly(fields.containsKey("read_only") && "true".equals(scalar(fields.get("read_only").getValueNode())));
            fields.keySet().stream().filter(k -> !Set.of("type", "source", "target", "read_only").contains(k))
                    .forEach(k -> unsupported(fields.get(k).getKeyNode(), "volume key '" + k + "'"));
        } else {
            String[] parts = scalar(node).split(":");
            if (parts.length == 1) {
                unsupported(node, "an anonymous volume ('" + parts[0] + "')");
                return;
            }
            source = parts[0];
            mount.setPath(parts[1]);
            if (parts.length > 2) {
                mount.setReadOnly(List.of(parts[2].split(",")).contains("ro"));
            }
        }
        if (source == null || mount.getPath() == null) {
            malformed(node, "A volume needs a source and a target path.");
            return;
        }
        if (source.startsWith(".") || source.startsWith("/") || source.startsWith("~")) {
            mount.setHostPath(source);
        } else if (volumes.containsKey(source)) {
            mount.setVolume(volumes.get(source));
        } else {
            malformed(node, "Volume '" + source + "' is not declared under the top-level 'volumes' key.");
            return;
        }
        service.getMounts().add(mount);
    }

    private void networks(Container service, Node value) {
        Consumer<String> attach = name -> {
            NetworkAttachment attachment = MAKE.createNetworkAttachment();
            attachment.setNetwork(networks.get(name));
            service.getAttachments().add(attachment);
        };
        if (isSequence(value)) {
            for (Node item : items(value)) {
                if (networks.containsKey(scalar(item))) {
                    attach.accept(scalar(item));
                } else {
                    malformed(item, "Network '" + scalar(item) + "' is not declared under the top-level 'networks' key.");
                }
            }
            return;
        }
        for (Map.Entry<String, NodeTuple> entry : entries(value).entrySet()) {
            if (!networks.containsKey(entry.getKey())) {
                malformed(entry.getValue().getKeyNode(), "Network '" + entry.getKey() + "' is not declared under the top-level 'networks' key.");
                continue;
            }
            attach.accept(entry.getKey());
            NetworkAttachment attachment = service.getAttachments().get(service.getAttachments().size() - 1);
            for (Map.Entry<String, NodeTuple> field : entries(entry.getValue().getValueNode()).entrySet()) {
                if (field.getKey().equals("ipv4_address")) {
                    Addresses.parseIpv4(scalar(field.getValue().getValueNode()));
                    attachment.setIp(scalar(field.getValue().getValueNode()));
                } else {
                    unsupported(field.getValue().getKeyNode(), "network attachment key '" + field.getKey() + "'");
                }
            }
        }
    }

    private void dependsOn(Container service, Node value) {
        if (isSequence(value)) {
            for (Node item : items(value)) {
                dependency(service, scalar(item), DependencyCondition.STARTED, item);
            }
            return;
        }
        for (Map.Entry<String, NodeTuple> entry : entries(value).entrySet()) {
            DependencyCondition condition = DependencyCondition.STARTED;
            for (Map.Entry<String, NodeTuple> field : entries(entry.getValue().getValueNode()).entrySet()) {
                if (field.getKey().equals("condition")) {
                    String text = scalar(field.getValue().getValueNode());
                    condition = switch (text) {
                        case "service_started" -> DependencyCondition.STARTED;
                        case "service_healthy" -> DependencyCondition.HEALTHY;
                        case "service_completed_successfully" -> DependencyCondition.COMPLETED;
                        default -> throw new IllegalArgumentException("unknown condition '" + text + "'");
                    };
                } else {
                    unsupported(field.getValue().getKeyNode(), "depends_on key '" + field.getKey() + "'");
                }
            }
            dependency(service, entry.getKey(), condition, entry.getValue().getKeyNode());
        }
    }

    private void dependency(Container service, String target, DependencyCondition condition, Node where) {
        if (!services.containsKey(target)) {
            malformed(where, "Service '" + target + "' in depends_on does not exist.");
            return;
        }
        Dependency dependency = MAKE.createDependency();
        dependency.setTarget(services.get(target));
        dependency.setCondition(condition);
        service.getDependencies().add(dependency);
    }

    private static RestartPolicy restart(Node value) {
        String text = scalar(value);
        String normalized = "false".equals(text) ? "no" : text;
        RestartPolicy policy = RestartPolicy.get(normalized == null ? "" : normalized.replaceFirst(":.*", ""));
        if (policy == null) {
            throw new IllegalArgumentException("unknown restart policy '" + text + "' (no, always, on-failure, unless-stopped)");
        }
        return policy;
    }

    private HealthCheck healthcheck(Node value) {
        HealthCheck health = MAKE.createHealthCheck();
        for (Map.Entry<String, NodeTuple> entry : entries(value).entrySet()) {
            Node field = entry.getValue().getValueNode();
            switch (entry.getKey()) {
                case "test" -> {
                    Command test = MAKE.createCommand();
                    if (isSequence(field)) {
                        items(field).forEach(item -> test.getArguments().add(scalar(item)));
                    } else {
                        test.getArguments().add("CMD-SHELL");
                        test.getArguments().add(scalar(field));
                    }
                    health.setTest(test);
                }
                case "interval" -> health.setInterval(ComposeValues.millis(scalar(field)));
                case "timeout" -> health.setTimeout(ComposeValues.millis(scalar(field)));
                case "retries" -> health.setRetries(Integer.valueOf(scalar(field)));
                case "start_period" -> health.setStartPeriod(ComposeValues.millis(scalar(field)));
                default -> unsupported(entry.getValue().getKeyNode(), "healthcheck key '" + entry.getKey() + "'");
            }
        }
        return health;
    }

    private void serviceSecret(Container service, Node item) {
        String name = isMapping(item) ? scalar(entries(item).get("source") == null ? null : entries(item).get("source").getValueNode()) : scalar(item);
        if (isMapping(item) && entries(item).keySet().stream().anyMatch(k -> !k.equals("source"))) {
            unsupported(item, "secret keys other than 'source' (target, uid, gid, mode)");
        }
        if (!secrets.containsKey(name)) {
            malformed(item, "Secret '" + name + "' is not declared under the top-level 'secrets' key.");
            return;
        }
        service.getSecrets().add(secrets.get(name));
    }

    private static Cgroup cgroup(Container service) {
        if (service.getCgroup() == null) {
            service.setCgroup(MAKE.createCgroup());
        }
        return service.getCgroup();
    }

    private void blkio(Container service, Node value) {
        for (Map.Entry<String, NodeTuple> entry : entries(value).entrySet()) {
            if (entry.getKey().equals("weight")) {
                cgroup(service).setBlkioWeight(Integer.valueOf(scalar(entry.getValue().getValueNode())));
            } else {
                unsupported(entry.getValue().getKeyNode(), "blkio_config key '" + entry.getKey() + "'");
            }
        }
    }

    private void deploy(Container service, Node value) {
        for (Map.Entry<String, NodeTuple> entry : entries(value).entrySet()) {
            Node field = entry.getValue().getValueNode();
            switch (entry.getKey()) {
                case "replicas" -> {
                    Replication replication = MAKE.createReplication();
                    replication.setFirst(1);
                    replication.setLast(Integer.parseInt(scalar(field)));
                    service.setReplication(replication);
                }
                case "resources" -> entries(field).forEach((kind, limits) -> {
                    if (!kind.equals("limits")) {
                        unsupported(limits.getKeyNode(), "deploy.resources." + kind);
                        return;
                    }
                    entries(limits.getValueNode()).forEach((name, limit) -> {
                        switch (name) {
                            case "cpus" -> cgroup(service).setCpus(Double.valueOf(scalar(limit.getValueNode())));
                            case "memory" -> cgroup(service).setMemoryLimit(ComposeValues.bytes(scalar(limit.getValueNode())));
                            default -> unsupported(limit.getKeyNode(), "deploy.resources.limits." + name);
                        }
                    });
                });
                default -> unsupported(entry.getValue().getKeyNode(), "deploy key '" + entry.getKey() + "'");
            }
        }
    }
}
