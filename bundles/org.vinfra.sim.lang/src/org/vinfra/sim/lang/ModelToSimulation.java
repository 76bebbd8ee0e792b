package org.vinfra.sim.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.vinfra.lang.model.Defaults;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.model.Topology;
import org.vinfra.lang.vinfra.Action;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Dependency;
import org.vinfra.lang.vinfra.Element;
import org.vinfra.lang.vinfra.Fail;
import org.vinfra.lang.vinfra.Flow;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.HotAdd;
import org.vinfra.lang.vinfra.HotRemove;
import org.vinfra.lang.vinfra.HypervisorType;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Instruction;
import org.vinfra.lang.vinfra.Machine;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.Pause;
import org.vinfra.lang.vinfra.Resume;
import org.vinfra.lang.vinfra.NetworkAttachment;
import org.vinfra.lang.vinfra.Nic;
import org.vinfra.lang.vinfra.PortForward;
import org.vinfra.lang.vinfra.Recover;
import org.vinfra.lang.vinfra.Replication;
import org.vinfra.lang.vinfra.Run;
import org.vinfra.lang.vinfra.Runnable;
import org.vinfra.lang.vinfra.Spike;
import org.vinfra.lang.vinfra.Start;
import org.vinfra.lang.vinfra.Stop;
import org.vinfra.lang.vinfra.TimedEvent;
import org.vinfra.lang.vinfra.Timeline;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;
import org.vinfra.lang.vinfra.Workload;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Attachment;
import org.vinfra.sim.entities.SimModel.Layer;
import org.vinfra.sim.entities.SimModel.Placement;
import org.vinfra.sim.entities.SimModel.Target;
import org.vinfra.sim.entities.Technique;

/**
 * Maps .vinfra models (validated, without errors) to the engine's entities: replicated elements
 * become one entity per replica; a VM placed on a group of hosts is left to the placement policy;
 * a workload on a group of VMs or containers goes round robin over them. The assumptions (default
 * speeds, image layer sizes) are documented in docs/simulation.md.
 */
public final class ModelToSimulation {

    /** MIPS of a core when the model gives no frequency (2 GHz, one instruction per cycle). */
    static final double DEFAULT_MIPS = 2000;
    static final long DEFAULT_NIC_BPS = 1_000_000_000L;
    /** A memory or capacity the model does not give: large enough not to constrain. */
    static final long UNKNOWN_SIZE = 1L << 50;
    static final long BASE_LAYER_BYTES = 50_000_000L;
    static final long RUN_LAYER_BYTES = 5_000_000L;
    static final long METADATA_LAYER_BYTES = 1_000L;

    private final SimModel sim = new SimModel();
    private final Map<EObject, List<Integer>> hosts = new IdentityHashMap<>();
    private final Map<EObject, List<Integer>> vms = new IdentityHashMap<>();
    private final Map<EObject, List<Integer>> containers = new IdentityHashMap<>();
    private final Map<EObject, List<Integer>> networks = new IdentityHashMap<>();
    /** Datastore -> its index on each replica of its host, in replica order. */
    private final Map<EObject, List<Integer>> datastores = new IdentityHashMap<>();
    private final Map<EObject, List<Integer>> workloads = new IdentityHashMap<>();
    private final Map<Compose, Integer> defaultNetworks = new IdentityHashMap<>();
    private final Map<String, Integer> implicitHosts = new HashMap<>();

    /**
     * What a what-if run changes in the models it maps (a sweep, docs/simulation.md): every
     * hypervisor's CPU and memory overcommit ratios (null: as written), and the replica count of
     * replicated elements by name (web[1..N] with another N; a reference to one replica past the new
     * count stands for the group). The models themselves are not changed.
     */
    public record Variation(Double cpuOvercommit, Double memoryOvercommit, Map<String, Integer> replicas) {
        public static final Variation NONE = new Variation(null, null, Map.of());
    }

    private final Variation variation;

    private ModelToSimulation(Variation variation) {
        this.variation = variation;
    }

    public static SimModel map(List<Model> models) {
        return map(models, Variation.NONE);
    }

