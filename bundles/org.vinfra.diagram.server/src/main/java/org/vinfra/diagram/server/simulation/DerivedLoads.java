package org.vinfra.diagram.server.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.policies.VirtualizationCost;
import org.vinfra.sim.results.SimulationResult;

/**
 * The load of VMs and containers at each sample time, worked out from a run's timeline and the model it
 * ran, for what the run records no time series of (the engine samples hosts' CPU and memory and VMs'
 * ready time only). The rules are those of docs/simulation.md, read off the results rather than
 * simulated again:
 * <ul>
 * <li>a workload runs from its {@code workload-start} event to its {@code workload-finish} or
 * {@code workload-abort} event; a timeline {@code spike} multiplies its threads and working set for its
 * duration;</li>
 * <li>a VM wants min(vCPUs, threads of its running workloads and of the containers in it); it gets what
 * it wants less its ready time (the run's {@code ready} series, CPUs waiting); its working set is
 * {@link VirtualizationCost#GUEST_OS_MEMORY} plus its workloads' and its containers' working sets, over
 * its memory (hot-adds that were not refused included);</li>
 * <li>a container wants the threads of its running workloads, up to its CPU quota (or its machine's
 * CPUs); its memory load is its workloads' working sets over its memory limit (unknown without one);</li>
 * <li>a host's memory load is the working sets of its running VMs (each at most the VM's memory) and of its
 * containers over its memory, as the engine weighs memory pressure (the run records memory given to
 * guests, which an overcommitted host fills at once); above 1 it swaps;</li>
 * <li>while a VM or container is not up (see its phases) it wants nothing; paused, it keeps its memory.</li>
 * </ul>
 * A run's timeline keeps its first 20,000 events: in larger runs what follows is not seen here.
 */
final class DerivedLoads {

    private final SimModel model;
    private final SimulationResult result;
    private final double[] times;
    /** Workload index -> its running intervals [start, end). */
    private final List<List<double[]>> running = new ArrayList<>();
    /** Workload index -> its spikes [from, to, factor]. */
    private final List<List<double[]>> spikes = new ArrayList<>();
    private final Map<String, Integer> workloadIndex = new HashMap<>();
    private final Map<String, Integer> hostIndex = new HashMap<>();
    /** VM name -> [time, host index] of each of its {@code vm-up} events ("running on HOST"), in time order. */
    private final Map<String, List<double[]>> placements = new HashMap<>();
    /** Container index -> the workloads it runs; VM index -> the workloads it runs. */
    private final Map<Integer, List<Integer>> workloadsOfContainer = new HashMap<>();
    private final Map<Integer, List<Integer>> workloadsOfVm = new HashMap<>();
    /** VM index -> the containers in it. */
    private final Map<Integer, List<Integer>> containersInVm = new HashMap<>();

    DerivedLoads(SimModel model, SimulationResult result, double[] times) {
        this.model = model;
        this.result = result;
        this.times = times;
        for (int w = 0; w < model.workloads().size(); w++) {
            workloadIndex.put(model.workloads().get(w).name(), w);
            running.add(new ArrayList<>());
            spikes.add(new ArrayList<>());
            SimModel.Target target = model.workloads().get(w).target();
            (target.container() ? workloadsOfContainer : workloadsOfVm).computeIfAbsent(target.index(), k -> new ArrayList<>()).add(w);
        }
        for (int c = 0; c < model.containers().size(); c++) {
            SimModel.Placement placement = model.containers().get(c).placement();
            if (placement.inVm()) {
                containersInVm.computeIfAbsent(placement.index(), k -> new ArrayList<>()).add(c);
            }
        }
        for (int h = 0; h < model.hosts().size(); h++) {
            hostIndex.putIfAbsent(model.hosts().get(h).name(), h);
        }
        Map<Integer, Double> started = new HashMap<>();
        for (SimulationResult.Event event : result.timeline()) {
            if ("vm-up".equals(event.kind()) && event.message().startsWith("running on ")) {
                Integer host = hostIndex.get(event.message().substring("running on ".length()));
                if (host != null) {
                    placements.computeIfAbsent(event.entity(), e -> new ArrayList<>()).add(new double[] { event.time(), host });
                }
            }
            Integer w = workloadIndex.get(event.entity());
            if (w == null) {
                continue;
            }
            switch (event.kind()) {
                case "workload-start" -> started.put(w, event.time());
                case "workload-finish", "workload-abort" -> {
                    Double from = started.remove(w);
                    if (from != null) {
                        running.get(w).add(new double[] { from, event.time() });
                    }
                }
                default -> {
                    // other events of a workload (spikes come from the model's timeline)
                }
            }
        }
        started.forEach((w, from) -> running.get(w).add(new double[] { from, Double.POSITIVE_INFINITY }));
        for (SimModel.TimedAction action : model.timeline()) {
            if (action.action() instanceof SimModel.Spike spike && spike.workload() >= 0 && spike.workload() < spikes.size()) {
                spikes.get(spike.workload()).add(new double[] { action.time(), action.time() + spike.duration(), spike.factor() });
            }
        }
    }

