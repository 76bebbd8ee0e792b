package org.vinfra.sim.engine;

import java.util.Arrays;
import java.util.Locale;

import org.vinfra.sim.engine.Stack.State;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Container;
import org.vinfra.sim.entities.SimModel.Host;
import org.vinfra.sim.entities.SimModel.Workload;
import org.vinfra.sim.policies.VirtualizationCost;
import org.vinfra.sim.results.SimulationResult.Severity;

/**
 * The CPU: workloads start, progress and finish; each host's capacity is split among its VMs and
 * containers by the CPU scheduler (a fluid model: rates change only at events), and within a VM or
 * container its workloads share what it gets in proportion to their threads
 * ({@link ProcessorSharing}: O(log n) per workload event, whatever the number of workloads). Each
 * host has one pending "next finish" event and is recomputed once per instant however many things
 * changed. Ready time (steal) accumulates per VM.
 */
final class Cpu {

    private final Stack stack;
    private final SimModel model;
    private final int vms;
    private final int startKind;
    private final int nextFinishKind;
    private final int recomputeKind;

    private final ProcessorSharing sharing;
    /** The workloads of each runner (VMs first, then containers). */
    private final IndexLists workloadsOf;
    // workloads
    final State[] state;
    private final long[] version;
    final double[] started;
    final double[] finished;
    private final double[] cpuSecondsBefore;
    final double[] spike;
    final double[] totalWork;
    // VMs
    final double[] readySeconds;
    private final double[] vmDemand;
    private final double[] vmAllocation;
    private final double[] vmSettledAt;
    /** The threads a VM's workloads and containers want to run (its demand is this, at most its vCPUs). */
    private final double[] vmWant;
    // hosts
    private final boolean[] recomputePending;
    private final long[] finishVersion;

    // scratch arrays for the CPU scheduler and for finishing
    private double[] demand = new double[16];
    private double[] weight = new double[16];
    private double[] allocation = new double[16];
    private int[] done = new int[16];

    Cpu(Stack stack) {
        this.stack = stack;
        this.model = stack.model;
        startKind = stack.sim.register(this::onStart);
        nextFinishKind = stack.sim.register(this::onNextFinish);
        recomputeKind = stack.sim.register(this::onRecompute);
        vms = model.vms().size();
        int runners = vms + model.containers().size();
        int workloads = model.workloads().size();
        sharing = new ProcessorSharing(runners, workloads);
        int[] runnerOf = new int[workloads];
        for (int w = 0; w < workloads; w++) {
            runnerOf[w] = stack.runner(model.workloads().get(w).target());
        }
        workloadsOf = IndexLists.byOwner(runners, runnerOf);
        state = new State[workloads];
        version = new long[workloads];
        started = new double[workloads];
        finished = new double[workloads];
        cpuSecondsBefore = new double[workloads];
        spike = new double[workloads];
        totalWork = new double[workloads];
        Arrays.fill(state, State.OFF);
        Arrays.fill(started, Double.NaN);
        Arrays.fill(finished, Double.NaN);
        Arrays.fill(spike, 1);
        readySeconds = new double[vms];
        vmDemand = new double[vms];
        vmAllocation = new double[vms];
        vmSettledAt = new double[vms];
        vmWant = new double[vms];
        recomputePending = new boolean[model.hosts().size()];
        finishVersion = new long[model.hosts().size()];
    }

    IndexLists workloadsOf() {
        return workloadsOf;
    }

    boolean hasWorkloads(int runner) {
        return !workloadsOf.isEmpty(runner);
    }

    boolean running(int w) {
        return state[w] == State.RUNNING;
    }

    /** MI/s a running workload progresses at. */
    double rate(int w) {
        return sharing.rate(w);
    }

    /** MI a running workload has left (as of the last settling of its host). */
    double remaining(int w) {
        return Math.max(0, sharing.remaining(w));
    }

    /** CPU-seconds a workload got, over all its runs (as of the last settling of its host). */
    double cpuSeconds(int w) {
        return running(w) ? cpuSecondsBefore[w] + doneThisRun(w) : cpuSecondsBefore[w];
    }

    private double doneThisRun(int w) {
        return (totalWork[w] - remaining(w)) / mips(w);
    }

    private double mips(int w) {
        return model.hosts().get(stack.hostOf(model.workloads().get(w).target())).mipsPerCore();
    }

