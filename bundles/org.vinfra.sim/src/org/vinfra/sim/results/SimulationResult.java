package org.vinfra.sim.results;

import java.util.List;

/**
 * The outcome of a run. Times are seconds of simulated time. Deterministic: the same model and
 * seed give the same result (wall-clock figures are kept apart in {@link Run}).
 */
public record SimulationResult(Run run, List<Event> timeline, List<WorkloadOutcome> workloads, List<Series> series, List<Problem> problems) {

    /** How the run went. {@code outcome}: completed (end time reached or nothing left to do) or stopped (interrupted). */
    public record Run(double duration, double endedAt, long seed, String outcome, long events, long wallMillis) {
    }

    /** Something that happened: a host came up, a VM was refused, a container was OOM-killed. */
    public record Event(double time, String kind, String entity, String message) {
    }

    /** A workload: when it started and finished (NaN when it did not), CPU time received, its deadline (NaN if none). */
    public record WorkloadOutcome(String name, String runsOn, double started, double finished, double deadline, double cpuSeconds,
            boolean missedDeadline) {
    }

    /** Samples of one metric of one entity (or of the whole cluster, entity "cluster"). */
    public record Series(String entity, String metric, String unit, double[] times, double[] values) {
    }

    public enum Severity {
        ERROR, WARNING, INFO
    }

    /** A problem the run found: what, where, when, and in the course's terms why it matters. */
    public record Problem(Severity severity, String code, String entity, double time, String message) {
    }

    public long count(Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).count();
    }
}