    /** Maps the models as {@link #map(List)} does, with the changes of a what-if run. */
    public static SimModel map(List<Model> models, Variation variation) {
        ModelToSimulation mapping = new ModelToSimulation(variation);
        List<Element> elements = new ArrayList<>();
        for (Model model : models) {
            elements.addAll(model.getElements());
        }
        for (Element element : elements) {
            if (element instanceof Host host) {
                mapping.host(host);
            }
        }
        for (Element element : elements) {
            if (element instanceof Network network) {
                mapping.network(network);
            } else if (element instanceof Compose compose) {
                compose.getNetworks().forEach(mapping::network);
            }
        }
        for (Element element : elements) {
            if (element instanceof VirtualMachine vm) {
                mapping.vm(vm);
            }
        }
        List<Container> allContainers = new ArrayList<>();
        for (Element element : elements) {
            if (element instanceof Container container) {
                allContainers.add(container);
            } else if (element instanceof Compose compose) {
                // a service with profiles starts only when a profile is activated: 'docker compose up' leaves it stopped
                compose.getServices().stream().filter(org.vinfra.lang.model.Defaults::startsByDefault).forEach(allContainers::add);
            }
        }
        allContainers.forEach(mapping::reserveContainer);
        allContainers.forEach(mapping::container);
        mapping.resolveDependencies();
        for (Element element : elements) {
            if (element instanceof Workload workload) {
                mapping.reserveWorkload(workload);
            }
        }
        for (Element element : elements) {
            if (element instanceof Workload workload) {
                mapping.workload(workload);
            }
        }
        for (Element element : elements) {
            if (element instanceof Timeline timeline) {
                timeline.getEvents().forEach(mapping::timed);
            }
        }
        return mapping.sim;
    }