    /** A workload's weight: its threads (or its utilisation in CPUs) times its spike. */
    private double weightOf(int w) {
        Workload workload = model.workloads().get(w);
        double threads = workload.instructionsMi() > 0 ? Math.max(1, workload.threads()) : Math.max(1e-9, workload.utilisation());
        return threads * spike[w];
    }

    // ------------------------------------------------------------------ workloads start, finish, abort

    /** The VM or container runs: its workloads start (at their start time). */
    void runnerUp(int runner) {
        for (int i = workloadsOf.start(runner); i < workloadsOf.end(runner); i++) {
            int w = workloadsOf.item(i);
            if (state[w] != State.RUNNING && state[w] != State.EXITED) {
                stack.sim.scheduleAt(Math.max(stack.now(), model.workloads().get(w).startAt()), startKind, w, version[w]);
            }
        }
    }

    private void onStart(int w, long stamp) {
        Workload workload = model.workloads().get(w);
        if (stamp != version[w] || state[w] == State.RUNNING || !stack.running(workload.target())) {
            return;
        }
        int h = stack.hostOf(workload.target());
        int runner = stack.runner(workload.target());
        state[w] = State.RUNNING;
        started[w] = stack.now();
        totalWork[w] = totalWork(workload, model.hosts().get(h));
        sharing.advance(runner, stack.now());
        sharing.start(runner, w, totalWork[w], weightOf(w));
        stack.memory.workloadStarted(runner, w);
        stack.storage.workloadStarted(w);
        stack.recorder.event(stack.now(), "workload-start", workload.name(), () -> "starts on " + stack.name(workload.target()));
        if (workload.target().container() && stack.containers.oomKilled(workload.target().index())) {
            return;
        }
        stack.network.start(w, workload, stack::running, stack.now());
        changed(h);
    }

    /** Instructions (millions) the workload needs; a utilisation for a time is that many CPUs at full speed. */
    private static double totalWork(Workload workload, Host host) {
        if (workload.instructionsMi() > 0) {
            return workload.instructionsMi();
        }
        return workload.utilisation() * workload.busyFor() * host.mipsPerCore();
    }

    /** The earliest finish on a host has come: every workload done by now finishes (several may end together). */
    private void onNextFinish(int h, long stamp) {
        if (stamp != finishVersion[h] || !stack.lifecycle.hostUp[h]) {
            return;
        }
        settleHost(h);
        int count = 0;
        IndexLists vmsOnHost = stack.lifecycle.vmsOnHost;
        IndexLists inVm = stack.containers.inVm;
        IndexLists onHost = stack.containers.onHost;
        for (int i = vmsOnHost.start(h); i < vmsOnHost.end(h); i++) {
            int v = vmsOnHost.item(i);
            count = takeDone(v, count);
            for (int j = inVm.start(v); j < inVm.end(v); j++) {
                count = takeDone(vms + inVm.item(j), count);
            }
        }
        for (int j = onHost.start(h); j < onHost.end(h); j++) {
            count = takeDone(vms + onHost.item(j), count);
        }
        int[] finishing = Arrays.copyOf(done, count);
        for (int w : finishing) {
            finish(w);
        }
        changed(h);
    }

    /** Takes the runner's workloads that are done off it, in the order of the model (as they are reported). */
    private int takeDone(int runner, int count) {
        int first = count;
        for (int w = sharing.next(runner); w >= 0 && sharing.remaining(w) <= 1e-9 * Math.max(1, totalWork[w]); w = sharing.next(runner)) {
            if (count == done.length) {
                done = Arrays.copyOf(done, count * 2);
            }
            done[count++] = w;
            cpuSecondsBefore[w] += doneThisRun(w);
            sharing.remove(w);
        }
        Arrays.sort(done, first, count);
        return count;
    }

    private void finish(int w) {
        Workload workload = model.workloads().get(w);
        state[w] = State.EXITED;
        double now = stack.now();
        finished[w] = now;
        stack.memory.workloadStopped(stack.runner(workload.target()), w);
        stack.recorder.event(now, "workload-finish", workload.name(), () -> String.format(Locale.ROOT, "finished after %.3f s", now - started[w]));
        if (!Double.isNaN(workload.deadline()) && now > workload.deadline() + 1e-9) {
            stack.recorder.problem(Severity.ERROR, "sim.deadline-missed", workload.name(), now, String.format(Locale.ROOT,
                    "Workload '%s' finished at %.3f s, after its deadline of %.3f s. It got %.3f CPU-seconds: its CPUs were shared with others"
                            + " (see the ready time of its VM) or slowed by memory swapping.",
                    workload.name(), now, workload.deadline(), cpuSecondsBefore[w]));
        }
        stack.network.stop(w, now);
        if (workload.target().container()) {
            stack.containers.workloadFinished(workload.target().index());
        }
    }

