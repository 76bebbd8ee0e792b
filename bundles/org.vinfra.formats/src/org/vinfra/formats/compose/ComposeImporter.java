package org.vinfra.formats.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vinfra.formats.ImportContext;
import org.vinfra.formats.ImportException;
import org.vinfra.formats.ImportReport;
import org.vinfra.formats.ModelNames;
import org.vinfra.formats.Natives;
import org.vinfra.formats.Position;
import org.vinfra.formats.ShellWords;
import org.vinfra.formats.compose.YamlTree.Entry;
import org.vinfra.formats.compose.YamlTree.Kind;
import org.vinfra.formats.compose.YamlTree.ListNode;
import org.vinfra.formats.compose.YamlTree.MapNode;
import org.vinfra.formats.compose.YamlTree.Node;
import org.vinfra.formats.compose.YamlTree.Scalar;
import org.vinfra.lang.model.Addresses;
import org.vinfra.lang.model.Written;
import org.vinfra.lang.settings.Build;
import org.vinfra.lang.settings.BuildArgument;
import org.vinfra.lang.vinfra.Cgroup;
import org.vinfra.lang.vinfra.Command;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.settings.Config;
import org.vinfra.lang.settings.ConfigUse;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Dependency;
import org.vinfra.lang.vinfra.DependencyCondition;
import org.vinfra.lang.vinfra.EnvironmentVariable;
import org.vinfra.lang.vinfra.Expose;
import org.vinfra.lang.settings.ExposedPort;
import org.vinfra.lang.vinfra.HealthCheck;
import org.vinfra.lang.settings.Label;
import org.vinfra.lang.settings.LogOption;
import org.vinfra.lang.settings.Logging;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Mount;
import org.vinfra.lang.vinfra.Namespace;
import org.vinfra.lang.settings.Native;
import org.vinfra.lang.settings.NativeFormat;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.NetworkAttachment;
import org.vinfra.lang.vinfra.NetworkMode;
import org.vinfra.lang.vinfra.PortMapping;
import org.vinfra.lang.vinfra.Protocol;
import org.vinfra.lang.vinfra.Replication;
import org.vinfra.lang.settings.Resources;
import org.vinfra.lang.vinfra.RestartPolicy;
import org.vinfra.lang.vinfra.Secret;
import org.vinfra.lang.settings.Subnet;
import org.vinfra.lang.settings.Sysctl;
import org.vinfra.lang.settings.Ulimit;
import org.vinfra.lang.settings.SettingsFactory;
import org.vinfra.lang.vinfra.VinfraFactory;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.vinfra.Volume;

/**
 * Reads a compose file (Compose Specification) into a compose deployment of the model: YAML
 * anchors and merge keys, interpolation from the environment and {@code .env}, {@code extends} (of
 * this file or others), long and short syntaxes, relative paths resolved against the compose file's
 * folder. What the model has a concept for becomes that concept; every other key is kept as a
 * typed {@code native compose} setting and exported again unchanged, so nothing is dropped.
 * Malformed YAML or values are positioned errors.
 */
public final class ComposeImporter {

    private static final VinfraFactory MAKE = VinfraFactory.eINSTANCE;

    private final Path file;
    private final ImportReport report;
    private final ModelNames names;
    private final ImportContext context;
    private final Map<String, Network> networks = new HashMap<>();
    private final Map<String, Volume> volumes = new HashMap<>();
    private final Map<String, Secret> secrets = new HashMap<>();
    private final Map<String, Config> configs = new HashMap<>();
    private final Map<String, Container> services = new HashMap<>();
    private Compose compose;

    private ComposeImporter(Path file, ImportReport report, ModelNames names, ImportContext context) {
        this.file = file;
        this.report = report;
        this.names = names;
        this.context = context;
    }

    /** Adds the compose deployment of {@code file} to {@code model}. */
    public static void read(Path file, String text, Model model, ImportReport report, ModelNames names, ImportContext context) {
        ComposeImporter importer = new ComposeImporter(file, report, names, context);
        try {
            importer.read(text, model);
        } catch (ImportException e) {
            report.malformed(e);
        }
    }

