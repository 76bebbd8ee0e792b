package org.vinfra.diagram.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.vinfra.lang.model.Defaults;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.model.Topology;
import org.vinfra.lang.model.Units;
import org.vinfra.lang.vinfra.Cgroup;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.CpuFeature;
import org.vinfra.lang.vinfra.Datastore;
import org.vinfra.lang.vinfra.Device;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Hypervisor;
import org.vinfra.lang.vinfra.HypervisorType;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.Nic;
import org.vinfra.lang.vinfra.PortMapping;
import org.vinfra.lang.vinfra.Replication;
import org.vinfra.lang.vinfra.Runtime;
import org.vinfra.lang.vinfra.Secret;
import org.vinfra.lang.vinfra.Sriov;
import org.vinfra.lang.vinfra.VirtualDisk;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;
import org.vinfra.lang.vinfra.Volume;

/**
 * The figures each kind of element shows under its name, one label each, keyed by the figure's name in the
 * label id. Values come from the model through {@link Defaults} (what the text leaves out is shown with its
 * default) and, for commitments, from {@link Topology}, as the validator counts them.
 */
final class Figures {

    private Figures() {
    }

    static Map<String, String> host(Host host, Topology topology, boolean replica) {
        Map<String, String> figures = new LinkedHashMap<>();
        String cpu = Defaults.sockets(host) + (Defaults.sockets(host) == 1 ? " socket" : " sockets") + " × " + Defaults.coresPerSocket(host)
                + (Defaults.coresPerSocket(host) == 1 ? " core" : " cores") + " × " + Defaults.threadsPerCore(host)
                + (Defaults.threadsPerCore(host) == 1 ? " thread" : " threads") + " = " + Defaults.logicalCpus(host) + " logical CPUs";
        if (host.getCpu() != null && host.getCpu().getFrequency() != null) {
            cpu += ", " + Units.FREQUENCY.format(host.getCpu().getFrequency());
        }
        figures.put(DiagramIds.CPU, cpu);
        figures.put(DiagramIds.FEATURES, features(host));
        figures.put(DiagramIds.MEMORY, host.getMemory() == null ? "memory not given" : "memory " + size(host.getMemory()));
        if (host.getOs() != null) {
            figures.put("os", "os " + host.getOs());
        }
        Hypervisor hypervisor = host.getHypervisor();
        figures.put(DiagramIds.HYPERVISOR, hypervisor == null ? "no hypervisor" : hypervisor(hypervisor));
        if (!replica && hypervisor != null) {
            Commitment commitment = Commitment.of(host, topology);
            figures.put(DiagramIds.COMMITTED_VCPUS, String.format(Locale.ROOT, "vCPUs %d committed of %s (%d logical × %s)",
                    commitment.vcpus(), number(commitment.availableVcpus()), commitment.logicalCpus(), number(commitment.cpuRatio())));
            if (commitment.physicalMemory() != null) {
                figures.put(DiagramIds.COMMITTED_MEMORY, String.format(Locale.ROOT, "memory %s committed of %s (%s × %s)",
                        size(commitment.memory()), approximateSize(commitment.availableMemory()),
                        size(commitment.physicalMemory()), number(commitment.memoryRatio())));
            }
        }
        if (!replica) {
            replicas(host.getName(), host.getReplication(), figures);
        }
        return figures;
    }

    /** What the VMs on a host commit against what it has, with the validator's arithmetic. */
    record Commitment(long vcpus, long logicalCpus, double cpuRatio, long memory, Long physicalMemory, double memoryRatio) {

        static Commitment of(Host host, Topology topology) {
            int replicas = Math.max(1, Replicas.count(host));
            Hypervisor hypervisor = host.getHypervisor();
            double cpuRatio = hypervisor == null ? Defaults.CPU_OVERCOMMIT_RATIO : Defaults.cpuOvercommitRatio(hypervisor);
            double memoryRatio = hypervisor == null ? Defaults.MEMORY_OVERCOMMIT_RATIO : Defaults.memoryOvercommitRatio(hypervisor);
            Long physical = host.getMemory() == null ? null : host.getMemory() * replicas;
            return new Commitment(topology.committedVcpus(host), (long) Defaults.logicalCpus(host) * replicas, cpuRatio,
                    topology.committedMemory(host), physical, memoryRatio);
        }

        double availableVcpus() {
            return logicalCpus * cpuRatio;
        }

        double availableMemory() {
            return physicalMemory == null ? 0 : physicalMemory * memoryRatio;
        }

        /** Above the overcommit limit (the validator's error). */
        boolean exceeded() {
            double cpu = (double) vcpus / logicalCpus;
            boolean memoryExceeded = physicalMemory != null && (double) memory / physicalMemory > memoryRatio + 1e-9;
            return cpu > cpuRatio + 1e-9 || memoryExceeded;
        }