    /** How much of its threads (or working set) a workload has at time t: 0 when not running, its spike factor when spiked. */
    private double factor(int w, double t) {
        boolean on = false;
        for (double[] interval : running.get(w)) {
            if (interval[0] <= t && t < interval[1]) {
                on = true;
                break;
            }
        }
        if (!on) {
            return 0;
        }
        double factor = 1;
        for (double[] spike : spikes.get(w)) {
            if (spike[0] <= t && t < spike[1]) {
                factor *= spike[2];
            }
        }
        return factor;
    }

    /** The engine's CPU demand of a workload: its threads, or its utilisation in CPUs. */
    private static double threads(SimModel.Workload workload) {
        return workload.instructionsMi() > 0 ? Math.max(1, workload.threads()) : Math.max(0, workload.utilisation());
    }

    private double containerThreads(int c, double t) {
        double want = 0;
        for (int w : workloadsOfContainer.getOrDefault(c, List.of())) {
            want += threads(model.workloads().get(w)) * factor(w, t);
        }
        return want;
    }

    private long containerWorkingSet(int c, double t) {
        long ws = 0;
        for (int w : workloadsOfContainer.getOrDefault(c, List.of())) {
            ws += (long) (model.workloads().get(w).workingSet() * factor(w, t));
        }
        return ws;
    }

    private int machineCpus(SimModel.Container container) {
        SimModel.Placement placement = container.placement();
        if (placement.inVm()) {
            return placement.index() >= 0 && placement.index() < model.vms().size() ? model.vms().get(placement.index()).vcpus() : 1;
        }
        return placement.index() >= 0 && placement.index() < model.hosts().size() ? model.hosts().get(placement.index()).logicalCpus() : 1;
    }

    /** The CPUs a container may use: its quota, at most its machine's CPUs and the CPUs it is pinned to. */
    double containerCap(int c) {
        SimModel.Container container = model.containers().get(c);
        int machine = machineCpus(container);
        double cap = container.cpuQuota() > 0 ? Math.min(container.cpuQuota(), machine) : machine;
        return container.pinnedCpus() > 0 ? Math.min(cap, container.pinnedCpus()) : cap;
    }

    /** A container's CPU load (of {@link #containerCap}) and memory load (of its limit; null without one) at each sample time. */
    double[][] container(int c, List<SimulationOverlay.Phase> phases) {
        SimModel.Container container = model.containers().get(c);
        double cap = containerCap(c);
        double[] cpu = new double[times.length];
        double[] memory = container.memoryLimit() > 0 ? new double[times.length] : null;
        for (int i = 0; i < times.length; i++) {
            String state = Phases.stateAt(phases, times[i]);
            boolean up = "up".equals(state);
            cpu[i] = up && cap > 0 ? Math.min(containerThreads(c, times[i]), cap) / cap : 0;
            long ws = up || "paused".equals(state) ? containerWorkingSet(c, times[i]) : 0;
            if (memory != null) {
                memory[i] = ws / (double) container.memoryLimit();
            }
            if (!container.placement().inVm()) {
                addToHost(container.placement().index(), i, ws);
            }
        }
        return new double[][] { cpu, memory };
    }

    /** Host index -> working set bytes at each sample time (VMs' up to their memory, containers' on the host). */
    private final Map<Integer, double[]> hostWorkingSets = new HashMap<>();

