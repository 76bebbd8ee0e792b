package org.vinfra.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;
import org.vinfra.sim.core.Simulation;
import org.vinfra.sim.engine.SimulationOptions;
import org.vinfra.sim.engine.StackSimulation;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Target;
import org.vinfra.sim.entities.Technique;
import org.vinfra.sim.lang.ModelToSimulation;
import org.vinfra.sim.results.SimulationResult;

/** The scenarios the simulation benchmark times. */
final class SimulationBenchmarks {

    /** Long enough for every workload of the scenario to finish: boots take 30 s, the work 10.2 s. */
    static final double SCENARIO_SECONDS = 60;

    private SimulationBenchmarks() {
    }

    /** 1,000 tokens each rescheduling itself at a pseudo-random delay: the loop, the queue and dispatch, nothing else. */
    static long coreEvents(int events) {
        Simulation simulation = new Simulation();
        long[] state = { 0x9E3779B97F4A7C15L };
        int[] kind = new int[1];
        kind[0] = simulation.register((subject, data) -> {
            long x = state[0];
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            state[0] = x;
            simulation.schedule(1 + (x & 1023) / 1024.0, kind[0], subject, data);
        });
        for (int token = 0; token < 1000; token++) {
            simulation.schedule(token / 1000.0, kind[0], token, 0);
        }
        double horizon = events / 1000.0 * 1.5;
        while (simulation.processedEvents() < events) {
            simulation.run(horizon);
            horizon *= 2;
        }
        return simulation.processedEvents();
    }

    static long inMemory(int hosts, int vms, int workloads) {
        SimModel model = new SimModel();
        SimModel.Hypervisor kvm = new SimModel.Hypervisor("kvm", false, Technique.HARDWARE_ASSISTED, 1, 1);
        List<Integer> all = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            all.add(model.add(new SimModel.Host("h" + h, 8, 1, 1000, 32L << 30, 1_000_000_000L, kvm)));
        }
        List<Integer> candidates = List.copyOf(all);
        for (int v = 0; v < vms; v++) {
            model.add(new SimModel.Vm("v" + v, -1, candidates, 4, 2L << 30, 2L << 30, List.of()));
        }
        for (int w = 0; w < workloads; w++) {
            model.add(new SimModel.Workload("w" + w, new Target(false, w % vms), 20_000, 2, 0, 0, 0, 0, Double.NaN, List.of()));
        }
        return finished(new StackSimulation(model, SimulationOptions.defaults(SCENARIO_SECONDS)).run(null));
    }

    /**
     * {@code n} workloads of distinct lengths (1,000 + i MI, one thread each) on one VM of 8 vCPUs:
     * every finish changes the share of all the others (processor sharing). Returns the workloads
     * finished; the run lasts until the last one is done.
     */
    static long sharing(int n) {
        SimModel model = new SimModel();
        SimModel.Hypervisor kvm = new SimModel.Hypervisor("kvm", false, Technique.HARDWARE_ASSISTED, 1, 1);
        int h = model.add(new SimModel.Host("h", 8, 1, 1000, 64L << 30, 1_000_000_000L, kvm));
        int v = model.add(new SimModel.Vm("v", h, List.of(), 8, 32L << 30, 32L << 30, List.of()));
        double work = 0;
        for (int w = 0; w < n; w++) {
            model.add(new SimModel.Workload("w" + w, new Target(false, v), 1000 + w, 1, 0, 0, 0, 0, Double.NaN, List.of()));
            work += 1000 + w;
        }
        double seconds = 30 + work / (8 * 1000 * 0.98) * 1.01 + 1;
        return finished(new StackSimulation(model, SimulationOptions.defaults(seconds)).run(null));
    }

    /**
     * A data centre at capacity: {@code hosts} hosts of 48 cores and 128 GiB, {@code vms} VMs of 4
     * vCPUs and 8 GiB placed first fit on them, one workload of 2 threads x 10,000 MI each. Prints the
     * heap the model and the run's state take, per VM.
     */
    static long capacity(int hosts, int vms, java.io.PrintWriter out) {
        long before = usedHeap();
        SimModel model = new SimModel();
        SimModel.Hypervisor kvm = new SimModel.Hypervisor("kvm", false, Technique.HARDWARE_ASSISTED, 1, 1);
        List<Integer> all = new ArrayList<>(hosts);
        for (int h = 0; h < hosts; h++) {
            all.add(model.add(new SimModel.Host("h" + h, 48, 1, 1000, 128L << 30, 10_000_000_000L, kvm)));
        }
        List<Integer> candidates = List.copyOf(all);
        for (int v = 0; v < vms; v++) {
            model.add(new SimModel.Vm("v" + v, -1, candidates, 4, 8L << 30, 8L << 30, List.of()));
            model.add(new SimModel.Workload("w" + v, new Target(false, v), 20_000, 2, 0, 0, 0, 0, Double.NaN, List.of()));
        }
        long modelBytes = usedHeap() - before;
        StackSimulation simulation = new StackSimulation(model, SimulationOptions.defaults(SCENARIO_SECONDS));
        long start = System.nanoTime();
        SimulationResult result = simulation.run(null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // the model, the engine's state and the result, all still reachable
        long allBytes = usedHeap() - before;
        out.printf(java.util.Locale.ROOT, "  %,d hosts, %,d VMs, %,d workloads: run %,d ms, %,d events; heap after the run: %,d MiB (the model"
                + " %,d MiB): %,d bytes per VM with its workload (%,d for the model)%n", hosts, vms, vms, millis, result.run().events(), allBytes >> 20,
                modelBytes >> 20, allBytes / vms, modelBytes / vms);
        out.flush();
        long finished = finished(result);
        java.lang.ref.Reference.reachabilityFence(simulation);
        java.lang.ref.Reference.reachabilityFence(model);
        return finished;
    }

    /** Heap in use after a full collection (several, until it settles). */
    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used - (1 << 20)) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }

    static String scenarioText(int hosts, int vms, int workloads) {
        return """
                // CloudSim Plus's performance scenario, written with replication
                host h[1..%d] {
                	cpu {
                		cores 8
                		frequency 1 GHz
                		features vt-x
                	}
                	memory 32 GiB
                	hypervisor kvm
                }

                vm v[1..%d] on h {
                	vcpus 4
                	memory 2 GiB
                }

                workload w[1..%d] on v {
                	instructions 20000 MI
                	threads 2
                }
                """.formatted(hosts, vms, workloads);
    }

    static long fromFile(Path file) {
        ModelSet models = Language.load(List.of(file));
        long errors = models.validate().stream().filter(Problem::isError).count();
        if (errors > 0) {
            throw new UserError("the benchmark model has errors", VinfraCli.MODEL_ERRORS);
        }
        SimModel model = ModelToSimulation.map(models.models());
        return finished(new StackSimulation(model, SimulationOptions.defaults(SCENARIO_SECONDS)).run(null));
    }

    private static long finished(SimulationResult result) {
        return result.workloads().stream().filter(w -> !Double.isNaN(w.finished())).count();
    }
}
