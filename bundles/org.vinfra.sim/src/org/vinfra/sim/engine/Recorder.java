package org.vinfra.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.policies.MemoryReclamation.Pressure;
import org.vinfra.sim.results.SimulationResult;
import org.vinfra.sim.results.SimulationResult.Event;
import org.vinfra.sim.results.SimulationResult.Problem;
import org.vinfra.sim.results.SimulationResult.Series;
import org.vinfra.sim.results.SimulationResult.Severity;

/**
 * Collects what a run produces: the timeline (capped, so huge models do not drown in it), problems,
 * and samples of each host's CPU and memory and each VM's ready time, for the first entities up to
 * the series limit and for the cluster as a whole.
 */
final class Recorder {

    static final int TIMELINE_LIMIT = 20_000;

    private final SimModel model;
    private final SimulationOptions options;
    private final List<Event> timeline = new ArrayList<>();
    private long droppedEvents;
    private final List<Problem> problems = new ArrayList<>();
    private List<SimulationResult.WorkloadOutcome> workloads = List.of();

    // latest state per host
    private final double[] busy;
    private final double[] capacity;
    private final long[] memoryUsed;
    private final long[] swapped;
    private final long[] ballooned;
    /** Each host's logical CPUs (read at every sample of every host). */
    private final double[] logical;
    // samples
    private final List<Double> times = new ArrayList<>();
    private final List<double[]> hostCpu = new ArrayList<>();
    private final List<double[]> hostMemory = new ArrayList<>();
    private final List<double[]> hostSwap = new ArrayList<>();
    private final List<double[]> hostNetwork = new ArrayList<>();
    private final List<double[]> vmReady = new ArrayList<>();
    private final List<Double> clusterCpu = new ArrayList<>();
    private final List<Double> clusterSwap = new ArrayList<>();
    private double[] lastReady;
    private double lastSampleTime;

    Recorder(SimModel model, SimulationOptions options) {
        this.model = model;
        this.options = options;
        int hosts = model.hosts().size();
        busy = new double[hosts];
        capacity = new double[hosts];
        memoryUsed = new long[hosts];
        swapped = new long[hosts];
        ballooned = new long[hosts];
        logical = new double[hosts];
        for (int h = 0; h < hosts; h++) {
            logical[h] = model.hosts().get(h).logicalCpus();
        }
    }

    void event(double time, String kind, String entity, String message) {
        if (timeline.size() < TIMELINE_LIMIT) {
            timeline.add(new Event(time, kind, entity, message));
        } else {
            droppedEvents++;
        }
    }

    /** An event whose message is made only when the timeline still lists events (making messages costs at scale). */
    void event(double time, String kind, String entity, Supplier<String> message) {
        if (timeline.size() < TIMELINE_LIMIT) {
            timeline.add(new Event(time, kind, entity, message.get()));
        } else {
            droppedEvents++;
        }
    }

    void problem(Severity severity, String code, String entity, double time, String message) {
        problems.add(new Problem(severity, code, entity, time, message));
        event(time, "problem", entity, message);
    }

    void hostLoad(int h, double wanted, double delivered) {
        busy[h] = wanted;
        capacity[h] = delivered;
    }

    void memory(int h, double time, long used, Pressure pressure) {
        memoryUsed[h] = used;
        swapped[h] = pressure.swapped();
        ballooned[h] = pressure.ballooned();
    }

    void sample(double time, double[] readySeconds, int vmCount, java.util.function.IntToDoubleFunction nicBitsPerSecond) {
        int hostsShown = Math.min(options.seriesLimit(), busy.length);
        int vmsShown = Math.min(options.seriesLimit(), vmCount);
        double[] cpu = new double[hostsShown];
        double[] memory = new double[hostsShown];
        double[] swap = new double[hostsShown];
        double[] network = new double[hostsShown];
        double totalUsed = 0;
        double totalLogical = 0;
        long totalSwap = 0;
        for (int h = 0; h < busy.length; h++) {
            double used = Math.min(busy[h], logical[h]);
            totalUsed += used;
            totalLogical += logical[h];
            totalSwap += swapped[h];
            if (h < hostsShown) {
                cpu[h] = used / logical[h];
                memory[h] = memoryUsed[h] / (double) (1L << 30);
                swap[h] = swapped[h] / (double) (1L << 30);
                network[h] = nicBitsPerSecond.applyAsDouble(h) / 1e6;
            }
        }
        double[] ready = new double[vmsShown];
        if (lastReady == null) {
            lastReady = new double[vmsShown];
        }
        double interval = time - lastSampleTime;
        for (int v = 0; v < vmsShown; v++) {
            ready[v] = interval > 0 ? (readySeconds[v] - lastReady[v]) / interval : 0;
            lastReady[v] = readySeconds[v];
        }
        lastSampleTime = time;
        times.add(time);
        hostCpu.add(cpu);
        hostMemory.add(memory);
        hostSwap.add(swap);
        hostNetwork.add(network);
        vmReady.add(ready);
        clusterCpu.add(totalLogical > 0 ? totalUsed / totalLogical : 0);
        clusterSwap.add(totalSwap / (double) (1L << 30));
    }

    void finish(double end, Supplier<List<SimulationResult.WorkloadOutcome>> outcomes) {
        workloads = outcomes.get();
        if (droppedEvents > 0) {
            timeline.add(new Event(end, "note", "timeline", droppedEvents + " more events are not listed (the timeline keeps the first "
                    + TIMELINE_LIMIT + ")"));
        }
    }

    SimulationResult result(SimulationResult.Run run) {
        List<Series> series = new ArrayList<>();
        double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
        series.add(new Series("cluster", "cpu", "fraction", t, clusterCpu.stream().mapToDouble(Double::doubleValue).toArray()));
        series.add(new Series("cluster", "swap", "GiB", t, clusterSwap.stream().mapToDouble(Double::doubleValue).toArray()));
        int hostsShown = Math.min(options.seriesLimit(), busy.length);
        for (int h = 0; h < hostsShown; h++) {
            String name = model.hosts().get(h).name();
            series.add(new Series(name, "cpu", "fraction", t, column(hostCpu, h)));
            series.add(new Series(name, "memory", "GiB", t, column(hostMemory, h)));
            series.add(new Series(name, "swap", "GiB", t, column(hostSwap, h)));
            series.add(new Series(name, "network", "Mbps through its NICs", t, column(hostNetwork, h)));
        }
        int vmsShown = Math.min(options.seriesLimit(), model.vms().size());
        for (int v = 0; v < vmsShown; v++) {
            series.add(new Series(model.vms().get(v).name(), "ready", "CPUs waiting", t, column(vmReady, v)));
        }
        return new SimulationResult(run, List.copyOf(timeline), workloads, series, List.copyOf(problems));
    }

    private static double[] column(List<double[]> rows, int index) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i)[index];
        }
        return values;
    }
}
