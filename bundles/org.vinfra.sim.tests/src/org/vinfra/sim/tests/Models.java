package org.vinfra.sim.tests;

import java.util.List;

import org.vinfra.sim.engine.SimulationOptions;
import org.vinfra.sim.engine.StackSimulation;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Attachment;
import org.vinfra.sim.entities.SimModel.Host;
import org.vinfra.sim.entities.SimModel.Hypervisor;
import org.vinfra.sim.entities.SimModel.Target;
import org.vinfra.sim.entities.SimModel.Vm;
import org.vinfra.sim.entities.SimModel.Workload;
import org.vinfra.sim.entities.Technique;
import org.vinfra.sim.results.SimulationResult;

/** Small models for the tests, with figures easy to work out by hand. */
final class Models {

    static final long GIB = 1L << 30;
    static final Hypervisor KVM = new Hypervisor("kvm", false, Technique.HARDWARE_ASSISTED, 4, 1);

    private Models() {
    }

    static Host host(String name, int cores, int threads, long memory, Hypervisor hypervisor) {
        return new Host(name, cores, threads, 1000, memory, 1_000_000_000L, hypervisor);
    }

    static Vm vm(String name, int host, int vcpus, long memory) {
        return new Vm(name, host, List.of(), vcpus, memory, memory, List.of());
    }

    static Vm vm(String name, int host, int vcpus, long memory, List<Attachment> networks) {
        return new Vm(name, host, List.of(), vcpus, memory, memory, networks);
    }

    /** A workload of {@code seconds} of CPU at 1,000 MIPS. */
    static Workload cpu(String name, Target target, double seconds, int threads) {
        return new Workload(name, target, seconds * 1000 * threads, threads, 0, 0, 0, 0, Double.NaN, List.of());
    }

    static Workload cpu(String name, Target target, double seconds, long workingSet) {
        return new Workload(name, target, seconds * 1000, 1, 0, 0, workingSet, 0, Double.NaN, List.of());
    }

    static Target vmTarget(int vm) {
        return new Target(false, vm);
    }

    static Target containerTarget(int container) {
        return new Target(true, container);
    }

    static SimulationResult run(SimModel model, double seconds) {
        return new StackSimulation(model, SimulationOptions.defaults(seconds)).run(null);
    }

    static SimulationResult.WorkloadOutcome outcome(SimulationResult result, String name) {
        return result.workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    static double runtime(SimulationResult result, String name) {
        SimulationResult.WorkloadOutcome outcome = outcome(result, name);
        return outcome.finished() - outcome.started();
    }

    static List<String> codes(SimulationResult result) {
        return result.problems().stream().map(SimulationResult.Problem::code).toList();
    }
}
