package org.vinfra.sim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.vinfra.sim.engine.Stack.State;
import org.vinfra.sim.entities.SimModel.Host;
import org.vinfra.sim.entities.SimModel.Vm;
import org.vinfra.sim.policies.VirtualizationCost;
import org.vinfra.sim.results.SimulationResult.Severity;

/**
 * Hosts and VMs: placement, power-on and boot, admission against the memory overcommit ratio,
 * stopping, hot-adding vCPUs. Boot times are {@link VirtualizationCost}'s.
 */
final class Lifecycle {

    private final Stack stack;
    private final int hostUpKind;
    private final int vmUpKind;

    final boolean[] hostUp;
    final int[] vmHost;
    final State[] vmState;
    final int[] vmVcpus;
    final long[] vmMemory;
    final boolean[] vmPaused;
    /** The VMs of each host, known once they are placed. */
    IndexLists vmsOnHost;

    Lifecycle(Stack stack) {
        this.stack = stack;
        hostUpKind = stack.sim.register(this::onHostUp);
        vmUpKind = stack.sim.register(this::onVmUp);
        hostUp = new boolean[stack.model.hosts().size()];
        int vms = stack.model.vms().size();
        vmHost = new int[vms];
        vmState = new State[vms];
        vmVcpus = new int[vms];
        vmMemory = new long[vms];
        vmPaused = new boolean[vms];
        Arrays.fill(vmState, State.OFF);
        for (int v = 0; v < vms; v++) {
            vmVcpus[v] = stack.model.vms().get(v).vcpus();
            vmMemory[v] = stack.model.vms().get(v).memory();
        }
    }

    /** Places the VMs with the placement policy; those without room are refused. */
    void place() {
        List<List<Integer>> candidates = new ArrayList<>(stack.model.vms().size());
        for (Vm vm : stack.model.vms()) {
            candidates.add(vm.host() >= 0 ? List.of() : vm.candidates());
        }
        int[] placement = stack.options.placement().place(stack.model, candidates);
        for (int v = 0; v < placement.length; v++) {
            vmHost[v] = placement[v];
            if (placement[v] < 0) {
                vmState[v] = State.REFUSED;
                Vm vm = stack.model.vms().get(v);
                stack.recorder.problem(Severity.ERROR, "sim.placement-failed", vm.name(), 0, "No host has room for VM '" + vm.name()
                        + "' within its overcommit policy (" + vm.vcpus() + " vCPUs, " + Stack.gib(vm.memory())
                        + "): add hosts, or raise the overcommit ratios.");
            }
        }
        vmsOnHost = IndexLists.byOwner(hostUp.length, vmHost);
    }

    /** Every host powers on at time 0. */
    void powerOn() {
        for (int h = 0; h < hostUp.length; h++) {
            boot(h);
            stack.recorder.event(0, "power-on", stack.model.hosts().get(h).name(), "powered on");
        }
    }

    /** A host boots: firmware, then its hypervisor or OS. */
    void boot(int h) {
        stack.sim.schedule(stack.jitter(VirtualizationCost.hostBootSeconds(stack.model.hosts().get(h))), hostUpKind, h, 0);
    }

    private void onHostUp(int h, long data) {
        hostUp[h] = true;
        Host host = stack.model.hosts().get(h);
        stack.recorder.event(stack.now(), "host-up", host.name(), () -> host.hypervisor().present()
                ? "up: " + host.hypervisor().product() + (host.hypervisor().type2() ? " (type 2, on its host OS)" : " (type 1)") : "up");
        for (int i = vmsOnHost.start(h); i < vmsOnHost.end(h); i++) {
            startVm(vmsOnHost.item(i));
        }
        stack.containers.hostUp(h);
    }

    boolean active(int v) {
        return vmState[v] == State.BOOTING || vmState[v] == State.RUNNING;
    }

    /** Starts a VM when its host runs and its hypervisor admits it within the memory overcommit ratio. */
    void startVm(int v) {
        int h = vmHost[v];
        if (h < 0 || !hostUp[h] || active(v)) {
            return;
        }
        Host host = stack.model.hosts().get(h);
        long committed = 0;
        for (int i = vmsOnHost.start(h); i < vmsOnHost.end(h); i++) {
            int other = vmsOnHost.item(i);
            if (other != v && active(other)) {
                committed += vmMemory[other];
            }
        }
        if (committed + vmMemory[v] > host.memory() * host.hypervisor().memoryRatio() + 1e-6) {
            vmState[v] = State.REFUSED;
            String name = stack.model.vms().get(v).name();
            stack.recorder.problem(Severity.ERROR, "sim.admission-refused", name, stack.now(), "The hypervisor of '" + host.name()
                    + "' refuses to start VM '" + name + "': " + Stack.gib(committed) + " are committed and " + Stack.gib(vmMemory[v])
                    + " more would exceed " + Stack.gib(host.memory()) + " x " + host.hypervisor().memoryRatio()
                    + " (its memory overcommit ratio).");
            return;
        }
        vmState[v] = State.BOOTING;
        stack.sim.schedule(stack.jitter(VirtualizationCost.vmBootSeconds(host.hypervisor())), vmUpKind, v, 0);
    }

    private void onVmUp(int v, long data) {
        if (vmState[v] != State.BOOTING) {
            return;
        }
        vmState[v] = State.RUNNING;
        stack.recorder.event(stack.now(), "vm-up", stack.model.vms().get(v).name(), () -> "running on " + stack.model.hosts().get(vmHost[v]).name());
        stack.cpu.runnerUp(v);
        stack.containers.vmUp(v);
        stack.cpu.changed(vmHost[v]);
    }

    /** Stops a VM: its workloads lose their progress, its containers stop. */
    void stopVm(int v, State state, String why) {
        if (!active(v)) {
            return;
        }
        vmState[v] = state;
        stack.recorder.event(stack.now(), "vm-down", stack.model.vms().get(v).name(), why);
        stack.cpu.abortAll(v, why);
        stack.containers.vmDown(v);
    }

    void hotAddVcpus(int v, int vcpus) {
        vmVcpus[v] += vcpus;
        stack.recorder.event(stack.now(), "hot-add", stack.model.vms().get(v).name(), "+" + vcpus + " vCPUs, now " + vmVcpus[v]);
        if (vmHost[v] >= 0 && hostUp[vmHost[v]]) {
            stack.cpu.reschedule(vmHost[v]);
        }
    }
}