    private void read(String text, Model model) throws ImportException {
        Node root = YamlTree.load(file, text);
        if (!(root instanceof MapNode top)) {
            throw new ImportException(root.at(), "A compose file is a mapping with a 'services' key; this is a " + (root instanceof ListNode ? "list"
                    : "single value") + ".");
        }
        Path folder = file.toAbsolutePath().getParent();
        Interpolation interpolation = new Interpolation(Interpolation.variables(folder, context.environment(), report), report);
        compose = context.at(MAKE.createCompose(), top.at());
        Node nameNode = top.get("name");
        String projectName = nameNode instanceof Scalar scalar && !scalar.isNull() ? interpolation.text(scalar.text(), scalar.at())
                : folder.getFileName() == null ? "compose" : folder.getFileName().toString();
        String modelName = names.name(projectName);
        compose.setName(modelName);
        model.getElements().add(compose);
        if (!(top.get("services") instanceof MapNode)) {
            if (!top.has("services")) {
                boolean versionOne = top.entries().values().stream().anyMatch(e -> e.value() instanceof MapNode m && (m.has("image") || m.has("build")));
                throw new ImportException(top.at(), versionOne
                        ? "This is a compose file of format version 1: its services are at the top level. The Compose Specification (and"
                                + " this import) reads services under a 'services:' key: indent them under 'services:' and import again."
                        : "A compose file needs a 'services' key listing its containers.");
            }
            if (!(top.get("services") instanceof Scalar s && s.isNull())) {
                throw new ImportException(top.get("services").at(), "'services' is a mapping from service names to their settings.");
            }
        }
        Map<String, Node> sections = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> entry : top.entries().entrySet()) {
            String key = entry.getKey();
            Node value = entry.getValue().value();
            // extensions (x-...) are not interpolated, as docker-compose leaves them
            sections.put(key, key.startsWith("x-") ? value : interpolation.apply(value));
        }
        for (Map.Entry<String, Node> section : sections.entrySet()) {
            Node value = section.getValue();
            switch (section.getKey()) {
                case "services" -> {
                    // below, once networks, volumes, secrets and configs are known
                }
                case "name" -> {
                    if (!modelName.equals(projectName)) {
                        compose.getNatives().add(Natives.of(NativeFormat.COMPOSE, "name", projectName));
                    }
                }
                case "networks" -> {
                    for (Map.Entry<String, Entry> entry : mapping(value, "networks").entries().entrySet()) {
                        compose.getNetworks().add(network(entry.getKey(), entry.getValue()));
                    }
                }
                case "volumes" -> {
                    for (Map.Entry<String, Entry> entry : mapping(value, "volumes").entries().entrySet()) {
                        compose.getVolumes().add(volume(entry.getKey(), entry.getValue()));
                    }
                }
                case "secrets" -> {
                    for (Map.Entry<String, Entry> entry : mapping(value, "secrets").entries().entrySet()) {
                        compose.getSecrets().add(secret(entry.getKey(), entry.getValue()));
                    }
                }
                case "configs" -> {
                    for (Map.Entry<String, Entry> entry : mapping(value, "configs").entries().entrySet()) {
                        compose.getConfigs().add(config(entry.getKey(), entry.getValue()));
                    }
                }
                default -> {
                    if (section.getKey().equals("include")) {
                        report.unsupported(top.entries().get("include").key().at(), "'include' is kept as written: its paths stay relative to"
                                + " the compose file, so copy the included files beside the exported one.");
                    }
                    compose.getNatives().add(context.at(Natives.of(NativeFormat.COMPOSE, section.getKey(), YamlTree.toJava(value)),
                            top.entries().get(section.getKey()).key().at()));
                }
            }
        }
        if (!(sections.get("services") instanceof MapNode servicesNode)) {
            return;
        }
        Extends extending = new Extends(Extends.reader(file, servicesNode, interpolation));
        Map<String, MapNode> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> entry : servicesNode.entries().entrySet()) {
            Node value = entry.getValue().value();
            if (value instanceof Scalar scalar && scalar.isNull()) {
                value = new MapNode(scalar.at(), Map.of());
            }
            if (!(value instanceof MapNode service)) {
                throw new ImportException(value.at(), "Service '" + entry.getKey() + "' is not a mapping of settings.");
            }
            try {
                resolved.put(entry.getKey(), extending.resolve(file, entry.getKey(), service));
            } catch (ImportException e) {
                report.malformed(e);
            }
            Container container = context.at(MAKE.createContainer(), entry.getValue().key().at());
            container.setName(rename(entry.getKey(), entry.getValue().key(), "service"));
            services.put(entry.getKey(), container);
            compose.getServices().add(container);
        }
        for (Map.Entry<String, MapNode> entry : resolved.entrySet()) {
            service(services.get(entry.getKey()), entry.getValue());
        }
    }

    private MapNode mapping(Node node, String what) throws ImportException {
        if (node instanceof MapNode map) {
            return map;
        }
        if (node instanceof Scalar scalar && scalar.isNull()) {
            return new MapNode(node.at(), Map.of());
        }
        throw new ImportException(node.at(), "'" + what + "' is a mapping from names to settings.");
    }

    private String rename(String name, Scalar where, String what) {
        String renamed = names.rename(name);
        if (renamed != null) {
            report.unsupported(where.at(), "The " + what + " name '" + name + "' is not a valid .vinfra name (or is a keyword of the language);"
                    + " it is imported as '" + renamed + "', and exporting gives the new name.");
            return renamed;
        }
        return name;
    }

    /** An absolute path for a path written in a file (relative paths are relative to that file's folder). */
    private static Path resolve(Position at, String path) {
        if (path.startsWith("~")) {
            return null;
        }
        return at.file().toAbsolutePath().getParent().resolve(path).normalize();
    }

    /** The path as the model keeps it: relative to the model (or absolute); '~' paths stay as written. */
    private String modelPath(Position at, String path) {
        Path resolved = resolve(at, path);
        if (resolved == null) {
            return path;
        }
        // a model beside the compose file keeps its relative paths as they are written
        if (!Path.of(path).isAbsolute() && context.modelPath(at.file().toAbsolutePath().getParent()).equals(".")) {
            return path;
        }
        String modelPath = context.modelPath(resolved);
        return modelPath;
    }

    private static boolean isHostPath(String source) {
        return source.startsWith(".") || source.startsWith("/") || source.startsWith("~") || source.matches("[A-Za-z]:[\\\\/].*");
    }

    // ------------------------------------------------------------------ top-level sections

    private Network network(String name, Entry entry) throws ImportException {
        Network network = context.at(MAKE.createNetwork(), entry.key().at());
        network.setName(rename(name, entry.key(), "network"));
        networks.put(name, network);
        MapNode settings = mapping(entry.value(), "networks." + name);
        for (Map.Entry<String, Entry> field : settings.entries().entrySet()) {
            Node value = field.getValue().value();
            try {
                switch (field.getKey()) {
                    case "internal" -> {
                        if (bool(value)) {
                            network.setMode(NetworkMode.INTERNAL);
                        } else {
                            keep(network.getNatives(), field);
                        }
                    }
                    case "driver" -> network.setDriver(text(value));
                    case "enable_ipv6" -> {
                        if (bool(value)) {
                            network.setIpv6(true);
                        } else {
                            keep(network.getNatives(), field);
                        }
                    }
                    case "external" -> {
                        if (value instanceof Scalar && bool(value)) {
                            network.setExternal(true);
                        } else {
                            keep(network.getNatives(), field);
                        }
                    }
                    case "labels" -> labels(network.getLabels(), value);
                    case "ipam" -> ipam(network, field.getValue());
                    default -> keep(network.getNatives(), field);
                }
            } catch (ImportException e) {
                report.malformed(e);
            }
        }
        return network;
    }

    /** The first IPv4 pool of exactly subnet (and gateway) is the network's cidr; every other pool is a subnet, in order. */
    private void ipam(Network network, Entry entry) throws ImportException {
        MapNode ipam = mapping(entry.value(), "ipam");
        Map<String, Object> rest = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> field : ipam.entries().entrySet()) {
            if (!field.getKey().equals("config") || !(field.getValue().value() instanceof ListNode pools)) {
                rest.put(field.getKey(), YamlTree.toJava(field.getValue().value()));
                continue;
            }
            List<Subnet> subnets = new ArrayList<>();
            List<Object> unexpressible = new ArrayList<>();
            boolean first = true;
            for (Node poolNode : pools.items()) {
                MapNode pool = mapping(poolNode, "ipam.config");
                String subnet = pool.text("subnet");
                boolean simple = subnet != null && pool.keys().stream().allMatch(k -> Set.of("subnet", "gateway", "ip_range").contains(k));
                if (!simple) {
                    unexpressible.add(YamlTree.toJava(pool));
                    continue;
                }
                checkAddress(pool.get("subnet"), true);
                if (pool.has("gateway")) {
                    checkAddress(pool.get("gateway"), false);
                }
                if (pool.has("ip_range")) {
                    checkAddress(pool.get("ip_range"), true);
                }
                if (first && subnets.isEmpty() && unexpressible.isEmpty() && !subnet.contains(":") && !pool.has("ip_range")
                        && (pool.text("gateway") == null || !pool.text("gateway").contains(":"))) {
                    network.setCidr(subnet);
                    network.setGateway(pool.text("gateway"));
                } else {
                    Subnet pool2 = SettingsFactory.eINSTANCE.createSubnet();
                    pool2.setCidr(subnet);
                    pool2.setGateway(pool.text("gateway"));
                    pool2.setRange(pool.text("ip_range"));
                    subnets.add(pool2);
                }
                first = false;
            }
            if (!unexpressible.isEmpty()) {
                // pools with settings the model has no place for (aux_addresses...): the whole list is kept as written
                network.setCidr(null);
                network.setGateway(null);
                List<Object> all = new ArrayList<>();
                pools.items().forEach(p -> all.add(YamlTree.toJava(p)));
                rest.put("config", all);
                continue;
            }
            network.getSubnets().addAll(subnets);
        }
        if (!rest.isEmpty()) {
            network.getNatives().add(Natives.of(NativeFormat.COMPOSE, "ipam", rest));
        }
    }

    private void checkAddress(Node node, boolean block) throws ImportException {
        String text = text(node);
        try {
            if (text.contains(":")) {
                org.vinfra.lang.model.Ipv6.parse(text, block);
            } else if (block) {
                Addresses.parseCidr(text);
            } else {
                Addresses.parseIpv4(text);
            }
        } catch (IllegalArgumentException e) {
            throw new ImportException(node.at(), "'" + text + "' is not an IP " + (block ? "block (e.g. 172.28.0.0/16, fd00::/64)" : "address") + ": "
                    + e.getMessage());
        }
    }

    private Volume volume(String name, Entry entry) throws ImportException {
        Volume volume = context.at(MAKE.createVolume(), entry.key().at());
        volume.setName(rename(name, entry.key(), "volume"));
        volumes.put(name, volume);
        for (Map.Entry<String, Entry> field : mapping(entry.value(), "volumes." + name).entries().entrySet()) {
            Node value = field.getValue().value();
            switch (field.getKey()) {
                case "driver" -> volume.setDriver(text(value));
                case "external" -> {
                    if (value instanceof Scalar && bool(value)) {
                        volume.setExternal(true);
                    } else {
                        keep(volume.getNatives(), field);
                    }
                }
                case "labels" -> labels(volume.getLabels(), value);
                default -> keep(volume.getNatives(), field);
            }
        }
        return volume;
    }

    private Secret secret(String name, Entry entry) throws ImportException {
        Secret secret = context.at(MAKE.createSecret(), entry.key().at());
        secret.setName(rename(name, entry.key(), "secret"));
        secrets.put(name, secret);
        for (Map.Entry<String, Entry> field : mapping(entry.value(), "secrets." + name).entries().entrySet()) {
            Node value = field.getValue().value();
            switch (field.getKey()) {
                case "file" -> secret.setFile(modelPath(value.at(), text(value)));
                case "environment" -> secret.setEnvironment(text(value));
                case "external" -> {
                    if (value instanceof Scalar && bool(value)) {
                        secret.setExternal(true);
                    } else {
                        keep(secret.getNatives(), field);
                    }
                }
                default -> keep(secret.getNatives(), field);
            }
        }
        if (secret.getFile() == null && secret.getEnvironment() == null && !secret.isExternal() && secret.getNatives().isEmpty()) {
            throw new ImportException(entry.key().at(), "Secret '" + name + "' says neither where its value comes from ('file' or 'environment')"
                    + " nor that it exists already ('external: true'). Add one of them.");
        }
        return secret;
    }

    private Config config(String name, Entry entry) throws ImportException {
        Config config = context.at(SettingsFactory.eINSTANCE.createConfig(), entry.key().at());
        config.setName(rename(name, entry.key(), "config"));
        configs.put(name, config);
        for (Map.Entry<String, Entry> field : mapping(entry.value(), "configs." + name).entries().entrySet()) {
            Node value = field.getValue().value();
            switch (field.getKey()) {
                case "file" -> config.setFile(modelPath(value.at(), text(value)));
                case "environment" -> config.setEnvironment(text(value));
                case "content" -> config.setContent(text(value));
                case "external" -> {
                    if (value instanceof Scalar && bool(value)) {
                        config.setExternal(true);
                    } else {
                        keep(config.getNatives(), field);
                    }
                }
                default -> keep(config.getNatives(), field);
            }
        }
        return config;
    }

    // ------------------------------------------------------------------ services

    private void service(Container service, MapNode node) {
        Set<Namespace> shared = EnumSet.noneOf(Namespace.class);
        for (Map.Entry<String, Entry> entry : node.entries().entrySet()) {
            Node value = entry.getValue().value();
            try {
                switch (entry.getKey()) {
                    case "image" -> service.setImageReference(text(value));
                    case "build" -> service.setBuild(build(value));
                    case "command" -> service.setCommand(command(value));
                    case "entrypoint" -> service.setEntrypoint(command(value));
                    case "environment" -> environment(service, value);
                    case "env_file" -> {
                        if (value instanceof Scalar scalar) {
                            service.getEnvFiles().add(modelPath(scalar.at(), scalar.text()));
                        } else if (value instanceof ListNode list && list.items().stream().allMatch(Scalar.class::isInstance)) {
                            for (Node item : list.items()) {
                                service.getEnvFiles().add(modelPath(item.at(), text(item)));
                            }
                        } else {
                            keep(service.getNatives(), entry);
                        }
                    }
                    case "ports" -> ports(service, entry);
                    case "expose" -> expose(service, entry);
                    case "volumes" -> mounts(service, entry);
                    case "tmpfs" -> {
                        if (value instanceof Scalar scalar) {
                            service.getTmpfs().add(scalar.text());
                        } else {
                            for (Node item : items(value)) {
                                service.getTmpfs().add(text(item));
                            }
                        }
                    }
                    case "networks" -> networks(service, value);
                    case "depends_on" -> dependsOn(service, value);
                    case "restart" -> {
                        RestartPolicy policy = restart(value);
                        if (policy == null) {
                            keep(service.getNatives(), entry); // "on-failure:5" (with retries), "": as written
                        } else {
                            service.setRestart(policy);
                            Written.mark(service, Literals.CONTAINER__RESTART);
                        }
                    }
                    case "healthcheck" -> service.setHealth(healthcheck(mapping(value, "healthcheck")));
                    case "secrets" -> uses(service, entry, true);
                    case "configs" -> uses(service, entry, false);
                    case "privileged" -> {
                        if (bool(value)) {
                            service.setPrivileged(true);
                        } else {
                            keep(service.getNatives(), entry);
                        }
                    }
                    case "cap_add" -> {
                        for (Node item : items(value)) {
                            service.getCapabilities().add(capability(item));
                        }
                    }
                    case "cap_drop" -> {
                        for (Node item : items(value)) {
                            service.getDroppedCapabilities().add(capability(item));
                        }
                    }
                    case "cpus" -> cgroup(service).setCpus(number(value));
                    case "cpu_shares" -> cgroup(service).setCpuShares(integer(value));
                    case "cpuset" -> cgroup(service).setCpuset(text(value));
                    case "mem_limit" -> cgroup(service).setMemoryLimit(bytes(value));
                    case "blkio_config" -> blkio(service, entry);
                    case "deploy" -> deploy(service, mapping(value, "deploy"));
                    case "network_mode", "pid", "ipc", "uts" -> {
                        if ("host".equals(text(value))) {
                            shared.add(switch (entry.getKey()) {
                                case "network_mode" -> Namespace.NETWORK;
                                case "pid" -> Namespace.PID;
                                case "ipc" -> Namespace.IPC;
                                default -> Namespace.UTS;
                            });
                        } else {
                            keep(service.getNatives(), entry);
                        }
                    }
                    case "hostname" -> service.setHostname(text(value));
                    case "user" -> service.setUser(text(value));
                    case "working_dir" -> service.setWorkdir(text(value));
                    case "stop_signal" -> service.setStopSignal(text(value));
                    case "sysctls" -> sysctls(service, value);
                    case "ulimits" -> ulimits(service, value);
                    case "labels" -> labels(service.getLabels(), value);
                    case "logging" -> logging(service, mapping(value, "logging"));
                    case "profiles" -> {
                        for (Node item : items(value)) {
                            service.getProfiles().add(text(item));
                        }
                    }
                    default -> keep(service.getNatives(), entry);
                }
            } catch (ImportException e) {
                report.malformed(e);
            } catch (IllegalArgumentException e) {
                report.malformed(value.at(), "'" + entry.getKey() + "' of service '" + service.getName() + "': " + ImportReport.reason(e));
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

    /** A key the model has no concept for, kept as it is written. */
    private void keep(List<Native> natives, Map.Entry<String, Entry> entry) {
        natives.add(context.at(Natives.of(NativeFormat.COMPOSE, entry.getKey(), YamlTree.toJava(entry.getValue().value())),
                entry.getValue().key().at()));
    }

    private static String text(Node node) throws ImportException {
        if (node instanceof Scalar scalar && !scalar.isNull()) {
            return scalar.text();
        }
        throw new ImportException(node.at(), "A single value is expected here, not " + (node instanceof MapNode ? "a mapping"
                : node instanceof ListNode ? "a list" : "nothing") + ".");
    }

    private static boolean bool(Node node) throws ImportException {
        String text = text(node);
        if (node instanceof Scalar scalar && scalar.kind() == Kind.BOOL || text.equals("true") || text.equals("false")) {
            return YamlTree.isTrue(text);
        }
        throw new ImportException(node.at(), "'" + text + "' is not true or false.");
    }

    private static int integer(Node node) throws ImportException {
        try {
            return Integer.parseInt(text(node).trim());
        } catch (NumberFormatException e) {
            throw new ImportException(node.at(), "'" + text(node) + "' is not a whole number.");
        }
    }

    private static double number(Node node) throws ImportException {
        try {
            return Double.parseDouble(text(node).trim());
        } catch (NumberFormatException e) {
            throw new ImportException(node.at(), "'" + text(node) + "' is not a number (e.g. 0.5, 2).");
        }
    }

    private static long bytes(Node node) throws ImportException {
        try {
            return ComposeValues.bytes(text(node));
        } catch (IllegalArgumentException e) {
            throw new ImportException(node.at(), e.getMessage() + ".");
        }
    }

    private static long millis(Node node) throws ImportException {
        try {
            return ComposeValues.millis(text(node));
        } catch (IllegalArgumentException e) {
            throw new ImportException(node.at(), e.getMessage() + ".");
        }
    }

    private static List<Node> items(Node node) throws ImportException {
        if (node instanceof ListNode list) {
            return list.items();
        }
        if (node instanceof Scalar scalar && scalar.isNull()) {
            return List.of();
        }
        throw new ImportException(node.at(), "A list is expected here.");
    }

    private static String capability(Node node) throws ImportException {
        String text = text(node);
        if (!text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ImportException(node.at(), "'" + text + "' is not a capability name (e.g. NET_ADMIN, SYS_TIME, ALL).");
        }
        return text;
    }

    private Build build(Node value) throws ImportException {
        Build build = SettingsFactory.eINSTANCE.createBuild();
        if (value instanceof Scalar) {
            build.setContext(modelPath(value.at(), text(value)));
            return build;
        }
        MapNode settings = mapping(value, "build");
        for (Map.Entry<String, Entry> field : settings.entries().entrySet()) {
            Node node = field.getValue().value();
            switch (field.getKey()) {
                case "context" -> {
                    String context = text(node);
                    build.setContext(context.contains("://") || context.startsWith("git@") ? context : modelPath(node.at(), context));
                }
                case "dockerfile" -> build.setDockerfile(text(node));
                case "dockerfile_inline" -> build.setInline(text(node));
                case "target" -> build.setTarget(text(node));
                case "args" -> {
                    Node args = Extends.asMapping(node, "=");
                    for (Map.Entry<String, Entry> arg : mapping(args, "args").entries().entrySet()) {
                        BuildArgument argument = SettingsFactory.eINSTANCE.createBuildArgument();
                        argument.setKey(arg.getKey());
                        Node argValue = arg.getValue().value();
                        argument.setValue(argValue instanceof Scalar s && s.isNull() ? null : text(argValue));
                        build.getArgs().add(argument);
                    }
                }
                case "labels" -> labels(build.getLabels(), node);
                default -> keep(build.getNatives(), field);
            }
        }
        return build;
    }

    private Command command(Node value) throws ImportException {
        Command command = MAKE.createCommand();
        if (value instanceof ListNode list) {
            for (Node item : list.items()) {
                command.getArguments().add(text(item));
            }
            if (list.items().isEmpty()) {
                throw new ImportException(value.at(), "An empty command list cannot be kept; remove the key, or give the command.");
            }
        } else {
            command.setShell(text(value));
        }
        return command;
    }

    private void environment(Container service, Node value) throws ImportException {
        MapNode map = mapping(Extends.asMapping(value, "="), "environment");
        for (Map.Entry<String, Entry> entry : map.entries().entrySet()) {
            EnvironmentVariable variable = MAKE.createEnvironmentVariable();
            variable.setKey(entry.getKey());
            Node node = entry.getValue().value();
            variable.setValue(node instanceof Scalar scalar && scalar.isNull() ? null : text(node));
            service.getEnvironment().add(context.at(variable, entry.getValue().key().at()));
        }
    }

    private void labels(List<Label> labels, Node value) throws ImportException {
        MapNode map = mapping(Extends.asMapping(value, "="), "labels");
        for (Map.Entry<String, Entry> entry : map.entries().entrySet()) {
            Label label = SettingsFactory.eINSTANCE.createLabel();
            label.setKey(entry.getKey());
            Node node = entry.getValue().value();
            label.setValue(node instanceof Scalar scalar && scalar.isNull() ? "" : text(node));
            labels.add(label);
        }
    }

    private void sysctls(Container service, Node value) throws ImportException {
        MapNode map = mapping(Extends.asMapping(value, "="), "sysctls");
        for (Map.Entry<String, Entry> entry : map.entries().entrySet()) {
            Sysctl sysctl = SettingsFactory.eINSTANCE.createSysctl();
            sysctl.setKey(entry.getKey());
            sysctl.setValue(text(entry.getValue().value()));
            service.getSysctls().add(context.at(sysctl, entry.getValue().key().at()));
        }
    }

    private void ulimits(Container service, Node value) throws ImportException {
        for (Map.Entry<String, Entry> entry : mapping(value, "ulimits").entries().entrySet()) {
            Ulimit ulimit = context.at(SettingsFactory.eINSTANCE.createUlimit(), entry.getValue().key().at());
            ulimit.setName(entry.getKey());
            Node limit = entry.getValue().value();
            if (limit instanceof MapNode pair) {
                if (pair.get("soft") == null || pair.get("hard") == null) {
                    throw new ImportException(limit.at(), "A ulimit mapping has 'soft' and 'hard' (e.g. {soft: 20000, hard: 40000}).");
                }
                ulimit.setSoft(integer(pair.get("soft")));
                ulimit.setHard(integer(pair.get("hard")));
            } else {
                ulimit.setSoft(integer(limit));
            }
            service.getUlimits().add(ulimit);
        }
    }

    private void logging(Container service, MapNode value) throws ImportException {
        Logging logging = SettingsFactory.eINSTANCE.createLogging();
        for (Map.Entry<String, Entry> entry : value.entries().entrySet()) {
            switch (entry.getKey()) {
                case "driver" -> logging.setDriver(text(entry.getValue().value()));
                case "options" -> {
                    for (Map.Entry<String, Entry> option : mapping(entry.getValue().value(), "logging.options").entries().entrySet()) {
                        LogOption logOption = SettingsFactory.eINSTANCE.createLogOption();
                        logOption.setKey(option.getKey());
                        logOption.setValue(text(option.getValue().value()));
                        logging.getOptions().add(logOption);
                    }
                }
                default -> throw new ImportException(entry.getValue().key().at(), "'logging' has 'driver' and 'options', not '" + entry.getKey() + "'.");
            }
        }
        service.setLogging(logging);
    }

    /** Ports; when one cannot be expressed (a port range to one port, a mode...), the whole list is kept as written. */
    private void ports(Container service, Map.Entry<String, Entry> entry) throws ImportException {
        List<PortMapping> ports = new ArrayList<>();
        try {
            for (Node node : items(entry.getValue().value())) {
                ports.add(context.at(port(node), node.at()));
            }
        } catch (NotExpressible e) {
            keep(service.getNatives(), entry);
            return;
        }
        service.getPorts().addAll(ports);
    }

    private static final class NotExpressible extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private PortMapping port(Node node) throws ImportException, NotExpressible {
        PortMapping port = MAKE.createPortMapping();
        if (node instanceof MapNode fields) {
            for (Map.Entry<String, Entry> field : fields.entries().entrySet()) {
                Node value = field.getValue().value();
                switch (field.getKey()) {
                    case "target" -> range(value, text(value), port, false);
                    case "published" -> range(value, text(value), port, true);
                    case "host_ip" -> {
                        if (!text(value).matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
                            throw new NotExpressible();
                        }
                        port.setHostAddress(ipv4(value, text(value)));
                    }
                    case "protocol" -> protocol(value, text(value), port);
                    default -> throw new NotExpressible();
                }
            }
            if (port.getContainerPort() == null) {
                throw new ImportException(node.at(), "A port needs its 'target' (the container's port).");
            }
            return port;
        }
        String text = text(node);
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            protocol(node, text.substring(slash + 1), port);
            text = text.substring(0, slash);
        }
        String[] parts = text.split(":", -1);
        if (parts.length > 3 || text.contains("[")) {
            throw new NotExpressible();
        }
        range(node, parts[parts.length - 1], port, false);
        if (parts.length >= 2) {
            if (parts[parts.length - 2].isEmpty()) {
                throw new NotExpressible(); // an address and a random host port: "127.0.0.1::80"
            }
            range(node, parts[parts.length - 2], port, true);
        }
        if (parts.length == 3) {
            port.setHostAddress(ipv4(node, parts[0]));
        }
        if (port.getHostPortEnd() != null && port.getContainerPortEnd() == null && !port.getHostPortEnd().equals(port.getHostPort())) {
            throw new NotExpressible(); // a range of host ports for one container port
        }
        return port;
    }

    private static String ipv4(Node node, String text) throws ImportException {
        try {
            Addresses.parseIpv4(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw new ImportException(node.at(), "'" + text + "' is not an IPv4 address to publish on: " + e.getMessage());
        }
    }

    private static void protocol(Node node, String text, PortMapping port) throws ImportException {
        Protocol protocol = Protocol.get(text.toLowerCase(java.util.Locale.ROOT));
        if (protocol == null) {
            throw new ImportException(node.at(), "Unknown protocol '" + text + "': tcp, udp or sctp.");
        }
        port.setProtocol(protocol);
        Written.mark(port, Literals.PORT_MAPPING__PROTOCOL);
    }

    private static void range(Node node, String text, PortMapping port, boolean host) throws ImportException {
        String[] bounds = text.split("-", -1);
        if (bounds.length > 2) {
            throw new ImportException(node.at(), "'" + text + "' is not a port or a range of ports (8000-8010).");
        }
        int first = portNumber(node, bounds[0]);
        Integer last = bounds.length == 2 ? portNumber(node, bounds[1]) : null;
        if (last != null && last < first) {
            throw new ImportException(node.at(), "The port range " + text + " is empty: write the smaller port first.");
        }
        if (host) {
            port.setHostPort(first);
            port.setHostPortEnd(last);
        } else {
            port.setContainerPort(first);
            port.setContainerPortEnd(last);
        }
    }

    private static int portNumber(Node node, String text) throws ImportException {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 1 || port > 65535) {
                throw new ImportException(node.at(), "Port " + port + " is outside 1-65535.");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ImportException(node.at(), "'" + text + "' is not a port number.");
        }
    }

    private void expose(Container service, Map.Entry<String, Entry> entry) throws ImportException {
        List<Expose> exposes = new ArrayList<>();
        for (Node node : items(entry.getValue().value())) {
            String text = text(node);
            Expose expose = MAKE.createExpose();
            ExposedPort parsed;
            try {
                parsed = ComposeValues.exposedPort(text);
            } catch (IllegalArgumentException e) {
                throw new ImportException(node.at(), e.getMessage());
            }
            expose.setPort(parsed.getPort());
            expose.setPortEnd(parsed.getPortEnd());
            if (text.contains("/")) {
                expose.setProtocol(parsed.getProtocol());
                Written.mark(expose, Literals.EXPOSE__PROTOCOL);
            }
            exposes.add(context.at(expose, node.at()));
        }
        service.getExposes().addAll(exposes);
    }

    private void mounts(Container service, Map.Entry<String, Entry> entry) throws ImportException {
        for (Node node : items(entry.getValue().value())) {
            service.getMounts().add(context.at(mount(node), node.at()));
        }
    }

    private Mount mount(Node node) throws ImportException {
        Mount mount = MAKE.createMount();
        if (node instanceof MapNode fields) {
            String type = fields.text("type");
            String source = fields.text("source");
            if (fields.text("target") == null) {
                throw new ImportException(node.at(), "A volume needs its 'target' (the path in the container).");
            }
            mount.setPath(fields.text("target"));
            for (Map.Entry<String, Entry> field : fields.entries().entrySet()) {
                Node value = field.getValue().value();
                switch (field.getKey()) {
                    case "type", "source", "target" -> {
                        // below
                    }
                    case "read_only" -> mount.setReadOnly(bool(value));
                    default -> mount.getNatives().add(Natives.of(NativeFormat.COMPOSE, field.getKey(), YamlTree.toJava(value)));
                }
            }
            mount.setType(type == null ? "volume" : type);
            if (source != null) {
                source(mount, fields.get("source"), source, "bind".equals(type) || "npipe".equals(type));
            }
            return mount;
        }
        String text = text(node);
        String[] parts = splitVolume(text);
        if (parts.length == 1) {
            mount.setPath(parts[0]);
            return mount;
        }
        mount.setPath(parts[1]);
        if (parts.length > 2) {
            List<String> options = new ArrayList<>(List.of(parts[2].split(",")));
            if (options.remove("ro")) {
                mount.setReadOnly(true);
            }
            if (!options.isEmpty()) {
                mount.setOptions(String.join(",", options));
            }
        }
        source(mount, node, parts[0], isHostPath(parts[0]));
        return mount;
    }

    /** SOURCE:TARGET[:MODE], with a Windows drive letter kept in the source. */
    private static String[] splitVolume(String text) {
        List<String> parts = new ArrayList<>(List.of(text.split(":", -1)));
        if (parts.size() > 1 && parts.get(0).length() == 1 && Character.isLetter(parts.get(0).charAt(0))) {
            parts.set(1, parts.get(0) + ":" + parts.get(1));
            parts.remove(0);
        }
        return parts.toArray(String[]::new);
    }

    private void source(Mount mount, Node node, String source, boolean hostPath) throws ImportException {
        if (hostPath) {
            mount.setHostPath(modelPath(node.at(), source));
        } else if (volumes.containsKey(source)) {
            mount.setVolume(volumes.get(source));
        } else {
            throw new ImportException(node.at(), "Volume '" + source + "' is not declared under the top-level 'volumes' key. Declare it there"
                    + " (volumes: {" + source + ": {}}), or write a host path starting with ./ or /.");
        }
    }

    private void networks(Container service, Node value) throws ImportException {
        MapNode map = mapping(Extends.asMapping(value, ""), "networks");
        for (Map.Entry<String, Entry> entry : map.entries().entrySet()) {
            String name = entry.getKey();
            Network network = networks.get(name);
            if (network == null && ComposeExporter.PREDEFINED_NETWORKS.contains(name)) {
                // the project's default network, or one Docker has already (bridge, host, none): not declared, not written
                network = context.at(MAKE.createNetwork(), entry.getValue().key().at());
                network.setName(name);
                networks.put(name, network);
                compose.getNetworks().add(network);
            }
            if (network == null) {
                throw new ImportException(entry.getValue().key().at(), "Network '" + name + "' is not declared under the top-level 'networks' key."
                        + " Declare it there (networks: {" + name + ": {}}).");
            }
            NetworkAttachment attachment = context.at(MAKE.createNetworkAttachment(), entry.getValue().key().at());
            attachment.setNetwork(network);
            Node settings = entry.getValue().value();
            if (settings instanceof MapNode fields) {
                for (Map.Entry<String, Entry> field : fields.entries().entrySet()) {
                    Node fieldValue = field.getValue().value();
                    switch (field.getKey()) {
                        case "ipv4_address" -> attachment.setIp(ipv4(fieldValue, text(fieldValue)));
                        case "ipv6_address" -> {
                            checkAddress(fieldValue, false);
                            attachment.setIp6(text(fieldValue));
                        }
                        case "aliases" -> {
                            for (Node alias : items(fieldValue)) {
                                attachment.getAliases().add(text(alias));
                            }
                        }
                        default -> keep(attachment.getNatives(), field);
                    }
                }
            } else if (!(settings instanceof Scalar scalar && scalar.isNull())) {
                throw new ImportException(settings.at(), "The settings of a network attachment are a mapping (ipv4_address, aliases...).");
            }
            service.getAttachments().add(attachment);
        }
    }

    private void dependsOn(Container service, Node value) throws ImportException {
        MapNode map = mapping(Extends.asMapping(value, ""), "depends_on");
        boolean keepAll = false;
        for (Map.Entry<String, Entry> entry : map.entries().entrySet()) {
            DependencyCondition condition = DependencyCondition.STARTED;
            List<Native> extras = new ArrayList<>();
            if (entry.getValue().value() instanceof MapNode fields) {
                for (Map.Entry<String, Entry> field : fields.entries().entrySet()) {
                    if (field.getKey().equals("condition")) {
                        String text = text(field.getValue().value());
                        condition = switch (text) {
                            case "service_started" -> DependencyCondition.STARTED;
                            case "service_healthy" -> DependencyCondition.HEALTHY;
                            case "service_completed_successfully" -> DependencyCondition.COMPLETED;
                            default -> throw new ImportException(field.getValue().value().at(), "Unknown condition '" + text
                                    + "': service_started, service_healthy or service_completed_successfully.");
                        };
                    } else {
                        keep(extras, field);
                    }
                }
            }
            Container target = services.get(entry.getKey());
            if (target == null) {
                throw new ImportException(entry.getValue().key().at(), "Service '" + entry.getKey() + "' in depends_on does not exist in this file.");
            }
            Dependency dependency = context.at(MAKE.createDependency(), entry.getValue().key().at());
            dependency.setTarget(target);
            dependency.setCondition(condition);
            if (entry.getValue().value() instanceof MapNode) {
                Written.mark(dependency, Literals.DEPENDENCY__CONDITION);
            }
            keepAll |= !extras.isEmpty();
            service.getDependencies().add(dependency);
        }
        if (keepAll) {
            // restart / required: the model's dependency has no place for them; the whole depends_on is kept as written too
            service.getNatives().add(Natives.of(NativeFormat.COMPOSE, "depends_on", YamlTree.toJava(value)));
        }
    }

    private static RestartPolicy restart(Node value) throws ImportException {
        String text = text(value);
        String normalized = "false".equals(text) ? "no" : text;
        RestartPolicy policy = RestartPolicy.get(normalized.replaceFirst(":.*", ""));
        if (policy == RestartPolicy.ON_FAILURE && normalized.matches("on-failure:\\d+") || normalized.isEmpty()) {
            return null;
        }
        if (policy == null || normalized.contains(":")) {
            throw new ImportException(value.at(), "Unknown restart policy '" + text + "': no, always, on-failure[:retries] or unless-stopped.");
        }
        return policy;
    }

    private HealthCheck healthcheck(MapNode value) throws ImportException {
        HealthCheck health = MAKE.createHealthCheck();
        for (Map.Entry<String, Entry> entry : value.entries().entrySet()) {
            Node field = entry.getValue().value();
            switch (entry.getKey()) {
                case "test" -> health.setTest(command(field));
                case "interval" -> health.setInterval(millis(field));
                case "timeout" -> health.setTimeout(millis(field));
                case "retries" -> health.setRetries(integer(field));
                case "start_period" -> health.setStartPeriod(millis(field));
                case "start_interval" -> health.setStartInterval(millis(field));
                case "disable" -> health.setDisabled(bool(field));
                default -> throw new ImportException(entry.getValue().key().at(), "'" + entry.getKey() + "' is not a health check setting (test,"
                        + " interval, timeout, retries, start_period, start_interval, disable).");
            }
        }
        return health;
    }

    /** Secrets and configs of a service: names, or mappings with a source and a target. */
    private void uses(Container service, Map.Entry<String, Entry> entry, boolean isSecret) throws ImportException {
        List<Node> items = items(entry.getValue().value());
        boolean extras = false;
        for (Node item : items) {
            String name = item instanceof MapNode map ? map.text("source") : text(item);
            if (item instanceof MapNode map && !map.keys().stream().allMatch(k -> k.equals("source") || !isSecret && k.equals("target"))) {
                extras = true;
            }
            if (name == null) {
                throw new ImportException(item.at(), "A " + (isSecret ? "secret" : "config") + " of a service names its 'source'.");
            }
            if (isSecret) {
                Secret secret = secrets.get(name);
                if (secret == null) {
                    throw new ImportException(item.at(), "Secret '" + name + "' is not declared under the top-level 'secrets' key.");
                }
                service.getSecrets().add(secret);
            } else {
                Config config = configs.get(name);
                if (config == null) {
                    throw new ImportException(item.at(), "Config '" + name + "' is not declared under the top-level 'configs' key.");
                }
                ConfigUse use = SettingsFactory.eINSTANCE.createConfigUse();
                use.setConfig(config);
                if (item instanceof MapNode map) {
                    use.setTarget(map.text("target"));
                }
                service.getConfigs().add(use);
            }
        }
        if (extras) {
            // uid, gid, mode, or a secret's target: kept as written, over what the model says
            keep(service.getNatives(), entry);
        }
    }

    private static Cgroup cgroup(Container service) {
        if (service.getCgroup() == null) {
            service.setCgroup(MAKE.createCgroup());
        }
        return service.getCgroup();
    }

    private void blkio(Container service, Map.Entry<String, Entry> entry) throws ImportException {
        MapNode map = mapping(entry.getValue().value(), "blkio_config");
        if (map.keys().equals(Set.of("weight"))) {
            cgroup(service).setBlkioWeight(integer(map.get("weight")));
        } else {
            keep(service.getNatives(), entry);
        }
    }

    private void deploy(Container service, MapNode value) throws ImportException {
        Map<String, Object> rest = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> entry : value.entries().entrySet()) {
            Node field = entry.getValue().value();
            switch (entry.getKey()) {
                case "replicas" -> {
                    int count = integer(field);
                    if (count < 1) {
                        rest.put("replicas", YamlTree.toJava(field));
                        break;
                    }
                    Replication replication = MAKE.createReplication();
                    replication.setFirst(1);
                    replication.setLast(count);
                    service.setReplication(replication);
                }
                case "resources" -> {
                    Map<String, Object> resources = resources(service, mapping(field, "deploy.resources"));
                    if (!resources.isEmpty()) {
                        rest.put("resources", resources);
                    }
                }
                default -> rest.put(entry.getKey(), YamlTree.toJava(field));
            }
        }
        if (!rest.isEmpty()) {
            service.getNatives().add(Natives.of(NativeFormat.COMPOSE, "deploy", rest));
        }
    }

    /** Limits and reservations of cpus, memory and pids; what remains (devices, generic resources) is returned to be kept. */
    private Map<String, Object> resources(Container service, MapNode value) throws ImportException {
        Map<String, Object> rest = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> entry : value.entries().entrySet()) {
            boolean limits = entry.getKey().equals("limits");
            if (!limits && !entry.getKey().equals("reservations")) {
                rest.put(entry.getKey(), YamlTree.toJava(entry.getValue().value()));
                continue;
            }
            Map<String, Object> others = new LinkedHashMap<>();
            for (Map.Entry<String, Entry> field : mapping(entry.getValue().value(), "deploy.resources." + entry.getKey()).entries().entrySet()) {
                Node node = field.getValue().value();
                Resources resources = resources(service);
                switch (field.getKey() + (limits ? "" : "-reserved")) {
                    case "cpus" -> resources.setCpus(number(node));
                    case "memory" -> resources.setMemory(bytes(node));
                    case "pids" -> resources.setPids(integer(node));
                    case "cpus-reserved" -> resources.setReservedCpus(number(node));
                    case "memory-reserved" -> resources.setReservedMemory(bytes(node));
                    default -> others.put(field.getKey(), YamlTree.toJava(node));
                }
            }
            if (!others.isEmpty()) {
                rest.put(entry.getKey(), others);
            }
        }
        return rest;
    }

    private static Resources resources(Container service) {
        if (service.getResources() == null) {
            service.setResources(SettingsFactory.eINSTANCE.createResources());
        }
        return service.getResources();
    }
}
