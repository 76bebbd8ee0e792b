package org.vinfra.sim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

import org.vinfra.sim.core.Simulation;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Action;
import org.vinfra.sim.entities.SimModel.Container;
import org.vinfra.sim.entities.SimModel.Dependency;
import org.vinfra.sim.entities.SimModel.Host;
import org.vinfra.sim.entities.SimModel.Layer;
import org.vinfra.sim.entities.SimModel.Restart;
import org.vinfra.sim.entities.SimModel.Target;
import org.vinfra.sim.entities.SimModel.Vm;
import org.vinfra.sim.entities.SimModel.Workload;
import org.vinfra.sim.policies.MemoryReclamation.Pressure;
import org.vinfra.sim.policies.VirtualizationCost;
import org.vinfra.sim.results.SimulationResult;
import org.vinfra.sim.results.SimulationResult.Problem;
import org.vinfra.sim.results.SimulationResult.Severity;

/**
 * The whole stack on the event core: hosts boot, then hypervisors start VMs (after admission
 * against the overcommit policy), then containers in dependency order; workloads share CPUs by
 * the CPU scheduler (a fluid model: rates change only at events), memory pressure is relieved by
 * the reclamation policy, flows share links fairly, and timed actions (failures, hot-add, spikes)
 * change the picture. State lives here in arrays indexed like the model's lists.
 */
public final class StackSimulation {

    private enum State {
        OFF, BOOTING, RUNNING, FAILED, REFUSED, EXITED, OOM_KILLED
    }

    private final SimModel model;
    private final SimulationOptions options;
    private final Simulation sim = new Simulation();
    private final SplittableRandom random;
    private final Recorder recorder;
    private final NetworkModel network;

    // event kinds
    private final int hostUp;
    private final int vmUp;
    private final int containerUp;
    private final int containerHealthy;
    private final int workloadStart;
    private final int nextFinish;
    private final int timedAction;
    private final int spikeEnd;
    private final int containerRestart;
    private final int sample;

    // hosts
    private final boolean[] hostUpNow;
    private final Pressure[] pressure;
    private final boolean[] swapReported;
    private final List<Set<String>> cachedLayers;
    // VMs
    private final int[] vmHost;
    private final State[] vmState;
    private final int[] vmVcpus;
    private final long[] vmMemory;
    private final double[] vmReadySeconds;
    private final double[] vmDemand;
    private final double[] vmAllocation;
    private final double[] vmSettledAt;
    // containers
    private final State[] containerState;
    private final double[] containerHealthyAt;
    private final int[] containerRestarts;
    private final List<List<Integer>> dependents = new ArrayList<>();
    // workloads
    private final State[] workloadState;
    private final double[] remaining;
    private final double[] rate;
    private final double[] lastUpdate;
    private final long[] version;
    private final double[] started;
    private final double[] finished;
    private final double[] cpuSeconds;
    private final double[] spike;
    private final double[] totalWork;
    // datastores
    private final double[] datastoreUsed;
    private final long[] datastoreVersion;
    private final boolean[] datastoreFull;
    private final boolean[] vmPaused;
    private boolean[] containerPaused;
    private final int kindDatastoreFull;
    /** Hosts whose shares are recomputed once all events of this instant have run. */
    private final boolean[] recomputePending;
    private final int kindRecompute;
    /** Each host has one pending "next workload finishes" event; older ones are ignored by this version. */
    private final long[] hostFinishVersion;
    // who runs where
    private final List<List<Integer>> vmsOnHost = new ArrayList<>();
    private final List<List<Integer>> containersOnHost = new ArrayList<>();
    private final List<List<Integer>> containersInVm = new ArrayList<>();
    private final List<List<Integer>> workloadsOfVm = new ArrayList<>();
    private final List<List<Integer>> workloadsOfContainer = new ArrayList<>();

    // scratch arrays for the CPU scheduler
    private double[] demand = new double[16];
    private double[] weight = new double[16];
    private double[] allocation = new double[16];

