package org.vinfra.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

import org.vinfra.sim.core.Simulation;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Workload;
import org.vinfra.sim.results.SimulationResult;
import org.vinfra.sim.results.SimulationResult.Severity;

/**
 * The whole stack on the event core: hosts boot, then hypervisors start VMs (after admission
 * against the overcommit policy), then containers in dependency order; workloads share CPUs by
 * the CPU scheduler (a fluid model: rates change only at events), memory pressure is relieved by
 * the reclamation policy, flows share links fairly, and timed actions (failures, hot-add, spikes)
 * change the picture. Each concern is a class of its own ({@link Lifecycle}, {@link Cpu},
 * {@link Memory}, {@link Storage}, {@link Containers}, {@link Faults}, {@link Timeline},
 * {@link NetworkModel}); this class wires them, runs the event core and collects the result.
 */
public final class StackSimulation {

    private final Stack stack;
    private final int sampleKind;

    public StackSimulation(SimModel model, SimulationOptions options) {
        stack = new Stack(model, options);
        stack.lifecycle = new Lifecycle(stack);
        stack.containers = new Containers(stack);
        stack.cpu = new Cpu(stack);
        stack.memory = new Memory(stack);
        stack.storage = new Storage(stack);
        stack.faults = new Faults(stack);
        stack.timeline = new Timeline(stack);
        stack.network = new NetworkModel(model, stack.lifecycle.vmHost, stack.recorder);
        sampleKind = stack.sim.register(this::onSample);
    }

    /** Runs the model; {@code progress} is told the simulated time now and then (may be null). */
    public SimulationResult run(DoubleConsumer progress) {
        long wallStart = System.nanoTime();
        SimulationOptions options = stack.options;
        Simulation sim = stack.sim;
        stack.lifecycle.place();
        stack.lifecycle.powerOn();
        stack.timeline.schedule();
        sim.schedule(0, sampleKind, 0, 0);
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
        stack.cpu.settleAll();
        stack.recorder.finish(end, this::workloadOutcomes);
        reportUnfinished(end);
        String outcomeName = outcome == Simulation.Outcome.STOPPED ? "stopped" : "completed";
        return stack.recorder.result(new SimulationResult.Run(options.duration(), end, options.seed(), outcomeName, sim.processedEvents(),
                (System.nanoTime() - wallStart) / 1_000_000));
    }

    /** Stops the run at the next event; the result then covers the time simulated so far. */
    public void requestStop() {
        stack.sim.requestStop();
    }

    public long processedEvents() {
        return stack.sim.processedEvents();
    }

    /** Read access for tests: the ready time a VM accumulated. */
    public double readySeconds(int vm) {
        return stack.cpu.readySeconds[vm];
    }

    /** A sample settles what it records: the hosts shown (the first of the series limit) and the hosts of the VMs shown. */
    private void onSample(int subject, long data) {
        int shown = stack.options.seriesLimit();
        Lifecycle lifecycle = stack.lifecycle;
        for (int h = 0; h < Math.min(shown, stack.model.hosts().size()); h++) {
            if (lifecycle.hostUp[h]) {
                stack.cpu.settleHost(h);
            }
        }
        for (int v = 0; v < Math.min(shown, stack.model.vms().size()); v++) {
            int h = lifecycle.vmHost[v];
            if (h >= shown && lifecycle.hostUp[h]) {
                stack.cpu.settleHost(h);
            }
        }
        stack.recorder.sample(stack.now(), stack.cpu.readySeconds, stack.model.vms().size(), stack.network::nicBitsPerSecond);
        if (stack.now() + stack.options.sampleInterval() <= stack.options.duration() + 1e-9) {
            stack.sim.schedule(stack.options.sampleInterval(), sampleKind, 0, 0);
        }
    }

    private List<SimulationResult.WorkloadOutcome> workloadOutcomes() {
        SimModel model = stack.model;
        Cpu cpu = stack.cpu;
        List<SimulationResult.WorkloadOutcome> outcomes = new ArrayList<>(model.workloads().size());
        for (int w = 0; w < model.workloads().size(); w++) {
            Workload workload = model.workloads().get(w);
            boolean missed = !Double.isNaN(workload.deadline()) && (Double.isNaN(cpu.finished[w]) ? stack.options.duration() > workload.deadline()
                    : cpu.finished[w] > workload.deadline() + 1e-9);
            outcomes.add(new SimulationResult.WorkloadOutcome(workload.name(), stack.name(workload.target()), cpu.started[w], cpu.finished[w],
                    workload.deadline(), cpu.cpuSeconds(w), missed));
        }
        return outcomes;
    }

    private void reportUnfinished(double end) {
        SimModel model = stack.model;
        Cpu cpu = stack.cpu;
        for (int w = 0; w < model.workloads().size(); w++) {
            Workload workload = model.workloads().get(w);
            if (Double.isNaN(cpu.finished[w]) && !Double.isNaN(workload.deadline()) && workload.deadline() < end) {
                stack.recorder.problem(Severity.ERROR, "sim.deadline-missed", workload.name(), end, String.format(Locale.ROOT,
                        "Workload '%s' had not finished at %.3f s, past its deadline of %.3f s%s.", workload.name(), end, workload.deadline(),
                        Double.isNaN(cpu.started[w]) ? " (it never started: its VM or container never ran)" : ""));
            }
        }
        int[] vmHost = stack.lifecycle.vmHost;
        for (int v = 0; v < model.vms().size(); v++) {
            double runFor = end;
            if (vmHost[v] >= 0 && runFor > 0 && cpu.readySeconds[v] / runFor > 0.1 * stack.lifecycle.vmVcpus[v]) {
                stack.recorder.problem(Severity.WARNING, "sim.cpu-contention", model.vms().get(v).name(), end, String.format(Locale.ROOT,
                        "VM '%s' waited %.1f s for a CPU (ready time) over the run: its host '%s' is overcommitted while its VMs are busy together.",
                        model.vms().get(v).name(), cpu.readySeconds[v], model.hosts().get(vmHost[v]).name()));
            }
        }
    }
}
