package org.vinfra.sim.engine;

import java.util.Arrays;

import org.vinfra.sim.engine.Stack.State;
import org.vinfra.sim.entities.SimModel.Host;
import org.vinfra.sim.entities.SimModel.Vm;
import org.vinfra.sim.policies.MemoryReclamation.Pressure;
import org.vinfra.sim.policies.VirtualizationCost;
import org.vinfra.sim.results.SimulationResult.Severity;

/**
 * Memory: the working set of each VM and container (its running workloads', kept as a sum), the
 * pressure on each host after the reclamation policy (ballooning, then swapping, which slows
 * guests), and hot-adding memory up to a VM's maximum.
 */
final class Memory {

    private final Stack stack;
    private final Pressure[] pressure;
    private final boolean[] swapReported;
    /** Bytes the running workloads of each runner (VMs first, then containers) touch. */
    private final long[] workingSet;

    Memory(Stack stack) {
        this.stack = stack;
        int hosts = stack.model.hosts().size();
        pressure = new Pressure[hosts];
        Arrays.fill(pressure, Pressure.NONE);
        swapReported = new boolean[hosts];
        workingSet = new long[stack.model.vms().size() + stack.model.containers().size()];
    }

    Pressure pressure(int h) {
        return pressure[h];
    }

    /** The working set of a runner's running workloads. */
    long workingSet(int runner) {
        return workingSet[runner];
    }

    private long of(int w) {
        return (long) (stack.model.workloads().get(w).workingSet() * stack.cpu.spike[w]);
    }

    void workloadStarted(int runner, int w) {
        workingSet[runner] += of(w);
    }

    void workloadStopped(int runner, int w) {
        workingSet[runner] -= of(w);
    }

    /** The host failed: no pressure left. */
    void hostDown(int h) {
        pressure[h] = Pressure.NONE;
        stack.recorder.memory(h, stack.now(), 0, Pressure.NONE);
    }

    /** Re-evaluates memory pressure on a host (reclamation, OOM), then the CPU shares. */
    void changed(int h) {
        Lifecycle lifecycle = stack.lifecycle;
        if (h < 0 || !lifecycle.hostUp[h]) {
            return;
        }
        Host host = stack.model.hosts().get(h);
        int vms = stack.model.vms().size();
        IndexLists inVm = stack.containers.inVm;
        IndexLists onHost = stack.containers.onHost;
        long allocated = 0;
        long used = 0;
        for (int k = lifecycle.vmsOnHost.start(h); k < lifecycle.vmsOnHost.end(h); k++) {
            int v = lifecycle.vmsOnHost.item(k);
            if (!lifecycle.active(v)) {
                continue;
            }
            allocated += lifecycle.vmMemory[v];
            long ws = VirtualizationCost.GUEST_OS_MEMORY + workingSet[v];
            for (int j = inVm.start(v); j < inVm.end(v); j++) {
                ws += workingSet[vms + inVm.item(j)];
            }
            used += Math.min(lifecycle.vmMemory[v], ws);
        }
        for (int j = onHost.start(h); j < onHost.end(h); j++) {
            long ws = workingSet[vms + onHost.item(j)];
            allocated += ws;
            used += ws;
        }
        Pressure before = pressure[h];
        pressure[h] = stack.options.memoryReclamation().reclaim(host.memory(), allocated, used);
        if (pressure[h].swapped() > 0 && !swapReported[h]) {
            swapReported[h] = true;
            stack.recorder.problem(Severity.ERROR, "sim.swapping", host.name(), stack.now(),
                    "Host '" + host.name() + "' swaps " + Stack.gib(pressure[h].swapped()) + " of guest memory: its VMs' working sets ("
                            + Stack.gib(used) + ") exceed its " + Stack.gib(host.memory()) + " even after ballooning reclaimed "
                            + Stack.gib(pressure[h].ballooned()) + ". Guests slow to " + Math.round(pressure[h].speedFactor() * 100)
                            + "% of their speed; give the VMs less memory or move some away.");
        } else if (pressure[h].ballooned() > 0 && before.ballooned() == 0) {
            stack.recorder.event(stack.now(), "ballooning", host.name(), "ballooning reclaims " + Stack.gib(pressure[h].ballooned())
                    + " of unused guest memory");
        }
        stack.recorder.memory(h, stack.now(), Math.min(allocated, host.memory()), pressure[h]);
        stack.cpu.reschedule(h);
    }

    /** Hot-adds memory to a running VM, up to its maximum. */
    void hotAdd(int v, long bytes) {
        Vm vm = stack.model.vms().get(v);
        long max = Math.max(vm.maxMemory(), vm.memory());
        long now = stack.lifecycle.vmMemory[v];
        if (now + bytes > max) {
            stack.recorder.problem(Severity.ERROR, "sim.hot-add-refused", vm.name(), stack.now(), "Hot-adding " + Stack.gib(bytes)
                    + " to VM '" + vm.name() + "' is refused: it would have " + Stack.gib(now + bytes) + ", above its maximum of "
                    + Stack.gib(max) + " (memory ... max ...). Raise the maximum; it is fixed when the VM starts.");
            return;
        }
        stack.lifecycle.vmMemory[v] += bytes;
        stack.recorder.event(stack.now(), "hot-add", vm.name(), "+" + Stack.gib(bytes) + " memory, now " + Stack.gib(stack.lifecycle.vmMemory[v]));
        changed(stack.lifecycle.vmHost[v]);
    }

    /** Hot-removing memory is refused: guests cannot give memory back while they run. */
    void hotRemove(int v, long bytes) {
        String name = stack.model.vms().get(v).name();
        stack.recorder.problem(Severity.ERROR, "sim.hot-remove-refused", name, stack.now(), "Removing " + Stack.gib(bytes) + " from VM '" + name
                + "' is refused: guest operating systems support hot-adding memory, not hot-removing it. Shut the VM down to give it less.");
    }
}
