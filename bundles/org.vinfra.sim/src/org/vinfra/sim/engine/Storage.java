package org.vinfra.sim.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vinfra.sim.engine.Stack.State;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Vm;
import org.vinfra.sim.entities.SimModel.Workload;
import org.vinfra.sim.results.SimulationResult.Severity;

/**
 * Datastores: thick disks take their size when the run begins, thin disks grow as workloads write
 * (their writes spread over their CPU progress); a full datastore pauses the VMs whose thin disks
 * are on it, as KVM and ESXi do.
 */
final class Storage {

    private final Stack stack;
    private final int fullKind;
    private final double[] used;
    private final long[] version;
    private final boolean[] full;
    /** The workloads whose writes grow a thin disk, per runner (VMs only), and the datastore each writes to. */
    private final IndexLists writersOf;
    private final int[] writesTo;
    /** MI each writing workload had left when its writes were last counted. */
    private final double[] counted;

    Storage(Stack stack) {
        this.stack = stack;
        fullKind = stack.sim.register(this::onFull);
        SimModel model = stack.model;
        int datastores = model.datastores().size();
        used = new double[datastores];
        version = new long[datastores];
        full = new boolean[datastores];
        for (int d = 0; d < datastores; d++) {
            used[d] = model.datastores().get(d).used();
        }
        for (Vm vm : model.vms()) {
            for (SimModel.Disk disk : vm.disks()) {
                if (!disk.thin()) {
                    used[disk.datastore()] += disk.size();
                }
            }
        }
        int workloads = model.workloads().size();
        int[] writerRunner = new int[workloads];
        writesTo = new int[datastores == 0 ? 0 : workloads];
        for (int w = 0; w < workloads; w++) {
            int d = datastores == 0 ? -1 : datastoreOf(model.workloads().get(w));
            writerRunner[w] = d >= 0 ? model.workloads().get(w).target().index() : -1;
            if (d >= 0) {
                writesTo[w] = d;
            }
        }
        writersOf = IndexLists.byOwner(model.vms().size() + model.containers().size(), writerRunner);
        counted = new double[writesTo.length];
    }

    /** The datastore a workload's writes grow: the first thin disk of its VM, or -1. */
    private int datastoreOf(Workload workload) {
        if (workload.writes() <= 0 || workload.target().container()) {
            return -1;
        }
        for (SimModel.Disk disk : stack.model.vms().get(workload.target().index()).disks()) {
            if (disk.thin()) {
                return disk.datastore();
            }
        }
        return -1;
    }

    void workloadStarted(int w) {
        if (writesTo.length > 0) {
            counted[w] = stack.cpu.totalWork[w];
        }
    }

    /** The runner's workloads progressed (its virtual time advanced): their writes grow their thin disks. */
    void progressed(int runner) {
        if (writesTo.length == 0) {
            return;
        }
        Cpu cpu = stack.cpu;
        for (int i = writersOf.start(runner); i < writersOf.end(runner); i++) {
            int w = writersOf.item(i);
            if (!cpu.running(w)) {
                continue;
            }
            double left = cpu.remaining(w);
            double done = counted[w] - left;
            if (done > 0 && cpu.totalWork[w] > 0) {
                used[writesTo[w]] += stack.model.workloads().get(w).writes() * done / cpu.totalWork[w];
            }
            counted[w] = left;
        }
    }

    /** When thin disks grow, a datastore fills at a predictable time: schedule it (a later change of rates reschedules). */
    void scheduleFull(int h) {
        if (used.length == 0) {
            return;
        }
        Cpu cpu = stack.cpu;
        Map<Integer, Double> growth = new HashMap<>();
        IndexLists vmsOnHost = stack.lifecycle.vmsOnHost;
        for (int k = vmsOnHost.start(h); k < vmsOnHost.end(h); k++) {
            int v = vmsOnHost.item(k);
            for (int i = writersOf.start(v); i < writersOf.end(v); i++) {
                int w = writersOf.item(i);
                if (cpu.running(w) && cpu.rate(w) > 0 && cpu.totalWork[w] > 0) {
                    growth.merge(writesTo[w], stack.model.workloads().get(w).writes() * cpu.rate(w) / cpu.totalWork[w], Double::sum);
                }
            }
        }
        for (Map.Entry<Integer, Double> entry : growth.entrySet()) {
            int d = entry.getKey();
            version[d]++;
            if (!full[d]) {
                double free = stack.model.datastores().get(d).capacity() - used[d];
                stack.sim.schedule(Math.max(0, free / entry.getValue()), fullKind, d, version[d]);
            }
        }
    }

    /** A full datastore: a thin disk cannot grow, so the hypervisor pauses the VMs that write to it (as KVM and ESXi do). */
    private void onFull(int d, long stamp) {
        if (stamp != version[d] || full[d]) {
            return;
        }
        SimModel.Datastore datastore = stack.model.datastores().get(d);
        stack.cpu.settleHost(datastore.host());
        full[d] = true;
        List<String> paused = new ArrayList<>();
        Lifecycle lifecycle = stack.lifecycle;
        for (int v = 0; v < stack.model.vms().size(); v++) {
            for (SimModel.Disk disk : stack.model.vms().get(v).disks()) {
                if (disk.datastore() == d && disk.thin() && lifecycle.vmState[v] == State.RUNNING && !lifecycle.vmPaused[v]) {
                    lifecycle.vmPaused[v] = true;
                    paused.add(stack.model.vms().get(v).name());
                }
            }
        }
        stack.recorder.problem(Severity.ERROR, "sim.datastore-full", datastore.name(), stack.now(), "Datastore '" + datastore.name()
                + "' is full (" + Stack.gib(datastore.capacity()) + "): the thin disks on it cannot grow, so the hypervisor paused "
                + String.join(", ", paused) + ". Thin provisioning overcommits storage; give the datastore room or make the disks smaller.");
        stack.cpu.reschedule(datastore.host());
    }
}
