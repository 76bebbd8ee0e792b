package org.vinfra.sim.engine;

import org.vinfra.sim.engine.Stack.State;
import org.vinfra.sim.entities.SimModel.Host;
import org.vinfra.sim.results.SimulationResult.Severity;

/**
 * Faults from the timeline: a failed host takes down what runs on it (running workloads lose their
 * progress) and boots again when it recovers; a failed NIC cuts its host's traffic to the others.
 */
final class Faults {

    private final Stack stack;

    Faults(Stack stack) {
        this.stack = stack;
    }

    /** A failed host takes down what runs on it; restart policies bring containers back when it recovers. */
    void failHost(int h) {
        Lifecycle lifecycle = stack.lifecycle;
        if (!lifecycle.hostUp[h]) {
            return;
        }
        Cpu cpu = stack.cpu;
        cpu.settleHost(h);
        lifecycle.hostUp[h] = false;
        Host host = stack.model.hosts().get(h);
        IndexLists workloadsOf = cpu.workloadsOf();
        int vms = stack.model.vms().size();
        int lost = 0;
        for (int k = lifecycle.vmsOnHost.start(h); k < lifecycle.vmsOnHost.end(h); k++) {
            int v = lifecycle.vmsOnHost.item(k);
            lost += runningOf(workloadsOf, v);
            lifecycle.stopVm(v, State.FAILED, "its host failed");
        }
        IndexLists onHost = stack.containers.onHost;
        for (int k = onHost.start(h); k < onHost.end(h); k++) {
            int c = onHost.item(k);
            lost += runningOf(workloadsOf, vms + c);
            if (stack.containers.active(c)) {
                stack.containers.stop(c, State.FAILED);
            }
        }
        stack.recorder.problem(Severity.ERROR, "sim.host-failed", host.name(), stack.now(), "Host '" + host.name()
                + "' failed: its VMs and containers stopped" + (lost > 0 ? " and " + lost + " running workloads lost their progress" : "")
                + ". They start again when it recovers (containers as their restart policy says).");
        stack.recorder.hostLoad(h, 0, 0);
        stack.memory.hostDown(h);
        stack.containers.hostFailed(h);
    }

    private int runningOf(IndexLists workloadsOf, int runner) {
        int running = 0;
        for (int i = workloadsOf.start(runner); i < workloadsOf.end(runner); i++) {
            running += stack.cpu.running(workloadsOf.item(i)) ? 1 : 0;
        }
        return running;
    }

    void recoverHost(int h) {
        if (!stack.lifecycle.hostUp[h]) {
            stack.recorder.event(stack.now(), "host-recover", stack.model.hosts().get(h).name(), "powered on again");
            stack.lifecycle.boot(h);
        }
    }

    void failNic(int h, String nic) {
        stack.network.nic(h, false, stack.now());
        String host = stack.model.hosts().get(h).name();
        stack.recorder.problem(Severity.ERROR, "sim.nic-failed", host + "." + nic, stack.now(), "NIC '" + nic + "' of host '" + host
                + "' failed: traffic between its VMs and containers and other hosts is cut (on a host, they still reach each other"
                + " through the virtual switch).");
    }

    void recoverNic(int h, String nic) {
        stack.network.nic(h, true, stack.now());
        stack.recorder.event(stack.now(), "nic-recover", stack.model.hosts().get(h).name() + "." + nic, "back");
    }
}
