package org.vinfra.sim.entities;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything a run simulates. Entities refer to each other by their index in these lists. Build it
 * with the add methods (the adapter from .vinfra models does, and so do the tests).
 */
public final class SimModel {

    /** A hypervisor on a host; {@link #NONE} for a host without one (containers only). */
    public record Hypervisor(String product, boolean type2, Technique technique, double cpuRatio, double memoryRatio) {
        public static final Hypervisor NONE = new Hypervisor("none", false, Technique.HARDWARE_ASSISTED, 1, 1);

        public boolean present() {
            return this != NONE;
        }
    }

    public record Host(String name, int cores, int threadsPerCore, double mipsPerCore, long memory, long nicBitsPerSecond, Hypervisor hypervisor) {
        public int logicalCpus() {
            return cores * threadsPerCore;
        }
    }

    /**
     * A VM on {@code host}, or, when host is -1, on one of {@code candidates} (all hosts when empty)
     * chosen by the placement policy. VMs of one group share one candidate list.
     */
    public record Vm(String name, int host, List<Integer> candidates, int vcpus, long memory, long maxMemory, List<Attachment> networks,
            List<Disk> disks) {
        public Vm(String name, int host, List<Integer> candidates, int vcpus, long memory, long maxMemory, List<Attachment> networks) {
            this(name, host, candidates, vcpus, memory, maxMemory, networks, List.of());
        }
    }

    /** Storage of a host: what it holds and what is used before the run. */
    public record Datastore(String name, int host, long capacity, long used) {
    }

    /** A VM's disk on a datastore: thick disks reserve their size when the VM starts, thin ones grow as the guest writes. */
    public record Disk(int datastore, long size, boolean thin) {
    }

    /** Where a container runs: on a host, or in a VM. */
    public record Placement(boolean inVm, int index) {
        public static Placement host(int host) {
            return new Placement(false, host);
        }

        public static Placement vm(int vm) {
            return new Placement(true, vm);
        }
    }

    public enum Restart {
        NO, ALWAYS, ON_FAILURE, UNLESS_STOPPED
    }

    public enum Condition {
        STARTED, HEALTHY, COMPLETED
    }

    public record Dependency(int container, Condition condition) {
    }

    /**
     * A container. {@code healthyAfter}: seconds until it is healthy after it starts (start period +
     * one interval), or -1 without a check. {@code sharedNamespaces}: the namespaces it shares with
     * its machine (it sees the machine's processes, network...).
     */
    public record Container(String name, boolean lxc, Placement placement, double cpuQuota, int shares, long memoryLimit, double healthyAfter,
            Restart restart, List<Dependency> dependencies, List<Attachment> networks, List<Layer> layers, List<String> sharedNamespaces,
            int pinnedCpus) {
        public Container(String name, boolean lxc, Placement placement, double cpuQuota, int shares, long memoryLimit, double healthyAfter,
                Restart restart, List<Dependency> dependencies, List<Attachment> networks, List<Layer> layers, List<String> sharedNamespaces) {
            this(name, lxc, placement, cpuQuota, shares, memoryLimit, healthyAfter, restart, dependencies, networks, layers, sharedNamespaces, 0);
        }

        public Container(String name, boolean lxc, Placement placement, double cpuQuota, int shares, long memoryLimit, double healthyAfter,
                Restart restart, List<Dependency> dependencies, List<Attachment> networks, List<Layer> layers) {
            this(name, lxc, placement, cpuQuota, shares, memoryLimit, healthyAfter, restart, dependencies, networks, layers, List.of());
        }
    }

    /** An image layer: its identity (for caching per host) and size. */
    public record Layer(String digest, long bytes) {
    }

    public enum NetworkMode {
        NAT, BRIDGED, HOST_ONLY, INTERNAL
    }

    /** A virtual network; {@code host} is -1 when it is not tied to one host. */
    public record Network(String name, NetworkMode mode, int host, List<Integer> forwardedPorts) {
    }

    /** A NIC of a VM or container on a network; {@code sriov} when it is an SR-IOV virtual function (network is then -1). */
    public record Attachment(int network, boolean sriov) {
    }

    /** Who runs a workload: a VM or a container. */
    public record Target(boolean container, int index) {
    }

    public record Flow(Target to, int port, double bitsPerSecond) {
    }