    private List<String> names(EObject element, String name) {
        Replication replication = Replicas.of(element);
        if (replication == null) {
            return List.of(name);
        }
        Integer count = variation.replicas().get(name);
        if (count == null) {
            return Replicas.names(name, replication);
        }
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(name + (replication.getFirst() + i));
        }
        return names;
    }

    // ------------------------------------------------------------------ hosts and networks

    private void host(Host host) {
        SimModel.Hypervisor hypervisor = SimModel.Hypervisor.NONE;
        if (host.getHypervisor() != null) {
            Technique technique = switch (Defaults.technique(host.getHypervisor())) {
                case HARDWARE_ASSISTED -> Technique.HARDWARE_ASSISTED;
                case PARAVIRTUAL -> Technique.PARAVIRTUAL;
                case FULL -> Technique.FULL;
            };
            hypervisor = new SimModel.Hypervisor(host.getHypervisor().getProduct().getLiteral(),
                    Defaults.type(host.getHypervisor()) == HypervisorType.TYPE2, technique, variation.cpuOvercommit() != null
                    ? variation.cpuOvercommit() : Defaults.cpuOvercommitRatio(host.getHypervisor()), variation.memoryOvercommit() != null
                    ? variation.memoryOvercommit() : Defaults.memoryOvercommitRatio(host.getHypervisor()));
        }
        double mips = host.getCpu() != null && host.getCpu().getFrequency() != null ? host.getCpu().getFrequency() / 1e6 : DEFAULT_MIPS;
        long nic = DEFAULT_NIC_BPS;
        for (Nic each : host.getNics()) {
            if (each.getSpeed() != null) {
                nic = Math.max(nic == DEFAULT_NIC_BPS ? 0 : nic, each.getSpeed());
            }
        }
        List<Integer> indices = new ArrayList<>();
        for (String name : names(host, host.getName())) {
            int index = sim.add(new SimModel.Host(name, Defaults.physicalCores(host), Defaults.threadsPerCore(host), mips,
                    host.getMemory() == null ? UNKNOWN_SIZE : host.getMemory(), nic, hypervisor));
            indices.add(index);
            for (org.vinfra.lang.vinfra.Datastore datastore : host.getDatastores()) {
                datastores.computeIfAbsent(datastore, d -> new ArrayList<>()).add(sim.add(new SimModel.Datastore(name + "." + datastore.getName(),
                        index, datastore.getCapacity() == null ? UNKNOWN_SIZE : datastore.getCapacity(),
                        datastore.getUsed() == null ? 0 : datastore.getUsed())));
            }
        }
        hosts.put(host, List.copyOf(indices));
    }

    private void network(Network network) {
        SimModel.NetworkMode mode = switch (network.getMode()) {
            case NAT -> SimModel.NetworkMode.NAT;
            case BRIDGED -> SimModel.NetworkMode.BRIDGED;
            case HOST_ONLY -> SimModel.NetworkMode.HOST_ONLY;
            case INTERNAL -> SimModel.NetworkMode.INTERNAL;
        };
        int host = network.getHost() == null || network.getHost().eIsProxy() ? -1 : hosts.get(network.getHost()).get(0);
        List<Integer> ports = network.getForwards().stream().map(PortForward::getHostPort).toList();
        networks.put(network, List.of(sim.add(new SimModel.Network(network.getName(), mode, host, ports))));
    }

    // ------------------------------------------------------------------ VMs and containers

    private void vm(VirtualMachine vm) {
        List<Integer> hostReplicas = vm.getHost() == null ? List.of() : hosts.getOrDefault(vm.getHost(), List.of());
        int fixed = replicaNamed(vm, Literals.VIRTUAL_MACHINE__HOST, vm.getHost(), hostReplicas);
        List<Attachment> attachments = new ArrayList<>();
        for (VirtualNic nic : vm.getNics()) {
            if (nic.getPhysicalFunction() != null) {
                attachments.add(new Attachment(-1, true));
            } else if (nic.getNetwork() != null && networks.containsKey(nic.getNetwork())) {
                attachments.add(new Attachment(networks.get(nic.getNetwork()).get(0), false));
            }
        }
        long memory = vm.getMemory() == null ? 1L << 30 : vm.getMemory();
        long max = vm.getMaxMemory() == null ? memory : vm.getMaxMemory();
        List<Integer> indices = new ArrayList<>();
        // the same for every replica (a model may have a million)
        int host = fixed >= 0 ? fixed : hostReplicas.size() == 1 ? hostReplicas.get(0) : -1;
        int vcpus = Defaults.vcpus(vm);
        List<Attachment> nics = List.copyOf(attachments);
        List<SimModel.Disk> disks = host >= 0 ? disks(vm, hostReplicas.indexOf(host)) : List.of();
        for (String name : names(vm, vm.getName())) {
            indices.add(sim.add(new SimModel.Vm(name, host, host >= 0 ? List.of() : hostReplicas, vcpus, memory, max, nics, disks)));
        }
        vms.put(vm, List.copyOf(indices));
    }

    /** A VM's disks on the datastores of the replica its host is; VMs placed by the policy get theirs once placed (not modelled). */
    private List<SimModel.Disk> disks(VirtualMachine vm, int replica) {
        List<SimModel.Disk> disks = new ArrayList<>();
        for (org.vinfra.lang.vinfra.VirtualDisk disk : vm.getDisks()) {
            List<Integer> onReplicas = datastores.get(disk.getDatastore());
            if (onReplicas != null && replica >= 0 && replica < onReplicas.size() && disk.getSize() != null) {
                disks.add(new SimModel.Disk(onReplicas.get(replica), disk.getSize(),
                        disk.getProvisioning() != org.vinfra.lang.vinfra.Provisioning.THICK));
            }
        }
        return disks;
    }

    /** When a reference names one replica (node3) rather than the group (node), that replica's index; else -1. */
    private static int replicaNamed(EObject owner, EReference reference, EObject target, List<Integer> replicas) {
        if (target == null || Replicas.of(target) == null) {
            return -1;
        }
        List<INode> nodes = NodeModelUtils.findNodesForFeature(owner, reference);
        if (nodes.isEmpty()) {
            return -1;
        }
        String text = NodeModelUtils.getTokenText(nodes.get(0));
        String last = text.substring(text.lastIndexOf('.') + 1);
        List<String> names = Replicas.names(org.eclipse.xtext.util.SimpleAttributeResolver.NAME_RESOLVER.apply(target), Replicas.of(target));
        int index = names.indexOf(last);
        return index < 0 || index >= replicas.size() ? -1 : replicas.get(index);
    }

    private void reserveContainer(Container container) {
        containers.put(container, new ArrayList<>());
    }

    private void container(Container container) {
        Machine machine = Topology.machineOf(container);
        List<Placement> placements = placements(container, machine);
        List<Attachment> attachments = new ArrayList<>();
        for (NetworkAttachment attachment : container.getAttachments()) {
            if (attachment.getNetwork() != null && networks.containsKey(attachment.getNetwork())) {
                attachments.add(new Attachment(networks.get(attachment.getNetwork()).get(0), false));
            }
        }
        if (attachments.isEmpty() && container.eContainer() instanceof Compose compose) {
            attachments.add(new Attachment(defaultNetwork(compose), false));
        }
        double healthyAfter = -1;
        if (container.getHealth() != null) {
            long interval = container.getHealth().getInterval() == null ? 30_000 : container.getHealth().getInterval();
            long startPeriod = container.getHealth().getStartPeriod() == null ? 0 : container.getHealth().getStartPeriod();
            healthyAfter = (interval + startPeriod) / 1000.0;
        }
        SimModel.Restart restart = switch (container.getRestart()) {
            case NO -> SimModel.Restart.NO;
            case ALWAYS -> SimModel.Restart.ALWAYS;
            case ON_FAILURE -> SimModel.Restart.ON_FAILURE;
            case UNLESS_STOPPED -> SimModel.Restart.UNLESS_STOPPED;
        };
        for (Dependency dependency : container.getDependencies()) {
            if (dependency.getTarget() == null || !containers.containsKey(dependency.getTarget())) {
                continue;
            }
            SimModel.Condition condition = switch (dependency.getCondition()) {
                case STARTED -> SimModel.Condition.STARTED;
                case HEALTHY -> SimModel.Condition.HEALTHY;
                case COMPLETED -> SimModel.Condition.COMPLETED;
            };
            pendingDependencies.add(new PendingDependency(container, dependency.getTarget(), condition));
        }
        Double cpuQuota = org.vinfra.lang.model.Defaults.cpuQuota(container);
        double quota = cpuQuota != null ? cpuQuota : 0;
        int shares = container.getCgroup() != null && container.getCgroup().getCpuShares() != null ? container.getCgroup().getCpuShares() : 1024;
        Long memoryLimit = org.vinfra.lang.model.Defaults.memoryLimit(container);
        long limit = memoryLimit != null ? memoryLimit : 0;
        List<Layer> layers = layers(container);
        List<String> names = names(container, container.getName());
        for (int i = 0; i < names.size(); i++) {
            int index = sim.add(new SimModel.Container(names.get(i), container.getRuntime() == org.vinfra.lang.vinfra.Runtime.LXC,
                    placements.get(i % placements.size()), quota, shares, limit, healthyAfter, restart, List.of(), List.copyOf(attachments),
                    layers, sharedNamespaces(container), pinnedCpus(container)));
            containers.get(container).add(index);
        }
    }

    /** A depends-on, resolved once every container has its indices. */
    private record PendingDependency(Container from, Container to, SimModel.Condition condition) {
    }

    private final List<PendingDependency> pendingDependencies = new ArrayList<>();

    private List<Placement> placements(Container container, Machine machine) {
        List<Placement> placements = new ArrayList<>();
        if (machine instanceof Host host && hosts.containsKey(host)) {
            hosts.get(host).forEach(h -> placements.add(Placement.host(h)));
        } else if (machine instanceof VirtualMachine vm && vms.containsKey(vm)) {
            vms.get(vm).forEach(v -> placements.add(Placement.vm(v)));
        } else {
            String key = container.eContainer() instanceof Compose compose ? compose.getName() : "local";
            int host = implicitHosts.computeIfAbsent(key, k -> sim.add(new SimModel.Host(k + "-docker-host", 4, 1, DEFAULT_MIPS, 16L << 30,
                    DEFAULT_NIC_BPS, SimModel.Hypervisor.NONE)));
            placements.add(Placement.host(host));
        }
        return placements;
    }

    /** How many CPUs a container's cpuset pins it to (0: not pinned). */
    private static int pinnedCpus(Container container) {
        String cpuset = container.getCgroup() == null ? null : container.getCgroup().getCpuset();
        if (cpuset == null || !cpuset.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
            return 0;
        }
        java.util.Set<Integer> cpus = new java.util.TreeSet<>();
        for (String part : cpuset.split(",")) {
            String[] range = part.split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int cpu = from; cpu <= to; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus.size();
    }

    /** The namespaces a container shares with its machine: those its 'namespaces' list leaves out (none when it has no list). */
    private static List<String> sharedNamespaces(Container container) {
        if (container.getNamespaces().isEmpty()) {
            return List.of();
        }
        return org.vinfra.lang.vinfra.Namespace.VALUES.stream().filter(n -> !container.getNamespaces().contains(n))
                .map(org.vinfra.lang.vinfra.Namespace::getLiteral).toList();
    }

    private int defaultNetwork(Compose compose) {
        return defaultNetworks.computeIfAbsent(compose, c -> sim.add(new SimModel.Network(c.getName() + "_default", SimModel.NetworkMode.NAT, -1,
                List.of())));
    }

    /** Image layers, for pulls with caching per host: the base, then one layer per instruction. */
    private static List<Layer> layers(Container container) {
        List<Layer> layers = new ArrayList<>();
        if (container.getImage() != null) {
            Image image = container.getImage();
            // an image built from itself is vinfra.image-cycle; the simulation may map a model before it is validated
            java.util.Set<Image> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            while (image != null && seen.add(image)) {
                List<Layer> own = new ArrayList<>();
                for (int i = 0; i < image.getInstructions().size(); i++) {
                    Instruction instruction = image.getInstructions().get(i);
                    own.add(new Layer(image.getName() + "#" + i, instruction instanceof Run ? RUN_LAYER_BYTES : METADATA_LAYER_BYTES));
                }
                layers.addAll(0, own);
                if (image.getBaseReference() != null) {
                    layers.add(0, new Layer(image.getBaseReference(), BASE_LAYER_BYTES));
                }
                image = image.getBase();
            }
        } else if (container.getImageReference() != null) {
            layers.add(new Layer(container.getImageReference(), BASE_LAYER_BYTES));
        } else if (container.getTemplate() != null) {
            layers.add(new Layer("template:" + container.getTemplate(), BASE_LAYER_BYTES));
        }
        return layers;
    }

    // ------------------------------------------------------------------ workloads and timeline

    private void reserveWorkload(Workload workload) {
        workloads.put(workload, new ArrayList<>());
    }

    private List<Target> targets(EObject owner, EReference reference, Runnable runnable) {
        List<Target> targets = new ArrayList<>();
        if (runnable instanceof VirtualMachine vm && vms.containsKey(vm)) {
            int one = replicaNamed(owner, reference, vm, vms.get(vm));
            (one >= 0 ? List.of(one) : vms.get(vm)).forEach(v -> targets.add(new Target(false, v)));
        } else if (runnable instanceof Container container && containers.containsKey(container)) {
            int one = replicaNamed(owner, reference, container, containers.get(container));
            (one >= 0 ? List.of(one) : containers.get(container)).forEach(c -> targets.add(new Target(true, c)));
        }
        return targets;
    }

    private void workload(Workload workload) {
        List<Target> targets = targets(workload, Literals.WORKLOAD__TARGET, workload.getTarget());
        if (targets.isEmpty()) {
            return;
        }
        List<String> names = names(workload, workload.getName());
        // the same for every replica (a model may have a million)
        List<List<Target>> flowTargets = new ArrayList<>();
        for (Flow flow : workload.getFlows()) {
            flowTargets.add(targets(flow, Literals.FLOW__TARGET, flow.getTarget()));
        }
        double deadline = workload.getDeadline() == null ? Double.NaN : workload.getDeadline() / 1000.0;
        double busyFor = workload.getBusyFor() == null ? 0 : workload.getBusyFor() / 1000.0;
        double instructions = workload.getInstructions() == null ? 0 : workload.getInstructions();
        int threads = workload.getThreads() == null ? 1 : workload.getThreads();
        double utilisation = workload.getUtilisation() == null ? 0 : workload.getUtilisation();
        long workingSet = workload.getWorkingSet() == null ? 0 : workload.getWorkingSet();
        double startAt = workload.getStartAt() == null ? 0 : workload.getStartAt() / 1000.0;
        long writes = workload.getWrites() == null ? 0 : workload.getWrites();
        List<Integer> indices = workloads.get(workload);
        for (int i = 0; i < names.size(); i++) {
            List<SimModel.Flow> flows = new ArrayList<>();
            for (int f = 0; f < flowTargets.size(); f++) {
                List<Target> to = flowTargets.get(f);
                Flow flow = workload.getFlows().get(f);
                if (!to.isEmpty()) {
                    flows.add(new SimModel.Flow(to.get(i % to.size()), flow.getPort() == null ? 0 : flow.getPort(),
                            flow.getRate() == null ? 0 : flow.getRate()));
                }
            }
            indices.add(sim.add(new SimModel.Workload(names.get(i), targets.get(i % targets.size()), instructions, threads, utilisation, busyFor,
                    workingSet, startAt, deadline, flows.isEmpty() ? List.of() : List.copyOf(flows), writes)));
        }
    }

    /** Sets each container's dependencies on every replica of its targets. */
    private void resolveDependencies() {
        Map<Integer, List<SimModel.Dependency>> byContainer = new HashMap<>();
        for (PendingDependency pending : pendingDependencies) {
            for (int from : containers.get(pending.from())) {
                for (int to : containers.get(pending.to())) {
                    byContainer.computeIfAbsent(from, k -> new ArrayList<>()).add(new SimModel.Dependency(to, pending.condition()));
                }
            }
        }
        byContainer.forEach(sim::setDependencies);
    }

    private void timed(TimedEvent event) {
        double time = event.getTime() == null ? 0 : event.getTime() / 1000.0;
        Action action = event.getAction();
        switch (action) {
            case Start start -> targets(start, Literals.START__TARGET, start.getTarget())
                    .forEach(t -> sim.add(new SimModel.TimedAction(time, new SimModel.Start(t))));
            case Stop stop -> targets(stop, Literals.STOP__TARGET, stop.getTarget())
                    .forEach(t -> sim.add(new SimModel.TimedAction(time, new SimModel.Stop(t))));
            case Fail fail -> {
                if (fail.getNic() != null) {
                    Nic nic = fail.getNic();
                    hostsOf(fail, Literals.FAIL__NIC, (Host) nic.eContainer())
                            .forEach(h -> sim.add(new SimModel.TimedAction(time, new SimModel.FailNic(h, nic.getName()))));
                } else {
                    hostsOf(fail, Literals.FAIL__HOST, fail.getHost()).forEach(h -> sim.add(new SimModel.TimedAction(time, new SimModel.Fail(h))));
                }
            }
            case Recover recover -> {
                if (recover.getNic() != null) {
                    Nic nic = recover.getNic();
                    hostsOf(recover, Literals.RECOVER__NIC, (Host) nic.eContainer())
                            .forEach(h -> sim.add(new SimModel.TimedAction(time, new SimModel.RecoverNic(h, nic.getName()))));
                } else {
                    hostsOf(recover, Literals.RECOVER__HOST, recover.getHost())
                            .forEach(h -> sim.add(new SimModel.TimedAction(time, new SimModel.Recover(h))));
                }
            }
            case Pause pause -> targets(pause, Literals.PAUSE__TARGET, pause.getTarget())
                    .forEach(t -> sim.add(new SimModel.TimedAction(time, new SimModel.Pause(t))));
            case Resume resume -> targets(resume, Literals.RESUME__TARGET, resume.getTarget())
                    .forEach(t -> sim.add(new SimModel.TimedAction(time, new SimModel.Resume(t))));
            case HotAdd add -> targets(add, Literals.HOT_ADD__TARGET, add.getTarget()).forEach(t -> sim.add(new SimModel.TimedAction(time,
                    add.getMemory() != null ? new SimModel.HotAddMemory(t.index(), add.getMemory()) : new SimModel.HotAddVcpus(t.index(),
                            add.getVcpus() == null ? 1 : add.getVcpus()))));
            case HotRemove remove -> targets(remove, Literals.HOT_REMOVE__TARGET, remove.getTarget())
                    .forEach(t -> sim.add(new SimModel.TimedAction(time, new SimModel.HotRemoveMemory(t.index(), remove.getMemory()))));
            case Spike spike -> {
                List<Integer> spiked = workloads.getOrDefault(spike.getWorkload(), List.of());
                int one = replicaNamed(spike, Literals.SPIKE__WORKLOAD, spike.getWorkload(), spiked);
                (one >= 0 ? List.of(one) : spiked).forEach(w -> sim.add(new SimModel.TimedAction(time, new SimModel.Spike(w,
                        spike.getFactor() == null ? 1 : spike.getFactor(), spike.getDuration() == null ? 0 : spike.getDuration() / 1000.0))));
            }
            default -> throw new IllegalArgumentException("unknown action " + action.eClass().getName());
        }
    }

    /** The replicas of a host that an action names: one replica (node3, node3.eth0) or the whole group. */
    private List<Integer> hostsOf(EObject owner, EReference reference, Host host) {
        List<Integer> replicas = hosts.getOrDefault(host, List.of());
        if (Replicas.of(host) == null) {
            return replicas;
        }
        List<INode> nodes = NodeModelUtils.findNodesForFeature(owner, reference);
        String first = nodes.isEmpty() ? "" : NodeModelUtils.getTokenText(nodes.get(0)).split("\\.")[0];
        int index = Replicas.names(host.getName(), Replicas.of(host)).indexOf(first);
        return index >= 0 && index < replicas.size() ? List.of(replicas.get(index)) : replicas;
    }
}
