package org.vinfra.formats.lxc;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vinfra.formats.ImportReport;
import org.vinfra.formats.ModelNames;
import org.vinfra.lang.model.Addresses;
import org.vinfra.lang.vinfra.Cgroup;
import org.vinfra.lang.vinfra.Command;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.EnvironmentVariable;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Mount;
import org.vinfra.lang.vinfra.Namespace;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.NetworkAttachment;
import org.vinfra.lang.vinfra.NetworkMode;
import org.vinfra.lang.vinfra.RestartPolicy;
import org.vinfra.lang.vinfra.Runtime;
import org.vinfra.lang.vinfra.SwitchKind;
import org.vinfra.lang.vinfra.Unprivileged;
import org.vinfra.lang.vinfra.VinfraFactory;

/**
 * Reads an LXC container config (current key names; legacy ones are reported with their new name)
 * into an LXC container of the model, with a bridge network for each veth link.
 */
public final class LxcConfigImporter {

    private static final VinfraFactory MAKE = VinfraFactory.eINSTANCE;
    private static final Pattern TEMPLATE_PARAMETERS = Pattern.compile("#\\s*Parameters passed to the template:(.*)");
    private static final Map<String, String> LEGACY = Map.of("lxc.utsname", "lxc.uts.name", "lxc.rootfs", "lxc.rootfs.path", "lxc.id_map",
            "lxc.idmap", "lxc.aa_profile", "lxc.apparmor.profile", "lxc.console", "lxc.console.path", "lxc.tty", "lxc.tty.max");
    /** Keys whose values are the ones the exporter writes anyway: accepted without a warning. */
    private static final Set<String> ENVIRONMENT_KEYS = Set.of("lxc.rootfs.path", "lxc.mount.auto", "lxc.console.path", "lxc.tty.max",
            "lxc.apparmor.profile", "lxc.apparmor.allow_nesting", "lxc.arch");

    private LxcConfigImporter() {
    }