    /**
     * CPU demand is either a number of instructions (millions) spread over {@code threads}, or a
     * utilisation (in CPUs) for {@code busyFor} seconds.
     */
    public record Workload(String name, Target target, double instructionsMi, int threads, double utilisation, double busyFor,
            long workingSet, double startAt, double deadline, List<Flow> flows, long writes) {
        public Workload(String name, Target target, double instructionsMi, int threads, double utilisation, double busyFor, long workingSet,
                double startAt, double deadline, List<Flow> flows) {
            this(name, target, instructionsMi, threads, utilisation, busyFor, workingSet, startAt, deadline, flows, 0);
        }
    }

    /** Something that happens at a given time of the run. */
    public sealed interface Action permits Start, Stop, Pause, Resume, Fail, Recover, FailNic, RecoverNic, HotAddMemory, HotAddVcpus,
            HotRemoveMemory, Spike {
    }

    /** Freezes a VM or container: its workloads stop progressing, its memory stays. */
    public record Pause(Target target) implements Action {
    }

    public record Resume(Target target) implements Action {
    }

    /** The physical NICs of a host stop: traffic between it and other hosts is cut. */
    public record FailNic(int host, String nic) implements Action {
    }

    public record RecoverNic(int host, String nic) implements Action {
    }

    public record Start(Target target) implements Action {
    }

    public record Stop(Target target) implements Action {
    }

    public record Fail(int host) implements Action {
    }

    public record Recover(int host) implements Action {
    }

    public record HotAddMemory(int vm, long bytes) implements Action {
    }

    public record HotAddVcpus(int vm, int vcpus) implements Action {
    }

    public record HotRemoveMemory(int vm, long bytes) implements Action {
    }

    public record Spike(int workload, double factor, double duration) implements Action {
    }

    public record TimedAction(double time, Action action) {
    }

    private final List<Host> hosts = new ArrayList<>();
    private final List<Vm> vms = new ArrayList<>();
    private final List<Container> containers = new ArrayList<>();
    private final List<Network> networks = new ArrayList<>();
    private final List<Datastore> datastores = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final List<TimedAction> timeline = new ArrayList<>();
    // read-only views, made once: the engine reads the lists in its inner loops
    private final List<Host> hostsView = Collections.unmodifiableList(hosts);
    private final List<Vm> vmsView = Collections.unmodifiableList(vms);
    private final List<Container> containersView = Collections.unmodifiableList(containers);
    private final List<Network> networksView = Collections.unmodifiableList(networks);
    private final List<Datastore> datastoresView = Collections.unmodifiableList(datastores);
    private final List<Workload> workloadsView = Collections.unmodifiableList(workloads);
    private final List<TimedAction> timelineView = Collections.unmodifiableList(timeline);

    public int add(Host host) {
        hosts.add(host);
        return hosts.size() - 1;
    }

    public int add(Vm vm) {
        vms.add(vm);
        return vms.size() - 1;
    }

    public int add(Container container) {
        containers.add(container);
        return containers.size() - 1;
    }

    public int add(Network network) {
        networks.add(network);
        return networks.size() - 1;
    }

    public int add(Datastore datastore) {
        datastores.add(datastore);
        return datastores.size() - 1;
    }

    public List<Datastore> datastores() {
        return datastoresView;
    }

    public int add(Workload workload) {
        workloads.add(workload);
        return workloads.size() - 1;
    }

    public void add(TimedAction action) {
        timeline.add(action);
    }

    public List<Host> hosts() {
        return hostsView;
    }

    public List<Vm> vms() {
        return vmsView;
    }

    public List<Container> containers() {
        return containersView;
    }

    public List<Network> networks() {
        return networksView;
    }

    public List<Workload> workloads() {
        return workloadsView;
    }

    public List<TimedAction> timeline() {
        return timelineView;
    }

    /** Sets the containers a container waits for (known only once all containers have their index). */
    public void setDependencies(int container, List<Dependency> dependencies) {
        Container old = containers.get(container);
        containers.set(container, new Container(old.name(), old.lxc(), old.placement(), old.cpuQuota(), old.shares(), old.memoryLimit(),
                old.healthyAfter(), old.restart(), List.copyOf(dependencies), old.networks(), old.layers(), old.sharedNamespaces(), old.pinnedCpus()));
    }
}
