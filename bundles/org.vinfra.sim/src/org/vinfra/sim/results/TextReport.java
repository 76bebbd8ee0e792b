package org.vinfra.sim.results;

import java.util.Locale;

/** The result for a terminal: the run, the problems found, the workloads, the first events. */
public final class TextReport {

    static final int ROWS = 40;

    private TextReport() {
    }

    public static String write(SimulationResult result) {
        StringBuilder text = new StringBuilder();
        SimulationResult.Run run = result.run();
        text.append(String.format(Locale.ROOT, "simulated %.1f s of %.1f s (%s), %d events, seed %d%n", run.endedAt(), run.duration(),
                run.outcome(), run.events(), run.seed()));
        text.append(String.format(Locale.ROOT, "%d errors, %d warnings%n", result.count(SimulationResult.Severity.ERROR),
                result.count(SimulationResult.Severity.WARNING)));
        if (!result.problems().isEmpty()) {
            text.append("\nproblems:\n");
            result.problems().stream().limit(ROWS).forEach(p -> text.append(String.format(Locale.ROOT, "  %8.3f s  %-7s %-26s %s: %s%n", p.time(),
                    p.severity().name().toLowerCase(Locale.ROOT), p.code(), p.entity(), p.message())));
            more(text, result.problems().size());
        }
        if (!result.workloads().isEmpty()) {
            text.append(String.format(Locale.ROOT, "%nworkloads:%n  %-24s %-20s %10s %10s %10s %8s%n", "name", "runs on", "started", "finished",
                    "deadline", "cpu s"));
            result.workloads().stream().limit(ROWS).forEach(w -> text.append(String.format(Locale.ROOT, "  %-24s %-20s %10s %10s %10s %8.2f%s%n",
                    w.name(), w.runsOn(), seconds(w.started()), seconds(w.finished()), seconds(w.deadline()), w.cpuSeconds(),
                    w.missedDeadline() ? "  MISSED" : "")));
            more(text, result.workloads().size());
        }
        text.append("\nevents:\n");
        result.timeline().stream().limit(ROWS).forEach(e -> text.append(String.format(Locale.ROOT, "  %8.3f s  %-16s %-20s %s%n", e.time(), e.kind(),
                e.entity(), e.message())));
        more(text, result.timeline().size());
        return text.toString();
    }

    private static void more(StringBuilder text, int size) {
        if (size > ROWS) {
            text.append("  ... ").append(size - ROWS).append(" more (--format json or html lists all)\n");
        }
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
