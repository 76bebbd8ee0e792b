package org.vinfra.formats.lxc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vinfra.formats.ImportContext;
import org.vinfra.formats.ImportReport;
import org.vinfra.formats.ModelNames;
import org.vinfra.formats.Natives;
import org.vinfra.formats.Position;
import org.vinfra.lang.model.Addresses;
import org.vinfra.lang.model.Ipv6;
import org.vinfra.lang.vinfra.Cgroup;
import org.vinfra.lang.vinfra.Command;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.EnvironmentVariable;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Mount;
import org.vinfra.lang.vinfra.Namespace;
import org.vinfra.lang.settings.NativeFormat;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.NetworkAttachment;
import org.vinfra.lang.vinfra.NetworkMode;
import org.vinfra.lang.vinfra.RestartPolicy;
import org.vinfra.lang.vinfra.Runtime;
import org.vinfra.lang.vinfra.SwitchKind;
import org.vinfra.lang.vinfra.Unprivileged;
import org.vinfra.lang.vinfra.VinfraFactory;

/**
 * Reads an LXC container config into an LXC container of the model, with a bridge network for each
 * veth link. Legacy (LXC 2) keys are converted as {@code lxc-update-config} converts them: renamed
 * keys, {@code lxc.rootfs} with its backend, and unnumbered {@code lxc.network.*} sections numbered
 * in order (each {@code lxc.network.type} starts a new one). Sizes take suffixes (512M). Settings
 * the model has no concept for (includes, the architecture, hooks, a NIC's MAC address...) are kept
 * as typed {@code native lxc} settings and written again.
 */
public final class LxcConfigImporter {

    private static final VinfraFactory MAKE = VinfraFactory.eINSTANCE;
    private static final Pattern TEMPLATE_PARAMETERS = Pattern.compile("#\\s*Parameters passed to the template:(.*)");
    /** lxc-update-config's renames. */
    private static final Map<String, String> LEGACY = Map.ofEntries(Map.entry("lxc.id_map", "lxc.idmap"), Map.entry("lxc.pts", "lxc.pty.max"),
            Map.entry("lxc.tty", "lxc.tty.max"), Map.entry("lxc.devttydir", "lxc.tty.dir"), Map.entry("lxc.aa_profile", "lxc.apparmor.profile"),
            Map.entry("lxc.aa_allow_incomplete", "lxc.apparmor.allow_incomplete"), Map.entry("lxc.se_context", "lxc.selinux.context"),
            Map.entry("lxc.mount", "lxc.mount.fstab"), Map.entry("lxc.utsname", "lxc.uts.name"), Map.entry("lxc.seccomp", "lxc.seccomp.profile"),
            Map.entry("lxc.console", "lxc.console.path"), Map.entry("lxc.haltsignal", "lxc.signal.halt"),
            Map.entry("lxc.rebootsignal", "lxc.signal.reboot"), Map.entry("lxc.stopsignal", "lxc.signal.stop"),
            Map.entry("lxc.syslog", "lxc.log.syslog"), Map.entry("lxc.loglevel", "lxc.log.level"), Map.entry("lxc.logfile", "lxc.log.file"),
            Map.entry("lxc.init_cmd", "lxc.init.cmd"), Map.entry("lxc.init_uid", "lxc.init.uid"), Map.entry("lxc.init_gid", "lxc.init.gid"));
    /** Keys lxc-update-config deletes: they mean nothing to LXC 3 and later. */
    private static final Set<String> REMOVED = Set.of("lxc.rootfs.backend", "lxc.pivotdir", "lxc.kmsg");
    private static final Pattern LEGACY_LIMIT = Pattern.compile("lxc\\.limit\\.(.+)");
    private static final Pattern LEGACY_NET = Pattern.compile("lxc\\.network\\.(\\d+)\\.(.+)");
    private static final Pattern NET = Pattern.compile("lxc\\.net\\.(\\d+)\\.(.+)");
    /** The NIC settings the model writes itself; others stay with the attachment as natives. */
    private static final Set<String> NIC_FIRST_CLASS = Set.of("type", "link", "ipv4.address", "ipv4.gateway", "ipv6.address");