    /** Every workload of a VM or container that stops: running ones lose their progress, pending starts are cancelled. */
    void abortAll(int runner, String why) {
        for (int i = workloadsOf.start(runner); i < workloadsOf.end(runner); i++) {
            abort(workloadsOf.item(i), why);
        }
    }

    private void abort(int w, String why) {
        if (state[w] != State.RUNNING) {
            if (state[w] == State.OFF) {
                version[w]++;
            }
            return;
        }
        int runner = stack.runner(model.workloads().get(w).target());
        sharing.advance(runner, stack.now());
        stack.storage.progressed(runner);
        cpuSecondsBefore[w] += doneThisRun(w);
        sharing.remove(w);
        stack.memory.workloadStopped(runner, w);
        state[w] = State.FAILED;
        version[w]++;
        stack.network.stop(w, stack.now());
        stack.recorder.event(stack.now(), "workload-abort", model.workloads().get(w).name(), why);
        state[w] = State.OFF;
    }

    /** A spike begins or ends: the workload's demand and working set change by {@code factor}. */
    void setSpike(int w, double factor) {
        if (!running(w)) {
            spike[w] = factor;
            return;
        }
        int runner = stack.runner(model.workloads().get(w).target());
        settleHost(stack.hostOf(model.workloads().get(w).target()));
        stack.memory.workloadStopped(runner, w);
        spike[w] = factor;
        stack.memory.workloadStarted(runner, w);
        sharing.reweigh(w, weightOf(w));
    }

    // ------------------------------------------------------------------ progress and shares

    /** Brings the progress of every running workload on a host, and the ready time of its VMs, up to now. */
    void settleHost(int h) {
        double now = stack.now();
        IndexLists vmsOnHost = stack.lifecycle.vmsOnHost;
        IndexLists inVm = stack.containers.inVm;
        IndexLists onHost = stack.containers.onHost;
        for (int i = vmsOnHost.start(h); i < vmsOnHost.end(h); i++) {
            int v = vmsOnHost.item(i);
            if (stack.lifecycle.vmState[v] == State.RUNNING) {
                readySeconds[v] += Math.max(0, vmDemand[v] - vmAllocation[v]) * (now - vmSettledAt[v]);
            }
            settleRunner(v, now);
            for (int j = inVm.start(v); j < inVm.end(v); j++) {
                settleRunner(vms + inVm.item(j), now);
            }
            vmSettledAt[v] = now;
        }
        for (int j = onHost.start(h); j < onHost.end(h); j++) {
            settleRunner(vms + onHost.item(j), now);
        }
    }

    private void settleRunner(int runner, double now) {
        sharing.advance(runner, now);
        stack.storage.progressed(runner);
    }

    void settleAll() {
        for (int h = 0; h < model.hosts().size(); h++) {
            if (stack.lifecycle.hostUp[h]) {
                settleHost(h);
            }
        }
    }

    /**
     * Asks for the memory and CPU of a host to be recomputed after the other events of this instant:
     * a thousand workloads starting together cost one recomputation, not a thousand.
     */
    void changed(int h) {
        if (h >= 0 && !recomputePending[h]) {
            recomputePending[h] = true;
            stack.sim.schedule(0, recomputeKind, h, 0);
        }
    }

    private void onRecompute(int h, long data) {
        recomputePending[h] = false;
        stack.memory.changed(h);
    }