        /** More committed than there is, within the limit (the validator's warning). */
        boolean overcommitted() {
            double cpu = (double) vcpus / logicalCpus;
            boolean memoryOver = physicalMemory != null && (double) memory / physicalMemory > 1 + 1e-9;
            return cpu > 1 + 1e-9 || memoryOver;
        }
    }

    private static String features(Host host) {
        List<String> names = new ArrayList<>();
        if (host.getCpu() != null) {
            for (CpuFeature feature : host.getCpu().getFeatures()) {
                names.add(switch (feature) {
                    case VTX -> "VT-x";
                    case AMDV -> "AMD-V";
                    case VTD -> "VT-d";
                    case AMDVI -> "AMD-Vi";
                });
            }
        }
        return names.isEmpty() ? "no VT-x/AMD-V, no VT-d/AMD-Vi" : String.join(", ", names);
    }

    private static String hypervisor(Hypervisor hypervisor) {
        String type = Defaults.type(hypervisor) == HypervisorType.TYPE1 ? "type 1 (bare metal)" : "type 2 (hosted)";
        String technique = switch (Defaults.technique(hypervisor)) {
            case HARDWARE_ASSISTED -> "hardware-assisted";
            case FULL -> "full virtualization";
            case PARAVIRTUAL -> "para-virtual";
        };
        return hypervisor.getProduct().getLiteral() + ", " + type + ", " + technique;
    }

    static Map<String, String> nic(Nic nic, Topology topology) {
        Map<String, String> figures = new LinkedHashMap<>();
        if (nic.getSpeed() != null) {
            figures.put("speed", Units.BANDWIDTH.format(nic.getSpeed()));
        }
        Sriov sriov = nic.getSriov();
        if (sriov != null) {
            long taken = 0;
            for (VirtualNic vnic : topology.virtualFunctionsOf(nic)) {
                taken += Replicas.count(vnic.eContainer());
            }
            Integer vfs = sriov.getVfs() != null ? sriov.getVfs() : sriov.getMaxVfs();
            figures.put("sriov", "SR-IOV PF: " + (vfs == null ? 0 : vfs) + " VFs" + (sriov.getMaxVfs() == null ? "" : " (max " + sriov.getMaxVfs() + ")")
                    + ", " + taken + " taken");
        }
        return figures;
    }

    static Map<String, String> datastore(Datastore datastore) {
        Map<String, String> figures = new LinkedHashMap<>();
        if (datastore.getCapacity() != null) {
            figures.put("capacity", (datastore.getUsed() == null ? "" : size(datastore.getUsed()) + " used of ")
                    + size(datastore.getCapacity()));
        }
        if (datastore.getPath() != null) {
            figures.put("path", datastore.getPath());
        }
        return figures;
    }

    static Map<String, String> device(Device device) {
        return Map.of("kind", device.getKind().getLiteral() + (device.getAddress() == null ? "" : " " + device.getAddress()));
    }

    static Map<String, String> vm(VirtualMachine vm, boolean replica) {
        Map<String, String> figures = new LinkedHashMap<>();
        int vcpus = Defaults.vcpus(vm);
        figures.put(DiagramIds.VCPUS, vcpus + (vcpus == 1 ? " vCPU" : " vCPUs"));
        figures.put(DiagramIds.MEMORY, vm.getMemory() == null ? "memory not given" : size(vm.getMemory()));
        if (vm.getMaxMemory() != null) {
            figures.put(DiagramIds.MAX_MEMORY, "max " + size(vm.getMaxMemory()));
        }
        for (VirtualDisk disk : vm.getDisks()) {
            StringBuilder text = new StringBuilder("disk ").append(disk.getName());
            if (disk.getSize() != null) {
                text.append(' ').append(size(disk.getSize()));
            }
            text.append(' ').append(disk.getProvisioning().getLiteral());
            if (disk.getFormat() != null) {
                text.append(' ').append(disk.getFormat().getLiteral());
            }
            if (disk.getDatastore() != null && !disk.getDatastore().eIsProxy()) {
                text.append(" on ").append(disk.getDatastore().getName());
            }
            figures.put("disk:" + disk.getName(), text.toString());
        }
        if (vm.getGuest() != null) {
            figures.put("guest", vm.getGuest());
        }
        if (!replica) {
            replicas(vm.getName(), vm.getReplication(), figures);
        }
        return figures;
    }