    public StackSimulation(SimModel model, SimulationOptions options) {
        this.model = model;
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        this.recorder = new Recorder(model, options);
        hostUp = sim.register(this::onHostUp);
        vmUp = sim.register(this::onVmUp);
        containerUp = sim.register(this::onContainerUp);
        containerHealthy = sim.register(this::onContainerHealthy);
        workloadStart = sim.register(this::onWorkloadStart);
        nextFinish = sim.register(this::onNextFinish);
        timedAction = sim.register(this::onTimedAction);
        spikeEnd = sim.register(this::onSpikeEnd);
        containerRestart = sim.register((c, data) -> tryStartContainer(c));
        sample = sim.register(this::onSample);
        kindDatastoreFull = sim.register(this::onDatastoreFull);
        recomputePending = new boolean[model.hosts().size()];
        hostFinishVersion = new long[model.hosts().size()];
        kindRecompute = sim.register(this::onRecompute);
        datastoreUsed = new double[model.datastores().size()];
        datastoreVersion = new long[model.datastores().size()];
        datastoreFull = new boolean[model.datastores().size()];
        vmPaused = new boolean[model.vms().size()];
        containerPaused = new boolean[model.containers().size()];
        for (int d = 0; d < datastoreUsed.length; d++) {
            datastoreUsed[d] = model.datastores().get(d).used();
        }
        for (Vm vm : model.vms()) {
            for (SimModel.Disk disk : vm.disks()) {
                if (!disk.thin()) {
                    datastoreUsed[disk.datastore()] += disk.size();
                }
            }
        }

        int hosts = model.hosts().size();
        hostUpNow = new boolean[hosts];
        pressure = new Pressure[hosts];
        Arrays.fill(pressure, Pressure.NONE);
        swapReported = new boolean[hosts];
        cachedLayers = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            vmsOnHost.add(new ArrayList<>());
            containersOnHost.add(new ArrayList<>());
            cachedLayers.add(new HashSet<>());
        }
        int vms = model.vms().size();
        vmHost = new int[vms];
        network = new NetworkModel(model, vmHost, recorder);
        vmState = new State[vms];
        vmVcpus = new int[vms];
        vmMemory = new long[vms];
        vmReadySeconds = new double[vms];
        vmDemand = new double[vms];
        vmAllocation = new double[vms];
        vmSettledAt = new double[vms];
        Arrays.fill(vmState, State.OFF);
        for (int v = 0; v < vms; v++) {
            containersInVm.add(new ArrayList<>());
            workloadsOfVm.add(new ArrayList<>());
            vmVcpus[v] = model.vms().get(v).vcpus();
            vmMemory[v] = model.vms().get(v).memory();
        }
        int containers = model.containers().size();
        containerState = new State[containers];
        containerHealthyAt = new double[containers];
        containerRestarts = new int[containers];
        Arrays.fill(containerState, State.OFF);
        Arrays.fill(containerHealthyAt, Double.NaN);
        for (int c = 0; c < containers; c++) {
            dependents.add(new ArrayList<>());
            workloadsOfContainer.add(new ArrayList<>());
        }
        for (int c = 0; c < containers; c++) {
            Container container = model.containers().get(c);
            for (Dependency dependency : container.dependencies()) {
                dependents.get(dependency.container()).add(c);
            }
            if (container.placement().inVm()) {
                containersInVm.get(container.placement().index()).add(c);
            } else {
                containersOnHost.get(container.placement().index()).add(c);
            }
        }
        int workloads = model.workloads().size();
        workloadState = new State[workloads];
        remaining = new double[workloads];
        rate = new double[workloads];
        lastUpdate = new double[workloads];
        version = new long[workloads];
        started = new double[workloads];
        finished = new double[workloads];
        cpuSeconds = new double[workloads];
        spike = new double[workloads];
        totalWork = new double[workloads];
        Arrays.fill(workloadState, State.OFF);
        Arrays.fill(started, Double.NaN);
        Arrays.fill(finished, Double.NaN);
        Arrays.fill(spike, 1);
        for (int w = 0; w < workloads; w++) {
            Target target = model.workloads().get(w).target();
            (target.container() ? workloadsOfContainer : workloadsOfVm).get(target.index()).add(w);
        }
    }

    /** Runs the model; {@code progress} is told the simulated time now and then (may be null). */
    public SimulationResult run(DoubleConsumer progress) {
        long wallStart = System.nanoTime();
        place();
        for (int h = 0; h < model.hosts().size(); h++) {
            sim.schedule(jitter(VirtualizationCost.hostBootSeconds(model.hosts().get(h))), hostUp, h, 0);
            recorder.event(0, "power-on", model.hosts().get(h).name(), "powered on");
        }
        for (int a = 0; a < model.timeline().size(); a++) {
            sim.scheduleAt(model.timeline().get(a).time(), timedAction, a, 0);
        }
        sim.schedule(0, sample, 0, 0);
        Simulation.Outcome outcome = null;
        double step = Math.max(options.duration() / 100, 1e-9);
        for (double until = step; outcome == null || outcome == Simulation.Outcome.REACHED_END_TIME && until <= options.duration() + step / 2;
                until += step) {
            outcome = sim.run(Math.min(until, options.duration()));
            if (progress != null) {
                progress.accept(sim.now());
            }
            if (outcome != Simulation.Outcome.REACHED_END_TIME || until >= options.duration()) {
                break;
            }
        }
        double end = outcome == Simulation.Outcome.STOPPED ? sim.now() : options.duration();
        settleAll(end);
        recorder.finish(end, this::workloadOutcomes);
        reportUnfinished(end);
        String outcomeName = outcome == Simulation.Outcome.STOPPED ? "stopped" : "completed";
        return recorder.result(new SimulationResult.Run(options.duration(), end, options.seed(), outcomeName, sim.processedEvents(),
                (System.nanoTime() - wallStart) / 1_000_000));
    }

    /** Stops the run at the next event; the result then covers the time simulated so far. */
    public void requestStop() {
        sim.requestStop();
    }

    public long processedEvents() {
        return sim.processedEvents();
    }

    private double jitter(double seconds) {
        return options.bootJitter() == 0 ? seconds : seconds * (1 + options.bootJitter() * (random.nextDouble() - 0.5));
    }

    // ------------------------------------------------------------------ placement and boot

    private void place() {
        List<List<Integer>> candidates = new ArrayList<>();
        for (Vm vm : model.vms()) {
            candidates.add(vm.host() >= 0 ? List.of() : vm.candidates());
        }
        int[] placement = options.placement().place(model, candidates);
        for (int v = 0; v < placement.length; v++) {
            vmHost[v] = placement[v];
            if (placement[v] >= 0) {
                vmsOnHost.get(placement[v]).add(v);
            } else {
                vmState[v] = State.REFUSED;
                recorder.problem(Severity.ERROR, "sim.placement-failed", model.vms().get(v).name(), 0,
                        "No host has room for VM '" + model.vms().get(v).name() + "' within its overcommit policy (" + model.vms().get(v).vcpus()
                                + " vCPUs, " + gib(model.vms().get(v).memory()) + "): add hosts, or raise the overcommit ratios.");
            }
        }
    }

    private void onHostUp(int h, long data) {
        hostUpNow[h] = true;
        Host host = model.hosts().get(h);
        recorder.event(sim.now(), "host-up", host.name(), host.hypervisor().present()
                ? "up: " + host.hypervisor().product() + (host.hypervisor().type2() ? " (type 2, on its host OS)" : " (type 1)") : "up");
        for (int v : vmsOnHost.get(h)) {
            startVm(v);
        }
        for (int c : containersOnHost.get(h)) {
            tryStartContainer(c);
        }
    }

    private void startVm(int v) {
        int h = vmHost[v];
        if (h < 0 || !hostUpNow[h] || vmState[v] == State.BOOTING || vmState[v] == State.RUNNING) {
            return;
        }
        Host host = model.hosts().get(h);
        long committed = 0;
        for (int other : vmsOnHost.get(h)) {
            if (other != v && (vmState[other] == State.BOOTING || vmState[other] == State.RUNNING)) {
                committed += vmMemory[other];
            }
        }
        if (committed + vmMemory[v] > host.memory() * host.hypervisor().memoryRatio() + 1e-6) {
            vmState[v] = State.REFUSED;
            recorder.problem(Severity.ERROR, "sim.admission-refused", model.vms().get(v).name(), sim.now(),
                    "The hypervisor of '" + host.name() + "' refuses to start VM '" + model.vms().get(v).name() + "': " + gib(committed)
                            + " are committed and " + gib(vmMemory[v]) + " more would exceed " + gib(host.memory()) + " x "
                            + host.hypervisor().memoryRatio() + " (its memory overcommit ratio).");
            return;
        }
        vmState[v] = State.BOOTING;
        sim.schedule(jitter(VirtualizationCost.vmBootSeconds(host.hypervisor())), vmUp, v, 0);
    }

    private void onVmUp(int v, long data) {
        if (vmState[v] != State.BOOTING) {
            return;
        }
        vmState[v] = State.RUNNING;
        recorder.event(sim.now(), "vm-up", model.vms().get(v).name(), "running on " + model.hosts().get(vmHost[v]).name());
        for (int w : workloadsOfVm.get(v)) {
            scheduleWorkload(w);
        }
        for (int c : containersInVm.get(v)) {
            tryStartContainer(c);
        }
        changed(vmHost[v]);
    }

    /** Starts a container when its machine runs and its dependencies' conditions hold. */
    private void tryStartContainer(int c) {
        if (containerState[c] == State.BOOTING || containerState[c] == State.RUNNING || containerState[c] == State.EXITED) {
            return;
        }
        Container container = model.containers().get(c);
        if (!machineRunning(container)) {
            return;
        }
        for (Dependency dependency : container.dependencies()) {
            if (!satisfied(dependency)) {
                return;
            }
        }
        int h = hostOf(container);
        double pull = 0;
        Host host = model.hosts().get(h);
        for (Layer layer : container.layers()) {
            if (cachedLayers.get(h).add(layer.digest())) {
                pull += layer.bytes() * 8.0 / host.nicBitsPerSecond();
            }
        }
        containerState[c] = State.BOOTING;
        sim.schedule(VirtualizationCost.containerStartSeconds(container.lxc()) + pull, containerUp, c, 0);
        if (pull > 0) {
            recorder.event(sim.now(), "image-pull", container.name(), String.format(Locale.ROOT, "pulling layers not cached on %s: %.2f s",
                    host.name(), pull));
        }
    }

    private boolean machineRunning(Container container) {
        return container.placement().inVm() ? vmState[container.placement().index()] == State.RUNNING : hostUpNow[container.placement().index()];
    }

    private int hostOf(Container container) {
        return container.placement().inVm() ? vmHost[container.placement().index()] : container.placement().index();
    }

    private boolean satisfied(Dependency dependency) {
        int d = dependency.container();
        return switch (dependency.condition()) {
            case STARTED -> containerState[d] == State.RUNNING || containerState[d] == State.EXITED;
            case HEALTHY -> containerState[d] == State.RUNNING && !Double.isNaN(containerHealthyAt[d]) && containerHealthyAt[d] <= sim.now();
            case COMPLETED -> containerState[d] == State.EXITED;
        };
    }

    private void onContainerUp(int c, long data) {
        if (containerState[c] != State.BOOTING) {
            return;
        }
        Container container = model.containers().get(c);
        if (!machineRunning(container)) {
            containerState[c] = State.FAILED;
            return;
        }
        containerState[c] = State.RUNNING;
        recorder.event(sim.now(), "container-up", container.name(), "running" + (container.lxc() ? " (LXC)" : ""));
        if (!container.sharedNamespaces().isEmpty()) {
            recorder.event(sim.now(), "namespaces", container.name(), "shares the " + String.join(", ", container.sharedNamespaces())
                    + " namespaces of its machine: it sees the machine's " + String.join(", ", container.sharedNamespaces().stream()
                            .map(StackSimulation::whatANamespaceShows).toList()));
        }
        if (container.healthyAfter() >= 0) {
            sim.schedule(container.healthyAfter(), containerHealthy, c, containerRestarts[c]);
        }
        for (int w : workloadsOfContainer.get(c)) {
            scheduleWorkload(w);
        }
        if (workloadsOfContainer.get(c).isEmpty() || container.healthyAfter() < 0) {
            for (int dependent : dependents.get(c)) {
                tryStartContainer(dependent);
            }
        }
    }

    private void onContainerHealthy(int c, long attempt) {
        if (containerState[c] != State.RUNNING || attempt != containerRestarts[c]) {
            return;
        }
        containerHealthyAt[c] = sim.now();
        recorder.event(sim.now(), "container-healthy", model.containers().get(c).name(), "health check passes");
        for (int dependent : dependents.get(c)) {
            tryStartContainer(dependent);
        }
    }

    // ------------------------------------------------------------------ workloads and CPU

    private void scheduleWorkload(int w) {
        if (workloadState[w] == State.RUNNING || workloadState[w] == State.EXITED) {
            return;
        }
        Workload workload = model.workloads().get(w);
        sim.scheduleAt(Math.max(sim.now(), workload.startAt()), workloadStart, w, version[w]);
    }

    private void onWorkloadStart(int w, long stamp) {
        if (stamp != version[w] || workloadState[w] == State.RUNNING || !runnerRunning(model.workloads().get(w).target())) {
            return;
        }
        Workload workload = model.workloads().get(w);
        int h = hostOfTarget(workload.target());
        workloadState[w] = State.RUNNING;
        started[w] = sim.now();
        lastUpdate[w] = sim.now();
        rate[w] = 0;
        remaining[w] = totalWork(workload, model.hosts().get(h));
        totalWork[w] = remaining[w];
        recorder.event(sim.now(), "workload-start", workload.name(), "starts on " + runnerName(workload.target()));
        if (workload.target().container() && oomKilled(workload.target().index())) {
            return;
        }
        network.start(w, workload, this::runnerRunning, sim.now());
        changed(h);
    }

    /** Instructions (millions) the workload needs; a utilisation for a time is that many CPUs at full speed. */
    private static double totalWork(Workload workload, Host host) {
        if (workload.instructionsMi() > 0) {
            return workload.instructionsMi();
        }
        return workload.utilisation() * workload.busyFor() * host.mipsPerCore();
    }

    private double threads(Workload workload) {
        return workload.instructionsMi() > 0 ? Math.max(1, workload.threads()) : Math.max(1e-9, workload.utilisation());
    }

    private void onRecompute(int h, long data) {
        recomputePending[h] = false;
        memoryChanged(h);
    }

    /** The earliest finish on a host has come: every workload done by now finishes (several may end together). */
    private void onNextFinish(int h, long stamp) {
        if (stamp != hostFinishVersion[h] || !hostUpNow[h]) {
            return;
        }
        settleHost(h);
        List<Integer> done = new ArrayList<>();
        forEachWorkloadOn(h, w -> {
            if (running(w) && remaining[w] <= 1e-9 * Math.max(1, totalWork[w])) {
                done.add(w);
            }
        });
        for (int w : done) {
            finish(w);
        }
        changed(h);
    }

    private void forEachWorkloadOn(int h, java.util.function.IntConsumer action) {
        for (int v : vmsOnHost.get(h)) {
            workloadsOfVm.get(v).forEach(action::accept);
            for (int c : containersInVm.get(v)) {
                workloadsOfContainer.get(c).forEach(action::accept);
            }
        }
        for (int c : containersOnHost.get(h)) {
            workloadsOfContainer.get(c).forEach(action::accept);
        }
    }

    private void finish(int w) {
        Workload workload = model.workloads().get(w);
        workloadState[w] = State.EXITED;
        finished[w] = sim.now();
        remaining[w] = 0;
        recorder.event(sim.now(), "workload-finish", workload.name(), String.format(Locale.ROOT, "finished after %.3f s", sim.now() - started[w]));
        if (!Double.isNaN(workload.deadline()) && sim.now() > workload.deadline() + 1e-9) {
            recorder.problem(Severity.ERROR, "sim.deadline-missed", workload.name(), sim.now(), String.format(Locale.ROOT,
                    "Workload '%s' finished at %.3f s, after its deadline of %.3f s. It got %.3f CPU-seconds: its CPUs were shared with others"
                            + " (see the ready time of its VM) or slowed by memory swapping.",
                    workload.name(), sim.now(), workload.deadline(), cpuSeconds[w]));
        }
        network.stop(w, sim.now());
        if (workload.target().container()) {
            containerWorkloadDone(workload.target().index());
        }
    }

    private void containerWorkloadDone(int c) {
        for (int w : workloadsOfContainer.get(c)) {
            if (workloadState[w] != State.EXITED) {
                return;
            }
        }
        containerState[c] = State.EXITED;
        recorder.event(sim.now(), "container-exit", model.containers().get(c).name(), "exited: its work is done");
        for (int dependent : dependents.get(c)) {
            tryStartContainer(dependent);
        }
    }

    private boolean runnerRunning(Target target) {
        if (target.container()) {
            return containerState[target.index()] == State.RUNNING;
        }
        return vmState[target.index()] == State.RUNNING;
    }

    private int hostOfTarget(Target target) {
        return target.container() ? hostOf(model.containers().get(target.index())) : vmHost[target.index()];
    }

    private String runnerName(Target target) {
        return target.container() ? model.containers().get(target.index()).name() : model.vms().get(target.index()).name();
    }

    /** Brings the progress of every running workload on a host up to now. */
    private void settleHost(int h) {
        double now = sim.now();
        for (int v : vmsOnHost.get(h)) {
            if (vmState[v] == State.RUNNING) {
                double dt = now - vmLastSettle(v);
                vmReadySeconds[v] += Math.max(0, vmDemand[v] - vmAllocation[v]) * dt;
            }
            for (int w : workloadsOfVm.get(v)) {
                settle(w, now);
            }
            for (int c : containersInVm.get(v)) {
                for (int w : workloadsOfContainer.get(c)) {
                    settle(w, now);
                }
            }
            vmSettledAt[v] = now;
        }
        for (int c : containersOnHost.get(h)) {
            for (int w : workloadsOfContainer.get(c)) {
                settle(w, now);
            }
        }
    }

    private double vmLastSettle(int v) {
        return vmSettledAt[v];
    }

    private void settle(int w, double now) {
        if (workloadState[w] != State.RUNNING) {
            return;
        }
        double dt = now - lastUpdate[w];
        if (dt > 0) {
            double done = Math.min(remaining[w], rate[w] * dt);
            remaining[w] -= done;
            Workload workload = model.workloads().get(w);
            double mips = model.hosts().get(hostOfTarget(workload.target())).mipsPerCore();
            cpuSeconds[w] += done / mips;
            int datastore = writesTo(workload);
            if (datastore >= 0 && totalWork[w] > 0) {
                datastoreUsed[datastore] += workload.writes() * done / totalWork[w];
            }
        }
        lastUpdate[w] = now;
    }

    private void settleAll(double now) {
        for (int h = 0; h < model.hosts().size(); h++) {
            if (hostUpNow[h]) {
                settleHost(h);
            }
        }
    }

    /** Recomputes the CPU shares on a host and reschedules the finish of its workloads. */
    private void reschedule(int h) {
        settleHost(h);
        Host host = model.hosts().get(h);
        List<Integer> vms = vmsOnHost.get(h);
        List<Integer> containers = containersOnHost.get(h);
        int count = vms.size() + containers.size();
        if (demand.length < count) {
            demand = new double[count * 2];
            weight = new double[count * 2];
            allocation = new double[count * 2];
        }
        double busy = 0;
        int i = 0;
        for (int v : vms) {
            double want = 0;
            if (vmState[v] == State.RUNNING && !vmPaused[v]) {
                for (int w : workloadsOfVm.get(v)) {
                    want += running(w) ? threads(model.workloads().get(w)) * spike[w] : 0;
                }
                for (int c : containersInVm.get(v)) {
                    want += containerDemand(c, vmVcpus[v]);
                }
            }
            demand[i] = Math.min(vmVcpus[v], want);
            weight[i] = vmVcpus[v];
            vmDemand[v] = demand[i];
            busy += demand[i++];
        }
        for (int c : containers) {
            demand[i] = containerDemand(c, host.logicalCpus());
            weight[i] = Math.max(1, model.containers().get(c).shares()) / 1024.0;
            busy += demand[i++];
        }
        double capacity = VirtualizationCost.capacity(host, busy);
        // time-sharing: when more is wanted than the host has, capacity is what its CPUs deliver
        options.cpuScheduler().allocate(capacity, demand, weight, allocation, count);
        double efficiencyOfHost = pressure[h].speedFactor();
        i = 0;
        for (int v : vms) {
            vmAllocation[v] = allocation[i];
            double efficiency = (1 - VirtualizationCost.cpuOverhead(host.hypervisor())) * efficiencyOfHost;
            double share = demand[i] > 0 ? allocation[i] / demand[i] : 0;
            for (int w : workloadsOfVm.get(v)) {
                setRate(w, threads(model.workloads().get(w)) * spike[w] * share * host.mipsPerCore() * efficiency);
            }
            for (int c : containersInVm.get(v)) {
                double containerShare = share * Math.min(1, containerCap(c, vmVcpus[v]) / Math.max(1e-12, rawDemand(c)));
                for (int w : workloadsOfContainer.get(c)) {
                    setRate(w, threads(model.workloads().get(w)) * spike[w] * containerShare * host.mipsPerCore() * efficiency);
                }
            }
            i++;
        }
        for (int c : containers) {
            double share = demand[i] > 0 ? allocation[i] / demand[i] : 0;
            double capped = Math.min(1, containerCap(c, host.logicalCpus()) / Math.max(1e-12, rawDemand(c)));
            for (int w : workloadsOfContainer.get(c)) {
                setRate(w, threads(model.workloads().get(w)) * spike[w] * share * capped * host.mipsPerCore() * efficiencyOfHost);
            }
            i++;
        }
        recorder.hostLoad(h, busy, capacity);
        scheduleNextFinish(h);
        scheduleDatastoresFull(h);
    }

    /** The datastore a workload's writes grow: the first thin disk of its VM, or -1. */
    private int writesTo(Workload workload) {
        if (workload.writes() <= 0 || workload.target().container()) {
            return -1;
        }
        for (SimModel.Disk disk : model.vms().get(workload.target().index()).disks()) {
            if (disk.thin()) {
                return disk.datastore();
            }
        }
        return -1;
    }

    /** When thin disks grow, a datastore fills at a predictable time: schedule it (a later change of rates reschedules). */
    private void scheduleDatastoresFull(int h) {
        if (datastoreUsed.length == 0) {
            return;
        }
        java.util.Map<Integer, Double> growth = new java.util.HashMap<>();
        for (int v : vmsOnHost.get(h)) {
            for (int w : workloadsOfVm.get(v)) {
                int datastore = writesTo(model.workloads().get(w));
                if (datastore >= 0 && running(w) && rate[w] > 0 && totalWork[w] > 0) {
                    growth.merge(datastore, model.workloads().get(w).writes() * rate[w] / totalWork[w], Double::sum);
                }
            }
        }
        for (java.util.Map.Entry<Integer, Double> entry : growth.entrySet()) {
            int d = entry.getKey();
            datastoreVersion[d]++;
            if (!datastoreFull[d]) {
                double free = model.datastores().get(d).capacity() - datastoreUsed[d];
                sim.schedule(Math.max(0, free / entry.getValue()), kindDatastoreFull, d, datastoreVersion[d]);
            }
        }
    }

    /** A full datastore: a thin disk cannot grow, so the hypervisor pauses the VMs that write to it (as KVM and ESXi do). */
    private void onDatastoreFull(int d, long stamp) {
        if (stamp != datastoreVersion[d] || datastoreFull[d]) {
            return;
        }
        SimModel.Datastore datastore = model.datastores().get(d);
        settleHost(datastore.host());
        datastoreFull[d] = true;
        List<String> paused = new ArrayList<>();
        for (int v = 0; v < model.vms().size(); v++) {
            for (SimModel.Disk disk : model.vms().get(v).disks()) {
                if (disk.datastore() == d && disk.thin() && vmState[v] == State.RUNNING && !vmPaused[v]) {
                    vmPaused[v] = true;
                    paused.add(model.vms().get(v).name());
                }
            }
        }
        recorder.problem(Severity.ERROR, "sim.datastore-full", datastore.name(), sim.now(), "Datastore '" + datastore.name() + "' is full ("
                + gib(datastore.capacity()) + "): the thin disks on it cannot grow, so the hypervisor paused " + String.join(", ", paused)
                + ". Thin provisioning overcommits storage; give the datastore room or make the disks smaller.");
        reschedule(datastore.host());
    }

    private boolean running(int w) {
        return workloadState[w] == State.RUNNING;
    }

    private double rawDemand(int c) {
        double want = 0;
        if (containerState[c] == State.RUNNING && !containerPaused[c]) {
            for (int w : workloadsOfContainer.get(c)) {
                want += running(w) ? threads(model.workloads().get(w)) * spike[w] : 0;
            }
        }
        return want;
    }

    /** A container is capped by its CPU quota and by the CPUs it is pinned to (cpuset). */
    private double containerCap(int c, int machineCpus) {
        Container container = model.containers().get(c);
        double cap = container.cpuQuota() > 0 ? Math.min(container.cpuQuota(), machineCpus) : machineCpus;
        return container.pinnedCpus() > 0 ? Math.min(cap, container.pinnedCpus()) : cap;
    }

    private double containerDemand(int c, int machineCpus) {
        return Math.min(rawDemand(c), containerCap(c, machineCpus));
    }

    private void setRate(int w, double newRate) {
        if (running(w)) {
            rate[w] = newRate;
        }
    }

    /** One event per host: when its earliest workload finishes at the current rates. */
    private void scheduleNextFinish(int h) {
        double[] next = { Double.MAX_VALUE };
        forEachWorkloadOn(h, w -> {
            if (running(w) && rate[w] > 0) {
                next[0] = Math.min(next[0], remaining[w] / rate[w]);
            }
        });
        hostFinishVersion[h]++;
        if (next[0] < Double.MAX_VALUE) {
            sim.schedule(next[0], nextFinish, h, hostFinishVersion[h]);
        }
    }

    // ------------------------------------------------------------------ memory

    /**
     * Asks for the memory and CPU of a host to be recomputed after the other events of this instant:
     * a thousand workloads starting together cost one recomputation, not a thousand.
     */
    private void changed(int h) {
        if (h >= 0 && !recomputePending[h]) {
            recomputePending[h] = true;
            sim.schedule(0, kindRecompute, h, 0);
        }
    }

    /** Re-evaluates memory pressure on a host (reclamation, OOM), then the CPU shares. */
    private void memoryChanged(int h) {
        if (h < 0 || !hostUpNow[h]) {
            return;
        }
        Host host = model.hosts().get(h);
        long allocated = 0;
        long workingSet = 0;
        for (int v : vmsOnHost.get(h)) {
            if (vmState[v] != State.RUNNING && vmState[v] != State.BOOTING) {
                continue;
            }
            allocated += vmMemory[v];
            long ws = VirtualizationCost.GUEST_OS_MEMORY;
            for (int w : workloadsOfVm.get(v)) {
                ws += running(w) ? (long) (model.workloads().get(w).workingSet() * spike[w]) : 0;
            }
            for (int c : containersInVm.get(v)) {
                ws += containerWorkingSet(c);
            }
            workingSet += Math.min(vmMemory[v], ws);
        }
        for (int c : containersOnHost.get(h)) {
            long ws = containerWorkingSet(c);
            allocated += ws;
            workingSet += ws;
        }
        Pressure before = pressure[h];
        pressure[h] = options.memoryReclamation().reclaim(host.memory(), allocated, workingSet);
        if (pressure[h].swapped() > 0 && !swapReported[h]) {
            swapReported[h] = true;
            recorder.problem(Severity.ERROR, "sim.swapping", host.name(), sim.now(),
                    "Host '" + host.name() + "' swaps " + gib(pressure[h].swapped()) + " of guest memory: its VMs' working sets ("
                            + gib(workingSet) + ") exceed its " + gib(host.memory()) + " even after ballooning reclaimed "
                            + gib(pressure[h].ballooned()) + ". Guests slow to " + Math.round(pressure[h].speedFactor() * 100)
                            + "% of their speed; give the VMs less memory or move some away.");
        } else if (pressure[h].ballooned() > 0 && before.ballooned() == 0) {
            recorder.event(sim.now(), "ballooning", host.name(), "ballooning reclaims " + gib(pressure[h].ballooned()) + " of unused guest memory");
        }
        recorder.memory(h, sim.now(), Math.min(allocated, host.memory()), pressure[h]);
        reschedule(h);
    }

    private long containerWorkingSet(int c) {
        long ws = 0;
        for (int w : workloadsOfContainer.get(c)) {
            ws += running(w) ? (long) (model.workloads().get(w).workingSet() * spike[w]) : 0;
        }
        return ws;
    }

    /** A container whose working set passes its cgroup memory limit is killed by the kernel's OOM killer. */
    private boolean oomKilled(int c) {
        Container container = model.containers().get(c);
        long ws = containerWorkingSet(c);
        if (container.memoryLimit() <= 0 || ws <= container.memoryLimit()) {
            return false;
        }
        int h = hostOf(container);
        stopContainer(c, State.OOM_KILLED);
        recorder.problem(Severity.ERROR, "sim.oom-kill", container.name(), sim.now(), "Container '" + container.name() + "' was killed by"
                + " the OOM killer: its workloads use " + gib(ws) + ", above its cgroup memory limit of " + gib(container.memoryLimit())
                + ". Raise the limit or reduce the working set.");
        restartLater(c);
        memoryChanged(h);
        return true;
    }

    private void restartLater(int c) {
        Container container = model.containers().get(c);
        boolean restarts = container.restart() == Restart.ALWAYS || container.restart() == Restart.UNLESS_STOPPED
                || container.restart() == Restart.ON_FAILURE;
        if (!restarts) {
            return;
        }
        if (containerRestarts[c] >= 5) {
            recorder.problem(Severity.ERROR, "sim.crash-loop", container.name(), sim.now(), "Container '" + container.name()
                    + "' failed " + containerRestarts[c] + " times; its restart policy keeps restarting it into the same failure.");
            return;
        }
        containerRestarts[c]++;
        sim.schedule(Math.pow(2, containerRestarts[c] - 1), containerRestart, c, 0);
    }

    private void stopContainer(int c, State state) {
        containerState[c] = state;
        containerHealthyAt[c] = Double.NaN;
        for (int w : workloadsOfContainer.get(c)) {
            abort(w, state == State.OOM_KILLED ? "killed with its container" : "stopped with its container");
        }
    }

    private void abort(int w, String why) {
        if (workloadState[w] != State.RUNNING) {
            if (workloadState[w] == State.OFF) {
                version[w]++;
            }
            return;
        }
        settle(w, sim.now());
        workloadState[w] = State.FAILED;
        version[w]++;
        rate[w] = 0;
        network.stop(w, sim.now());
        recorder.event(sim.now(), "workload-abort", model.workloads().get(w).name(), why);
        workloadState[w] = State.OFF;
    }

    // ------------------------------------------------------------------ timeline

    private void onTimedAction(int a, long data) {
        Action action = model.timeline().get(a).action();
        switch (action) {
            case SimModel.Start start -> startTarget(start.target());
            case SimModel.Stop stop -> stopTarget(stop.target());
            case SimModel.Fail fail -> failHost(fail.host());
            case SimModel.Pause pause -> pause(pause.target(), true);
            case SimModel.Resume resume -> pause(resume.target(), false);
            case SimModel.FailNic fail -> {
                network.nic(fail.host(), false, sim.now());
                recorder.problem(Severity.ERROR, "sim.nic-failed", model.hosts().get(fail.host()).name() + "." + fail.nic(), sim.now(),
                        "NIC '" + fail.nic() + "' of host '" + model.hosts().get(fail.host()).name() + "' failed: traffic between its VMs and"
                                + " containers and other hosts is cut (on a host, they still reach each other through the virtual switch).");
            }
            case SimModel.RecoverNic recover -> {
                network.nic(recover.host(), true, sim.now());
                recorder.event(sim.now(), "nic-recover", model.hosts().get(recover.host()).name() + "." + recover.nic(), "back");
            }
            case SimModel.Recover recover -> {
                if (!hostUpNow[recover.host()]) {
                    recorder.event(sim.now(), "host-recover", model.hosts().get(recover.host()).name(), "powered on again");
                    sim.schedule(jitter(VirtualizationCost.hostBootSeconds(model.hosts().get(recover.host()))), hostUp, recover.host(), 0);
                }
            }
            case SimModel.HotAddMemory add -> hotAddMemory(add.vm(), add.bytes());
            case SimModel.HotAddVcpus add -> {
                vmVcpus[add.vm()] += add.vcpus();
                recorder.event(sim.now(), "hot-add", model.vms().get(add.vm()).name(), "+" + add.vcpus() + " vCPUs, now " + vmVcpus[add.vm()]);
                if (vmHost[add.vm()] >= 0 && hostUpNow[vmHost[add.vm()]]) {
                    reschedule(vmHost[add.vm()]);
                }
            }
            case SimModel.HotRemoveMemory remove -> recorder.problem(Severity.ERROR, "sim.hot-remove-refused", model.vms().get(remove.vm()).name(),
                    sim.now(), "Removing " + gib(remove.bytes()) + " from VM '" + model.vms().get(remove.vm()).name() + "' is refused: guest"
                            + " operating systems support hot-adding memory, not hot-removing it. Shut the VM down to give it less.");
            case SimModel.Spike spikeAction -> {
                int w = spikeAction.workload();
                spike[w] = spikeAction.factor();
                recorder.event(sim.now(), "spike", model.workloads().get(w).name(), "load x" + spikeAction.factor() + " for "
                        + spikeAction.duration() + " s");
                sim.schedule(spikeAction.duration(), spikeEnd, w, 0);
                workloadLoadChanged(w);
            }
        }
    }

    private void pause(Target target, boolean paused) {
        if (target.container()) {
            containerPaused[target.index()] = paused;
        } else {
            vmPaused[target.index()] = paused;
        }
        recorder.event(sim.now(), paused ? "pause" : "resume", runnerName(target), paused ? "paused: its workloads wait, its memory stays"
                : "resumed");
        int h = hostOfTarget(target);
        if (h >= 0 && hostUpNow[h]) {
            changed(h);
        }
    }

    private void onSpikeEnd(int w, long data) {
        spike[w] = 1;
        workloadLoadChanged(w);
    }

    private void workloadLoadChanged(int w) {
        int h = hostOfTarget(model.workloads().get(w).target());
        if (h >= 0 && hostUpNow[h]) {
            Target target = model.workloads().get(w).target();
            if (target.container() && running(w) && oomKilled(target.index())) {
                return;
            }
            memoryChanged(h);
        }
    }

    private void hotAddMemory(int v, long bytes) {
        Vm vm = model.vms().get(v);
        long max = Math.max(vm.maxMemory(), vm.memory());
        if (vmMemory[v] + bytes > max) {
            recorder.problem(Severity.ERROR, "sim.hot-add-refused", vm.name(), sim.now(), "Hot-adding " + gib(bytes) + " to VM '" + vm.name()
                    + "' is refused: it would have " + gib(vmMemory[v] + bytes) + ", above its maximum of " + gib(max)
                    + " (memory ... max ...). Raise the maximum; it is fixed when the VM starts.");
            return;
        }
        vmMemory[v] += bytes;
        recorder.event(sim.now(), "hot-add", vm.name(), "+" + gib(bytes) + " memory, now " + gib(vmMemory[v]));
        memoryChanged(vmHost[v]);
    }

    private void startTarget(Target target) {
        if (target.container()) {
            int c = target.index();
            if (containerState[c] != State.RUNNING && containerState[c] != State.BOOTING) {
                containerState[c] = State.OFF;
                tryStartContainer(c);
            }
        } else {
            int v = target.index();
            if (vmState[v] != State.RUNNING && vmState[v] != State.BOOTING) {
                vmState[v] = State.OFF;
                startVm(v);
            }
        }
    }

    private void stopTarget(Target target) {
        if (target.container()) {
            int c = target.index();
            int h = hostOf(model.containers().get(c));
            stopContainer(c, State.OFF);
            recorder.event(sim.now(), "container-stop", model.containers().get(c).name(), "stopped by the timeline");
            memoryChanged(h);
        } else {
            int v = target.index();
            stopVm(v, State.OFF, "stopped by the timeline");
            memoryChanged(vmHost[v]);
        }
    }

    private void stopVm(int v, State state, String why) {
        if (vmState[v] != State.RUNNING && vmState[v] != State.BOOTING) {
            return;
        }
        vmState[v] = state;
        recorder.event(sim.now(), "vm-down", model.vms().get(v).name(), why);
        for (int w : workloadsOfVm.get(v)) {
            abort(w, why);
        }
        for (int c : containersInVm.get(v)) {
            if (containerState[c] == State.RUNNING || containerState[c] == State.BOOTING) {
                stopContainer(c, State.FAILED);
            }
        }
    }

    /** A failed host takes down what runs on it; restart policies bring containers back when it recovers. */
    private void failHost(int h) {
        if (!hostUpNow[h]) {
            return;
        }
        settleHost(h);
        hostUpNow[h] = false;
        Host host = model.hosts().get(h);
        int lost = 0;
        for (int v : vmsOnHost.get(h)) {
            for (int w : workloadsOfVm.get(v)) {
                lost += running(w) ? 1 : 0;
            }
            stopVm(v, State.FAILED, "its host failed");
        }
        for (int c : containersOnHost.get(h)) {
            for (int w : workloadsOfContainer.get(c)) {
                lost += running(w) ? 1 : 0;
            }
            if (containerState[c] == State.RUNNING || containerState[c] == State.BOOTING) {
                stopContainer(c, State.FAILED);
            }
        }
        recorder.problem(Severity.ERROR, "sim.host-failed", host.name(), sim.now(), "Host '" + host.name() + "' failed: its VMs and containers"
                + " stopped" + (lost > 0 ? " and " + lost + " running workloads lost their progress" : "") + ". They start again when it recovers"
                + " (containers as their restart policy says).");
        recorder.hostLoad(h, 0, 0);
        pressure[h] = Pressure.NONE;
        recorder.memory(h, sim.now(), 0, Pressure.NONE);
        for (int c = 0; c < model.containers().size(); c++) {
            if (containerState[c] == State.FAILED && hostOf(model.containers().get(c)) == h && model.containers().get(c).restart() == Restart.NO) {
                containerState[c] = State.EXITED;
            }
        }
    }

    // ------------------------------------------------------------------ sampling and results

    private void onSample(int subject, long data) {
        settleAll(sim.now());
        recorder.sample(sim.now(), vmReadySeconds, vmState.length, network::nicBitsPerSecond);
        if (sim.now() + options.sampleInterval() <= options.duration() + 1e-9) {
            sim.schedule(options.sampleInterval(), sample, 0, 0);
        }
    }

    private List<SimulationResult.WorkloadOutcome> workloadOutcomes() {
        List<SimulationResult.WorkloadOutcome> outcomes = new ArrayList<>();
        for (int w = 0; w < model.workloads().size(); w++) {
            Workload workload = model.workloads().get(w);
            boolean missed = !Double.isNaN(workload.deadline())
                    && (Double.isNaN(finished[w]) ? options.duration() > workload.deadline() : finished[w] > workload.deadline() + 1e-9);
            outcomes.add(new SimulationResult.WorkloadOutcome(workload.name(), runnerName(workload.target()), started[w], finished[w],
                    workload.deadline(), cpuSeconds[w], missed));
        }
        return outcomes;
    }

    private void reportUnfinished(double end) {
        for (int w = 0; w < model.workloads().size(); w++) {
            Workload workload = model.workloads().get(w);
            if (Double.isNaN(finished[w]) && !Double.isNaN(workload.deadline()) && workload.deadline() < end) {
                recorder.problem(Severity.ERROR, "sim.deadline-missed", workload.name(), end, String.format(Locale.ROOT,
                        "Workload '%s' had not finished at %.3f s, past its deadline of %.3f s%s.", workload.name(), end, workload.deadline(),
                        Double.isNaN(started[w]) ? " (it never started: its VM or container never ran)" : ""));
            }
        }
        for (int v = 0; v < model.vms().size(); v++) {
            double runFor = end;
            if (vmHost[v] >= 0 && runFor > 0 && vmReadySeconds[v] / runFor > 0.1 * vmVcpus[v]) {
                recorder.problem(Severity.WARNING, "sim.cpu-contention", model.vms().get(v).name(), end, String.format(Locale.ROOT,
                        "VM '%s' waited %.1f s for a CPU (ready time) over the run: its host '%s' is overcommitted while its VMs are busy together.",
                        model.vms().get(v).name(), vmReadySeconds[v], model.hosts().get(vmHost[v]).name()));
            }
        }
    }

    private static String whatANamespaceShows(String namespace) {
        return switch (namespace) {
            case "pid" -> "processes";
            case "network" -> "network interfaces and ports";
            case "ipc" -> "shared memory and message queues";
            case "uts" -> "host name";
            case "mount" -> "file systems";
            case "user" -> "user ids (root inside is root outside)";
            default -> namespace;
        };
    }

    static String gib(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }

    /** Read access for tests: the ready time a VM accumulated. */
    public double readySeconds(int vm) {
        return vmReadySeconds[vm];
    }
}