    public static Container read(Path file, String text, Model model, ImportReport report, ModelNames names) {
        Container container = MAKE.createContainer();
        container.setRuntime(Runtime.LXC);
        Map<Integer, Map<String, String>> nics = new TreeMap<>();
        Map<Integer, Integer> nicLines = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].trim();
            Matcher template = TEMPLATE_PARAMETERS.matcher(line);
            if (template.matches()) {
                container.setTemplate(templateFrom(template.group(1)));
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                report.malformed(file, lineNumber, 1, "'" + line + "' is not a 'key = value' line of an LXC config.");
                continue;
            }
            String key = line.substring(0, equals).trim();
            String value = line.substring(equals + 1).trim();
            String current = LEGACY.get(key);
            if (current != null || key.startsWith("lxc.network.")) {
                report.unsupported(file, lineNumber, 1, "'" + key + "' is a legacy key (LXC 2); it is read as '"
                        + (current != null ? current : key.replace("lxc.network.", "lxc.net.")) + "', its current name.");
                key = current != null ? current : key.replace("lxc.network.", "lxc.net.");
            }
            try {
                read(container, key, value, file, lineNumber, report, names, nics, nicLines);
            } catch (IllegalArgumentException e) {
                report.malformed(file, lineNumber, 1, key + ": " + e.getMessage());
            }
        }
        if (container.getName() == null) {
            Path folder = file.toAbsolutePath().getParent();
            container.setName(names.name(folder == null || folder.getFileName() == null ? "container" : folder.getFileName().toString()));
        }
        if (container.getTemplate() == null) {
            report.unsupported(file, 1, 1, "The config does not say which template built the root file system; the imported container says"
                    + " template \"debian:bookworm\": correct it.");
            container.setTemplate("debian:bookworm");
        }
        for (Map.Entry<Integer, Map<String, String>> nic : nics.entrySet()) {
            attach(container, nic.getValue(), model, file, nicLines.get(nic.getKey()), report, names);
        }
        model.getElements().add(container);
        return container;
    }

    private static String templateFrom(String parameters) {
        List<String> words = List.of(parameters.trim().split("\\s+"));
        String distribution = null;
        String release = null;
        for (int i = 0; i + 1 < words.size(); i++) {
            switch (words.get(i)) {
                case "-d", "--dist" -> distribution = words.get(i + 1);
                case "-r", "--release" -> release = words.get(i + 1);
                default -> {
                    // other template parameters (architecture, variant) do not change the model
                }
            }
        }
        return distribution == null ? null : distribution + (release == null ? "" : ":" + release);
    }

    private static void read(Container container, String key, String value, Path file, int line, ImportReport report, ModelNames names,
            Map<Integer, Map<String, String>> nics, Map<Integer, Integer> nicLines) {
        if (key.startsWith("lxc.net.")) {
            String[] parts = key.split("\\.", 4);
            int index = Integer.parseInt(parts[2]);
            nics.computeIfAbsent(index, k -> new HashMap<>()).put(parts[3], value);
            nicLines.putIfAbsent(index, line);
            return;
        }
        if (key.startsWith("lxc.cgroup2.") || key.startsWith("lxc.cgroup.")) {
            cgroup(container, key.substring(key.indexOf('.', 4) + 1), value, file, line, report);
            return;
        }
        switch (key) {
            case "lxc.uts.name" -> container.setName(names.name(value));
            case "lxc.idmap" -> {
                String[] parts = value.split("\\s+");
                if (parts.length != 4) {
                    throw new IllegalArgumentException("an id map is 'u|g CONTAINER-ID HOST-ID COUNT'");
                }
                if (container.getUnprivileged() == null) {
                    Unprivileged unprivileged = MAKE.createUnprivileged();
                    unprivileged.setContainerId(Integer.parseInt(parts[1]));
                    unprivileged.setHostId(Integer.parseInt(parts[2]));
                    unprivileged.setCount(Integer.parseInt(parts[3]));
                    container.setUnprivileged(unprivileged);
                }
            }
            case "lxc.environment" -> {
                int equals = value.indexOf('=');
                EnvironmentVariable variable = MAKE.createEnvironmentVariable();
                variable.setKey(equals < 0 ? value : value.substring(0, equals));
                variable.setValue(equals < 0 ? "" : value.substring(equals + 1));
                container.getEnvironment().add(variable);
            }
            case "lxc.mount.entry" -> {
                String[] parts = value.split("\\s+");
                if (parts.length < 4 || !parts[3].contains("bind")) {
                    report.unsupported(file, line, 1, "Only bind mounts can be expressed; this mount entry is not imported.");
                    return;
                }
                Mount mount = MAKE.createMount();
                mount.setHostPath(parts[0]);
                mount.setPath("/" + parts[1].replaceFirst("^/", ""));
                mount.setReadOnly(List.of(parts[3].split(",")).contains("ro"));
                container.getMounts().add(mount);
            }
            case "lxc.cap.keep" -> {
                for (String capability : value.split("\\s+")) {
                    container.getCapabilities().add(capability.toUpperCase(Locale.ROOT));
                }
            }
            case "lxc.start.auto" -> container.setRestart("1".equals(value) ? RestartPolicy.ALWAYS : RestartPolicy.NO);
            case "lxc.init.cmd" -> {
                Command command = MAKE.createCommand();
                command.getArguments().addAll(List.of(value.split("\\s+")));
                container.setCommand(command);
            }
            case "lxc.namespace.keep" -> {
                List<String> kept = List.of(value.split("\\s+"));
                for (Namespace namespace : Namespace.VALUES) {
                    String lxcName = switch (namespace) {
                        case MOUNT -> "mnt";
                        case NETWORK -> "net";
                        default -> namespace.getLiteral();
                    };
                    if (!kept.contains(lxcName)) {
                        container.getNamespaces().add(namespace);
                    }
                }
            }
            default -> {
                if (!ENVIRONMENT_KEYS.contains(key)) {
                    report.unsupported(file, line, 1, "The model cannot express '" + key + "'; it is not imported.");
                }
            }
        }
    }

    private static void cgroup(Container container, String controllerKey, String value, Path file, int line, ImportReport report) {
        if (container.getCgroup() == null) {
            container.setCgroup(MAKE.createCgroup());
        }
        Cgroup cgroup = container.getCgroup();
        switch (controllerKey) {
            case "memory.max", "memory.limit_in_bytes" -> cgroup.setMemoryLimit(Long.parseLong(value));
            case "cpuset.cpus" -> cgroup.setCpuset(value);
            case "cpu.shares" -> cgroup.setCpuShares(Integer.parseInt(value));
            case "cpu.weight" -> cgroup.setCpuShares((int) (2 + (Long.parseLong(value) - 1) * 262_142 / 9_999));
            case "cpu.max" -> {
                String[] parts = value.split("\\s+");
                if (!parts[0].equals("max")) {
                    cgroup.setCpus(Double.parseDouble(parts[0]) / (parts.length > 1 ? Double.parseDouble(parts[1]) : LxcExporter.CPU_PERIOD_US));
                }
            }
            case "cpu.cfs_quota_us" -> cgroup.setCpus(Double.parseDouble(value) / LxcExporter.CPU_PERIOD_US);
            case "cpu.cfs_period_us" -> {
                if (Long.parseLong(value) != LxcExporter.CPU_PERIOD_US) {
                    report.unsupported(file, line, 1, "A CFS period other than 100000 us is not kept; the quota is read against 100000 us.");
                }
            }
            case "io.weight", "blkio.weight" -> cgroup.setBlkioWeight(Integer.parseInt(value));
            default -> report.unsupported(file, line, 1, "The model cannot express the cgroup setting '" + controllerKey + "'; it is not imported.");
        }
    }

    private static void attach(Container container, Map<String, String> nic, Model model, Path file, int line, ImportReport report,
            ModelNames names) {
        String type = nic.getOrDefault("type", "");
        if (type.equals("empty") || type.equals("none")) {
            return;
        }
        if (!type.equals("veth") || nic.get("link") == null) {
            report.unsupported(file, line, 1, "Only veth NICs on a bridge can be expressed (type '" + type + "'); this NIC is not imported.");
            return;
        }
        String linkName = names.name(nic.get("link"));
        Network network = model.getElements().stream().filter(Network.class::isInstance).map(Network.class::cast)
                .filter(n -> n.getName().equals(linkName)).findFirst().orElse(null);
        if (network == null) {
            network = MAKE.createNetwork();
            network.setName(linkName);
            network.setKind(SwitchKind.BRIDGE);
            network.setMode(NetworkMode.NAT);
            model.getElements().add(network);
        }
        NetworkAttachment attachment = MAKE.createNetworkAttachment();
        attachment.setNetwork(network);
        String address = nic.get("ipv4.address");
        if (address != null) {
            String ip = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
            Addresses.parseIpv4(ip);
            attachment.setIp(ip);
            if (address.contains("/") && network.getCidr() == null) {
                network.setCidr(Addresses.parseCidr(address).toString());
            }
        }
        if (nic.get("ipv4.gateway") != null && network.getGateway() == null) {
            network.setGateway(nic.get("ipv4.gateway"));
        }
        for (String key : nic.keySet()) {
            if (!Set.of("type", "link", "flags", "name", "ipv4.address", "ipv4.gateway").contains(key)) {
                report.unsupported(file, line, 1, "The NIC setting '" + key + "' is not imported.");
            }
        }
        container.getAttachments().add(attachment);
    }
}
