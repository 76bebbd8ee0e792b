package org.vinfra.lang.validation;

import org.eclipse.xtext.validation.Check;
import org.vinfra.lang.model.Defaults;
import org.vinfra.lang.vinfra.HotAdd;
import org.vinfra.lang.vinfra.HotRemove;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.Workload;

/** Workloads and the timeline of a simulation. */
public class WorkloadValidator extends VinfraCheck {

    @Check
    public void hasDemand(Workload workload) {
        if (workload.getInstructions() == null && workload.getUtilisation() == null && workload.getWorkingSet() == null
                && workload.getFlows().isEmpty() && workload.getWrites() == null) {
            warning("Workload '" + workload.getName() + "' asks for nothing: no instructions, utilisation, working set, writes or flows, so"
                    + " the simulation has nothing to run. Add e.g. 'instructions 10000 MI' (10 s on a 1 GHz core) or 'utilisation 0.5 for 1 min'.",
                    workload, Literals.WORKLOAD__NAME, IssueCodes.WORKLOAD_WITHOUT_DEMAND);
        }
    }

    @Check
    public void threadsFitTheVm(Workload workload) {
        if (workload.getTarget() instanceof VirtualMachine vm && !vm.eIsProxy() && workload.getThreads() != null
                && workload.getThreads() > Defaults.vcpus(vm)) {
            warning("Workload '" + workload.getName() + "' runs " + workload.getThreads() + " threads on VM '" + vm.getName() + "', which has "
                    + Defaults.vcpus(vm) + " vCPUs: the extra threads wait their turn, so it runs no faster than with " + Defaults.vcpus(vm)
                    + ". Give the VM more vCPUs or the workload fewer threads.", workload, Literals.WORKLOAD__THREADS,
                    IssueCodes.THREADS_EXCEED_VCPUS);
        }
    }

    @Check
    public void hotAddWithinMaximum(HotAdd add) {
        VirtualMachine vm = add.getTarget();
        if (vm == null || vm.eIsProxy() || add.getMemory() == null || vm.getMemory() == null) {
            return;
        }
        long max = vm.getMaxMemory() == null ? vm.getMemory() : vm.getMaxMemory();
        if (vm.getMemory() + add.getMemory() > max) {
            error("Hot-adding " + Messages.size(add.getMemory()) + " to VM '" + vm.getName() + "' goes beyond its maximum of " + Messages.size(max)
                    + ": memory can be hot-added only up to the maximum set when the VM starts. Write 'memory " + Messages.size(vm.getMemory())
                    + " max " + Messages.size(vm.getMemory() + add.getMemory()) + "' on the VM, or add less.", add, Literals.HOT_ADD__MEMORY,
                    IssueCodes.HOT_ADD_BEYOND_MAX);
        }
    }

    @Check
    public void hotRemoveIsRefused(HotRemove remove) {
        warning("Memory cannot be hot-removed: guest operating systems take memory while they run but cannot give it back. The simulation"
                + " refuses this step; to give a VM less memory, stop it and start it with less.", remove, null, IssueCodes.HOT_REMOVE);
    }
}