    /** One line of the config, after legacy conversion. */
    private record Line(int number, String key, String value) {
    }

    private LxcConfigImporter() {
    }

    public static Container read(Path file, String text, Model model, ImportReport report, ModelNames names, ImportContext context) {
        Container container = context.at(MAKE.createContainer(), Position.start(file));
        container.setRuntime(Runtime.LXC);
        List<Line> lines = convert(file, text, report, container);
        Map<Integer, Map<String, String>> nics = new TreeMap<>();
        Map<Integer, Integer> nicLines = new LinkedHashMap<>();
        List<Line> rest = new ArrayList<>();
        for (Line line : lines) {
            Matcher net = NET.matcher(line.key());
            if (net.matches()) {
                int index = Integer.parseInt(net.group(1));
                Map<String, String> nic = nics.computeIfAbsent(index, k -> new LinkedHashMap<>());
                if (nic.containsKey(net.group(2))) {
                    // a key given twice for one NIC (two addresses): the NIC is kept as written
                    nic.put(net.group(2) + "#" + line.number(), line.value());
                } else {
                    nic.put(net.group(2), line.value());
                }
                nicLines.putIfAbsent(index, line.number());
            } else {
                rest.add(line);
            }
        }
        for (Line line : rest) {
            try {
                read(container, line, file, report, names);
            } catch (IllegalArgumentException e) {
                report.malformed(file, line.number(), 1, line.key() + ": " + ImportReport.reason(e));
            }
        }
        if (container.getName() == null) {
            Path folder = file.toAbsolutePath().getParent();
            String name = file.getFileName().toString().endsWith(".conf") ? file.getFileName().toString().replaceFirst("(\\.lxc)?\\.conf$", "")
                    : folder == null || folder.getFileName() == null ? "container" : folder.getFileName().toString();
            container.setName(names.name(name));
            container.getNatives().add(0, Natives.of(NativeFormat.LXC, "lxc.uts.name", null));
        }
        if (container.getTemplate() == null) {
            report.unsupported(file, 1, 1, "The config does not say which template built the root file system; the imported container says"
                    + " template \"debian:bookworm\": correct it.");
            container.setTemplate("debian:bookworm");
        }
        for (Map.Entry<Integer, Map<String, String>> nic : nics.entrySet()) {
            attach(container, nic.getKey(), nic.getValue(), model, file, nicLines.get(nic.getKey()), report, names);
        }
        // what the exporter writes by default but this config does not say (includes may): left out again
        java.util.Set<String> written = new java.util.HashSet<>();
        lines.forEach(line -> written.add(line.key()));
        for (String key : List.of("lxc.rootfs.path", "lxc.mount.auto", "lxc.console.path", "lxc.tty.max", "lxc.apparmor.profile",
                "lxc.apparmor.allow_nesting")) {
            if (!written.contains(key)) {
                container.getNatives().add(Natives.of(NativeFormat.LXC, key, null));
            }
        }
        if (nics.isEmpty() && !written.contains("lxc.net")) {
            container.getNatives().add(Natives.of(NativeFormat.LXC, "lxc.net", null));
        }
        model.getElements().add(container);
        return container;
    }