    /**
     * A host's memory load at each sample time: the working sets of the VMs running on it (each at most its memory) and of
     * the containers on it, over its memory; above 1 the hypervisor swaps. Complete once {@link #vm} has been called for
     * every VM and {@link #container} for every container.
     */
    double[] hostMemory(int h) {
        long memory = model.hosts().get(h).memory();
        double[] ws = hostWorkingSets.getOrDefault(h, new double[times.length]);
        double[] load = new double[times.length];
        for (int i = 0; i < load.length; i++) {
            load[i] = ws[i] / memory;
        }
        return load;
    }

    private void addToHost(int h, int i, double bytes) {
        if (h >= 0) {
            hostWorkingSets.computeIfAbsent(h, k -> new double[times.length])[i] += bytes;
        }
    }

    /** The host a VM ran on: its own, or (placed by the policy) the one its last {@code vm-up} before t names. */
    private int hostOf(int v, double t) {
        SimModel.Vm vm = model.vms().get(v);
        if (vm.host() >= 0) {
            return vm.host();
        }
        int host = -1;
        for (double[] placed : placements.getOrDefault(vm.name(), List.of())) {
            if (placed[0] > t) {
                break;
            }
            host = (int) placed[1];
        }
        return host;
    }

    /** A VM's CPU load (of its vCPUs) and memory load (working set of its memory) at each sample time. */
    double[][] vm(int v, List<SimulationOverlay.Phase> phases, double[] ready) {
        SimModel.Vm vm = model.vms().get(v);
        List<Integer> workloads = workloadsOfVm.getOrDefault(v, List.of());
        List<Integer> containers = containersInVm.getOrDefault(v, List.of());
        List<double[]> memoryChanges = hotAdds(v);
        List<double[]> vcpuChanges = hotAddedVcpus(v);
        double[] cpu = new double[times.length];
        double[] memory = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            String state = Phases.stateAt(phases, t);
            if (!"up".equals(state) && !"paused".equals(state)) {
                continue;
            }
            double vcpus = vm.vcpus() + sumUntil(vcpuChanges, t);
            double bytes = vm.memory() + sumUntil(memoryChanges, t);
            long ws = VirtualizationCost.GUEST_OS_MEMORY;
            double want = 0;
            for (int w : workloads) {
                double factor = factor(w, t);
                ws += (long) (model.workloads().get(w).workingSet() * factor);
                want += threads(model.workloads().get(w)) * factor;
            }
            for (int c : containers) {
                ws += containerWorkingSet(c, t);
                want += Math.min(containerThreads(c, t), containerCap(c));
            }
            memory[i] = bytes > 0 ? ws / bytes : 0;
            addToHost(hostOf(v, t), i, Math.min(bytes, ws));
            if ("up".equals(state) && vcpus > 0) {
                double wanted = Math.min(vcpus, want);
                double waiting = ready == null || i >= ready.length ? 0 : ready[i];
                cpu[i] = Math.max(0, wanted - waiting) / vcpus;
            }
        }
        return new double[][] { cpu, memory };
    }

    /** [time, bytes] of the memory hot-adds of a VM that the run did not refuse. */
    private List<double[]> hotAdds(int v) {
        List<double[]> changes = new ArrayList<>();
        String name = model.vms().get(v).name();
        for (SimModel.TimedAction action : model.timeline()) {
            if (action.action() instanceof SimModel.HotAddMemory add && add.vm() == v && !refused(name, action.time())) {
                changes.add(new double[] { action.time(), add.bytes() });
            }
        }
        return changes;
    }

    private List<double[]> hotAddedVcpus(int v) {
        List<double[]> changes = new ArrayList<>();
        String name = model.vms().get(v).name();
        for (SimModel.TimedAction action : model.timeline()) {
            if (action.action() instanceof SimModel.HotAddVcpus add && add.vm() == v && !refused(name, action.time())) {
                changes.add(new double[] { action.time(), add.vcpus() });
            }
        }
        return changes;
    }

    private boolean refused(String vm, double time) {
        return result.problems().stream().anyMatch(p -> "sim.hot-add-refused".equals(p.code()) && vm.equals(p.entity()) && p.time() == time);
    }

    private static double sumUntil(List<double[]> changes, double t) {
        double sum = 0;
        for (double[] change : changes) {
            if (change[0] <= t) {
                sum += change[1];
            }
        }
        return sum;
    }
}