    /** The CPU a container wants: its running workloads' threads, unless it is paused. */
    private double rawDemand(int c) {
        return stack.containers.state[c] == State.RUNNING && !stack.containers.paused[c] ? sharing.weight(vms + c) : 0;
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

    /** Recomputes the CPU shares on a host and reschedules the finish of its workloads. */
    void reschedule(int h) {
        settleHost(h);
        Host host = model.hosts().get(h);
        Lifecycle lifecycle = stack.lifecycle;
        IndexLists vmsOnHost = lifecycle.vmsOnHost;
        IndexLists inVm = stack.containers.inVm;
        IndexLists onHost = stack.containers.onHost;
        int count = vmsOnHost.size(h) + onHost.size(h);
        if (demand.length < count) {
            demand = new double[count * 2];
            weight = new double[count * 2];
            allocation = new double[count * 2];
        }
        double busy = 0;
        int i = 0;
        for (int k = vmsOnHost.start(h); k < vmsOnHost.end(h); k++) {
            int v = vmsOnHost.item(k);
            double want = 0;
            if (lifecycle.vmState[v] == State.RUNNING && !lifecycle.vmPaused[v]) {
                want = sharing.weight(v);
                for (int j = inVm.start(v); j < inVm.end(v); j++) {
                    want += containerDemand(inVm.item(j), lifecycle.vmVcpus[v]);
                }
            }
            demand[i] = Math.min(lifecycle.vmVcpus[v], want);
            weight[i] = lifecycle.vmVcpus[v];
            vmDemand[v] = demand[i];
            vmWant[v] = want;
            busy += demand[i++];
        }
        for (int k = onHost.start(h); k < onHost.end(h); k++) {
            int c = onHost.item(k);
            demand[i] = containerDemand(c, host.logicalCpus());
            weight[i] = Math.max(1, model.containers().get(c).shares()) / 1024.0;
            busy += demand[i++];
        }
        double capacity = VirtualizationCost.capacity(host, busy);
        // time-sharing: when more is wanted than the host has, capacity is what its CPUs deliver
        stack.options.cpuScheduler().allocate(capacity, demand, weight, allocation, count);
        double efficiencyOfHost = stack.memory.pressure(h).speedFactor();
        double efficiency = (1 - VirtualizationCost.cpuOverhead(host.hypervisor())) * efficiencyOfHost;
        i = 0;
        for (int k = vmsOnHost.start(h); k < vmsOnHost.end(h); k++) {
            int v = vmsOnHost.item(k);
            vmAllocation[v] = allocation[i];
            // what the VM gets is shared by all the threads it runs: at most its vCPUs run at once
            double share = demand[i] > 0 ? allocation[i] / vmWant[v] : 0;
            sharing.setFactor(v, share * host.mipsPerCore() * efficiency);
            for (int j = inVm.start(v); j < inVm.end(v); j++) {
                int c = inVm.item(j);
                double containerShare = share * Math.min(1, containerCap(c, lifecycle.vmVcpus[v]) / Math.max(1e-12, rawDemand(c)));
                sharing.setFactor(vms + c, containerShare * host.mipsPerCore() * efficiency);
            }
            i++;
        }
        for (int k = onHost.start(h); k < onHost.end(h); k++) {
            int c = onHost.item(k);
            double share = demand[i] > 0 ? allocation[i] / demand[i] : 0;
            double capped = Math.min(1, containerCap(c, host.logicalCpus()) / Math.max(1e-12, rawDemand(c)));
            sharing.setFactor(vms + c, share * capped * host.mipsPerCore() * efficiencyOfHost);
            i++;
        }
        stack.recorder.hostLoad(h, busy, capacity);
        scheduleNextFinish(h);
        stack.storage.scheduleFull(h);
    }

    private double delay(int runner) {
        return Math.max(0, sharing.nextFinishDelay(runner));
    }

    /** One event per host: when its earliest workload finishes at the current rates. */
    private void scheduleNextFinish(int h) {
        double next = Double.MAX_VALUE;
        IndexLists vmsOnHost = stack.lifecycle.vmsOnHost;
        IndexLists inVm = stack.containers.inVm;
        IndexLists onHost = stack.containers.onHost;
        for (int i = vmsOnHost.start(h); i < vmsOnHost.end(h); i++) {
            int v = vmsOnHost.item(i);
            next = Math.min(next, delay(v));
            for (int j = inVm.start(v); j < inVm.end(v); j++) {
                next = Math.min(next, delay(vms + inVm.item(j)));
            }
        }
        for (int j = onHost.start(h); j < onHost.end(h); j++) {
            next = Math.min(next, delay(vms + onHost.item(j)));
        }
        finishVersion[h]++;
        if (next < Double.MAX_VALUE) {
            stack.sim.schedule(next, nextFinishKind, h, finishVersion[h]);
        }
    }
}