    /** The lines of the config with legacy keys converted as lxc-update-config does. */
    private static List<Line> convert(Path file, String text, ImportReport report, Container container) {
        List<Line> lines = new ArrayList<>();
        String backend = "dir";
        String[] raw = text.split("\n", -1);
        for (String line : raw) {
            String trimmed = line.trim();
            if (trimmed.startsWith("lxc.rootfs.backend")) {
                int equals = trimmed.indexOf('=');
                backend = equals < 0 ? backend : trimmed.substring(equals + 1).trim();
            }
        }
        int legacyNet = -1;
        for (int i = 0; i < raw.length; i++) {
            int number = i + 1;
            String line = raw[i].trim();
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
                report.malformed(file, number, 1, "'" + org.vinfra.lang.model.Limits.excerpt(line) + "' is not a 'key = value' line of an LXC config.");
                continue;
            }
            String key = line.substring(0, equals).trim();
            String value = line.substring(equals + 1).trim();
            String converted = key;
            if (REMOVED.contains(key)) {
                report.unsupported(file, number, 1, "'" + key + "' is an LXC 2 key that LXC 3 and later no longer have; it is left out, as"
                        + " lxc-update-config leaves it out" + (key.equals("lxc.rootfs.backend") ? " (its backend prefixes lxc.rootfs.path)" : "") + ".");
                continue;
            }
            if (key.equals("lxc.rootfs")) {
                converted = "lxc.rootfs.path";
                value = value.contains(":") && !value.startsWith("/") ? value : backend + ":" + value;
            } else if (LEGACY.containsKey(key)) {
                converted = LEGACY.get(key);
            } else if (LEGACY_LIMIT.matcher(key).matches()) {
                converted = "lxc.prlimit." + key.substring("lxc.limit.".length());
            } else if (key.equals("lxc.network.type")) {
                legacyNet++;
                converted = "lxc.net." + legacyNet + ".type";
            } else if (key.startsWith("lxc.network.") && !LEGACY_NET.matcher(key).matches()) {
                String sub = key.substring("lxc.network.".length());
                converted = "lxc.net." + Math.max(legacyNet, 0) + "." + (sub.equals("ipv4") || sub.equals("ipv6") ? sub + ".address" : sub);
            } else if (LEGACY_NET.matcher(key).matches()) {
                Matcher net = LEGACY_NET.matcher(key);
                net.matches();
                String sub = net.group(2);
                converted = "lxc.net." + net.group(1) + "." + (sub.equals("ipv4") || sub.equals("ipv6") ? sub + ".address" : sub);
            } else if (key.equals("lxc.network")) {
                converted = "lxc.net";
            }
            if (!converted.equals(key)) {
                report.unsupported(file, number, 1, "'" + key + "' is a legacy key (LXC 2); it is read as '" + converted + "', as lxc-update-config"
                        + " converts it, and exported with its current name.");
            }
            lines.add(new Line(number, converted, value));
        }
        return lines;
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

    /** Whether a value is a list of capability names (sys_admin, mknod...), as the language writes them. */
    private static boolean capabilities(String value) {
        return value.trim().matches("[A-Za-z_][A-Za-z0-9_]*(\\s+[A-Za-z_][A-Za-z0-9_]*)*");
    }

    private static void keep(Container container, Line line) {
        container.getNatives().add(Natives.of(NativeFormat.LXC, line.key(), line.value()));
    }

