package org.vinfra.sim.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a what-if sweep: the same model run once per combination of parameter values
 * ({@code ./vinfra simulate FILE --sweep overcommit.cpu=1.0,2.0 --sweep seed=1..5}), each run
 * summed up in one row.
 *
 * @param parameters the swept parameters, in the order given (e.g. overcommit.cpu, seed)
 * @param runs       one per combination, the last parameter varying fastest
 */
public record Sweep(List<String> parameters, List<Row> runs) {

    /**
     * One run: the values of the parameters (as written), and what the run gave.
     *
     * @param finished         workloads that finished, of {@code workloads}
     * @param lastFinish       when the last finished workload finished, seconds of simulated time (NaN: none did)
     * @param meanRunTime      mean of finish minus start over finished workloads, seconds (NaN: none)
     * @param peakClusterCpu   the highest sampled cluster CPU utilisation, a fraction of all logical CPUs
     * @param problems         how many problems of each code, by code
     */
    public record Row(List<String> values, long errors, long warnings, long workloads, long finished, long missedDeadlines, double lastFinish,
            double meanRunTime, double peakClusterCpu, Map<String, Integer> problems) {

        /** Sums up one run's result. */
        public static Row of(List<String> values, SimulationResult result) {
            long finished = 0;
            long missed = 0;
            double last = Double.NaN;
            double total = 0;
            for (SimulationResult.WorkloadOutcome workload : result.workloads()) {
                missed += workload.missedDeadline() ? 1 : 0;
                if (!Double.isNaN(workload.finished())) {
                    finished++;
                    last = Double.isNaN(last) ? workload.finished() : Math.max(last, workload.finished());
                    total += workload.finished() - workload.started();
                }
            }
            double peak = 0;
            for (SimulationResult.Series series : result.series()) {
                if (series.entity().equals("cluster") && series.metric().equals("cpu")) {
                    for (double value : series.values()) {
                        peak = Math.max(peak, value);
                    }
                }
            }
            Map<String, Integer> problems = new TreeMap<>();
            for (SimulationResult.Problem problem : result.problems()) {
                problems.merge(problem.code(), 1, Integer::sum);
            }
            return new Row(List.copyOf(values), result.count(SimulationResult.Severity.ERROR), result.count(SimulationResult.Severity.WARNING),
                    result.workloads().size(), finished, missed, last, finished == 0 ? Double.NaN : total / finished, peak,
                    new LinkedHashMap<>(problems));
        }
    }
}