    static Map<String, String> container(Container container, boolean replica) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("runtime", container.getRuntime() == Runtime.LXC ? "LXC (system container)" : "Docker");
        if (container.getImage() != null && !container.getImage().eIsProxy()) {
            figures.put("image", "image " + container.getImage().getName());
        } else if (container.getImageReference() != null) {
            figures.put("image", "image " + container.getImageReference());
        }
        if (container.getTemplate() != null) {
            figures.put("template", "template " + container.getTemplate());
        }
        if (!container.getPorts().isEmpty()) {
            figures.put("ports", "ports " + container.getPorts().stream().map(Figures::port).collect(Collectors.joining(", ")));
        }
        Cgroup cgroup = container.getCgroup();
        if (cgroup != null) {
            List<String> limits = new ArrayList<>();
            if (cgroup.getCpus() != null) {
                limits.add(number(cgroup.getCpus()) + " CPU");
            }
            if (cgroup.getCpuset() != null) {
                limits.add("cpuset " + cgroup.getCpuset());
            }
            if (cgroup.getCpuShares() != null) {
                limits.add(cgroup.getCpuShares() + " shares");
            }
            if (cgroup.getMemoryLimit() != null) {
                limits.add(size(cgroup.getMemoryLimit()));
            }
            if (!limits.isEmpty()) {
                figures.put("limits", "limits " + String.join(", ", limits));
            }
        }
        if (!replica) {
            replicas(container.getName(), container.getReplication(), figures);
        }
        return figures;
    }

    private static String port(PortMapping port) {
        String text = (port.getHostAddress() == null ? "" : port.getHostAddress() + ":") + (port.getHostPort() == null ? "" : port.getHostPort() + ":")
                + port.getContainerPort();
        return port.getProtocol() == org.vinfra.lang.vinfra.Protocol.UDP ? text + "/udp" : text;
    }

    static Map<String, String> compose(Compose compose) {
        Map<String, String> figures = new LinkedHashMap<>();
        int containers = 0;
        for (Container service : compose.getServices()) {
            containers += Replicas.count(service);
        }
        figures.put("services", compose.getServices().size() + (compose.getServices().size() == 1 ? " service" : " services") + ", "
                + containers + (containers == 1 ? " container" : " containers"));
        if (!compose.getVolumes().isEmpty()) {
            figures.put("volumes", "volumes " + compose.getVolumes().stream().map(Volume::getName).collect(Collectors.joining(", ")));
        }
        if (!compose.getSecrets().isEmpty()) {
            figures.put("secrets", "secrets " + compose.getSecrets().stream().map(Secret::getName).collect(Collectors.joining(", ")));
        }
        return figures;
    }

    static Map<String, String> network(Network network) {
        Map<String, String> figures = new LinkedHashMap<>();
        String mode = network.getKind().getLiteral() + ", " + network.getMode().getLiteral();
        if (network.getUplink() != null && !network.getUplink().eIsProxy()) {
            mode += " to " + network.getUplink().getName();
        }
        figures.put("mode", mode);
        if (network.getCidr() != null) {
            figures.put("cidr", network.getCidr() + (network.getGateway() == null ? "" : ", gateway " + network.getGateway()));
        }
        if (network.getDhcp() != null) {
            figures.put("dhcp", "DHCP " + network.getDhcp().getFirst() + " - " + network.getDhcp().getLast());
        }
        if (!network.getForwards().isEmpty()) {
            figures.put("forwards", network.getForwards().stream()
                    .map(f -> (f.getProtocol() == null ? "tcp" : f.getProtocol().getLiteral()) + " " + f.getHostPort() + " → " + f.getAddress() + ":" + f.getGuestPort())
                    .collect(Collectors.joining(", ", "forward ", "")));
        }
        return figures;
    }

    private static void replicas(String name, Replication replication, Map<String, String> figures) {
        if (replication != null) {
            int count = Math.max(0, replication.getLast() - replication.getFirst() + 1);
            figures.put(DiagramIds.REPLICAS, "× " + count + " (" + name + replication.getFirst() + " .. " + name + replication.getLast() + ")");
        }
    }

    private static final Map<Long, String> SIZES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A size as the language writes it (4 GiB), remembered: a data centre has few different sizes and many VMs. */
    static String size(long bytes) {
        String known = SIZES.get(bytes);
        if (known == null) {
            known = Units.SIZE.format(bytes);
            if (SIZES.size() < 10_000) {
                SIZES.put(bytes, known);
            }
        }
        return known;
    }

    /** A size that need not be whole (memory times a ratio): 307.2 GiB. */
    static String approximateSize(double bytes) {
        String[] units = { "TiB", "GiB", "MiB", "KiB" };
        for (int i = 0; i < units.length; i++) {
            double factor = Math.pow(1024, units.length - i);
            if (bytes >= factor) {
                return number(Math.round(bytes / factor * 10) / 10.0) + " " + units[i];
            }
        }
        return Math.round(bytes) + " B";
    }

    /** 4.0 as 4, 1.5 as 1.5, 307.2 as 307.2. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