    private static void read(Container container, Line line, Path file, ImportReport report, ModelNames names) {
        String key = line.key();
        String value = line.value();
        if (key.startsWith("lxc.cgroup2.") || key.startsWith("lxc.cgroup.")) {
            if (!cgroup(container, key.substring(key.indexOf('.', 4) + 1), value)) {
                keep(container, line);
            }
            return;
        }
        switch (key) {
            case "lxc.uts.name" -> {
                String name = names.name(value);
                if (!name.equals(value)) {
                    report.unsupported(file, line.number(), 1, "The name '" + value + "' is not a valid .vinfra name; it is imported as '" + name
                            + "', and exporting gives the new name.");
                }
                container.setName(name);
            }
            case "lxc.rootfs.path" -> keep(container, line); // the root file system's place, as written (start.sh may override it)
            case "lxc.idmap" -> {
                String[] parts = value.split("\\s+");
                if (parts.length != 4 || !parts[0].equals("u") && !parts[0].equals("g")) {
                    throw new IllegalArgumentException("an id map is 'u|g CONTAINER-ID HOST-ID COUNT', not '" + value + "'");
                }
                String map = parts[1] + " " + parts[2] + " " + parts[3];
                Unprivileged unprivileged = container.getUnprivileged();
                String existing = unprivileged == null ? null : unprivileged.getContainerId() + " " + unprivileged.getHostId() + " " + unprivileged.getCount();
                if (unprivileged == null && parts[0].equals("u")) {
                    unprivileged = MAKE.createUnprivileged();
                    unprivileged.setContainerId(Integer.parseInt(parts[1]));
                    unprivileged.setHostId(Integer.parseInt(parts[2]));
                    unprivileged.setCount(Integer.parseInt(parts[3]));
                    container.setUnprivileged(unprivileged);
                } else if (!(parts[0].equals("g") && map.equals(existing))) {
                    keep(container, line);
                }
            }
            case "lxc.environment" -> {
                int equals = value.indexOf('=');
                EnvironmentVariable variable = MAKE.createEnvironmentVariable();
                variable.setKey(equals < 0 ? value : value.substring(0, equals));
                variable.setValue(equals < 0 ? null : value.substring(equals + 1));
                container.getEnvironment().add(variable);
            }
            case "lxc.mount.entry" -> mount(container, line);
            case "lxc.cap.keep" -> {
                if (capabilities(value)) {
                    for (String capability : value.trim().split("\\s+")) {
                        container.getCapabilities().add(capability.toUpperCase(Locale.ROOT));
                    }
                } else {
                    keep(container, line); // not a list of capability names: kept as written, for LXC to judge
                }
            }
            case "lxc.cap.drop" -> {
                if (capabilities(value)) {
                    for (String capability : value.trim().split("\\s+")) {
                        container.getDroppedCapabilities().add(capability.toUpperCase(Locale.ROOT));
                    }
                } else {
                    keep(container, line); // not a list of capability names: kept as written, for LXC to judge
                }
            }
            case "lxc.start.auto" -> {
                if ("1".equals(value)) {
                    container.setRestart(RestartPolicy.ALWAYS);
                } else {
                    keep(container, line);
                }
            }
            case "lxc.init.cmd" -> {
                Command command = MAKE.createCommand();
                command.setShell(value);
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
            default -> keep(container, line);
        }
    }

    /** A mount entry as fstab writes it: SOURCE DESTINATION TYPE OPTIONS [DUMP [PASS]]. */
    private static void mount(Container container, Line line) {
        String[] parts = line.value().split("\\s+");
        if (parts.length < 4 || parts.length > 6 || parts.length >= 5 && !parts[4].equals("0") || parts.length == 6 && !parts[5].equals("0")) {
            keep(container, line);
            return;
        }
        Mount mount = MAKE.createMount();
        mount.setHostPath(parts[0]);
        mount.setPath("/" + parts[1].replaceFirst("^/+", ""));
        if (!parts[2].equals("none")) {
            mount.setType(parts[2]);
        }
        mount.setOptions(parts[3]);
        mount.setReadOnly(List.of(parts[3].split(",")).contains("ro"));
        if (parts.length != 6) {
            mount.getNatives().add(Natives.of(NativeFormat.LXC, "fields", (long) parts.length));
        }
        container.getMounts().add(mount);
    }

    /** @return false when the model has no concept for the setting (it is then kept as written) */
    private static boolean cgroup(Container container, String controllerKey, String value) {
        Cgroup cgroup = container.getCgroup() != null ? container.getCgroup() : MAKE.createCgroup();
        boolean known = switch (controllerKey) {
            case "memory.max", "memory.limit_in_bytes" -> {
                if (value.equals("max") || value.equals("-1")) {
                    yield false;
                }
                cgroup.setMemoryLimit(size(value));
                yield true;
            }
            case "cpuset.cpus" -> {
                cgroup.setCpuset(value);
                yield true;
            }
            case "cpu.shares" -> {
                cgroup.setCpuShares(Integer.parseInt(value));
                yield true;
            }
            case "cpu.weight" -> {
                cgroup.setCpuShares((int) (2 + (Long.parseLong(value) - 1) * 262_142 / 9_999));
                yield LxcExporter.sharesToWeight(cgroup.getCpuShares()) == Long.parseLong(value);
            }
            case "cpu.max" -> {
                String[] parts = value.split("\\s+");
                if (parts[0].equals("max") || parts.length > 1 && Long.parseLong(parts[1]) != LxcExporter.CPU_PERIOD_US) {
                    yield false;
                }
                cgroup.setCpus(Double.parseDouble(parts[0]) / LxcExporter.CPU_PERIOD_US);
                yield true;
            }
            case "cpu.cfs_quota_us" -> {
                cgroup.setCpus(Double.parseDouble(value) / LxcExporter.CPU_PERIOD_US);
                yield true;
            }
            case "cpu.cfs_period_us" -> Long.parseLong(value) == LxcExporter.CPU_PERIOD_US;
            case "io.weight", "blkio.weight" -> {
                cgroup.setBlkioWeight(Integer.parseInt(value));
                yield true;
            }
            default -> false;
        };
        if (known && container.getCgroup() == null) {
            container.setCgroup(cgroup);
        }
        return known;
    }

    /** Bytes, with LXC's (the kernel's) suffixes: 512M, 1G, 268435456. */
    static long size(String value) {
        Matcher matcher = Pattern.compile("(?i)(\\d+)\\s*([kmgt]?)b?").matcher(value.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a size: write bytes, or a number with K, M, G or T (e.g. 512M)");
        }
        long number = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> number << 10;
            case "m" -> number << 20;
            case "g" -> number << 30;
            case "t" -> number << 40;
            default -> number;
        };
    }

    private static void attach(Container container, int index, Map<String, String> nic, Model model, Path file, int line, ImportReport report,
            ModelNames names) {
        String type = nic.getOrDefault("type", "");
        boolean simple = type.equals("veth") && nic.get("link") != null && nic.keySet().stream().noneMatch(k -> k.contains("#"));
        String address = nic.get("ipv4.address");
        if (address != null && (!address.contains("/") || !isIpv4Block(address))) {
            simple = false;
        }
        if (nic.get("ipv6.address") != null && !Ipv6.isValid(nic.get("ipv6.address").replaceFirst("/\\d+$", ""), false)) {
            simple = false;
        }
        if (!simple) {
            // another kind of NIC (empty, macvlan, phys, vlan...), kept as written with its number
            for (Map.Entry<String, String> entry : nic.entrySet()) {
                container.getNatives().add(Natives.of(NativeFormat.LXC, "lxc.net." + index + "." + entry.getKey().replaceFirst("#.*", ""),
                        entry.getValue()));
            }
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
            if (!linkName.equals(nic.get("link"))) {
                report.unsupported(file, line, 1, "The bridge name '" + nic.get("link") + "' is not a valid .vinfra name; its network is named '"
                        + linkName + "', and exporting links to the new name.");
            }
            model.getElements().add(network);
        }
        NetworkAttachment attachment = MAKE.createNetworkAttachment();
        attachment.setNetwork(network);
        if (address != null) {
            String ip = address.substring(0, address.indexOf('/'));
            attachment.setIp(ip);
            String cidr = Addresses.parseCidr(address).toString();
            if (network.getCidr() == null) {
                network.setCidr(cidr);
            } else if (!network.getCidr().equals(cidr)) {
                attachment.setIp(null);
                attachment.getNatives().add(Natives.of(NativeFormat.LXC, "ipv4.address", address));
            }
        }
        if (nic.get("ipv4.gateway") != null) {
            if (network.getGateway() == null && nic.get("ipv4.gateway").matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
                network.setGateway(nic.get("ipv4.gateway"));
            } else if (!nic.get("ipv4.gateway").equals(network.getGateway())) {
                attachment.getNatives().add(Natives.of(NativeFormat.LXC, "ipv4.gateway", nic.get("ipv4.gateway")));
            }
        }
        attachment.setIp6(nic.get("ipv6.address"));
        if (attachment.getIp6() != null) {
            network.setIpv6(true); // the bridge carries IPv6
        }
        // the NIC's own settings (flags, name, hwaddr, mtu...), in order: the attachment says all of them
        for (Map.Entry<String, String> entry : nic.entrySet()) {
            if (!NIC_FIRST_CLASS.contains(entry.getKey())) {
                attachment.getNatives().add(Natives.of(NativeFormat.LXC, entry.getKey(), entry.getValue()));
            }
        }
        if (attachment.getNatives().isEmpty()) {
            attachment.getNatives().add(Natives.of(NativeFormat.LXC, "flags", null));
        }
        container.getAttachments().add(attachment);
    }

    private static boolean isIpv4Block(String address) {
        try {
            Addresses.parseCidr(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
