package org.vinfra.sim.results;

import java.util.Locale;

/**
 * The result as JSON, following docs/simulation-result.schema.json. Numbers are written with a
 * fixed precision so the same run gives the same bytes; NaN (a workload that never finished) is null.
 * The wall-clock time of the run is left out: it is not a result of the model.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String write(SimulationResult result) {
        StringBuilder json = new StringBuilder(1 << 16);
        Numbers numbers = new Numbers();
        SimulationResult.Run run = result.run();
        json.append("{\n  \"schema\": \"vinfra-simulation/1\",\n  \"run\": {");
        field(json, numbers, "duration", run.duration()).append(',');
        field(json, numbers, "endedAt", run.endedAt()).append(',');
        json.append("\"seed\": ").append(run.seed()).append(", ");
        json.append("\"outcome\": ").append(string(run.outcome())).append(", ");
        json.append("\"events\": ").append(run.events()).append("},\n");
        json.append("  \"summary\": {\"errors\": ").append(result.count(SimulationResult.Severity.ERROR)).append(", \"warnings\": ")
                .append(result.count(SimulationResult.Severity.WARNING)).append(", \"workloads\": ").append(result.workloads().size())
                .append(", \"finished\": ").append(result.workloads().stream().filter(w -> !Double.isNaN(w.finished())).count())
                .append(", \"missedDeadlines\": ").append(result.workloads().stream().filter(SimulationResult.WorkloadOutcome::missedDeadline).count())
                .append("},\n");
        json.append("  \"problems\": [");
        String separator = "\n    ";
        for (SimulationResult.Problem problem : result.problems()) {
            json.append(separator).append("{\"severity\": ").append(string(problem.severity().name().toLowerCase(Locale.ROOT)))
                    .append(", \"code\": ").append(string(problem.code())).append(", \"entity\": ").append(string(problem.entity())).append(", ");
            field(json, numbers, "time", problem.time()).append(", \"message\": ").append(string(problem.message())).append('}');
            separator = ",\n    ";
        }
        json.append(result.problems().isEmpty() ? "],\n" : "\n  ],\n");
        json.append("  \"workloads\": [");
        separator = "\n    ";
        for (SimulationResult.WorkloadOutcome workload : result.workloads()) {
            json.append(separator).append("{\"name\": ").append(string(workload.name())).append(", \"runsOn\": ")
                    .append(string(workload.runsOn())).append(", ");
            field(json, numbers, "started", workload.started()).append(", ");
            field(json, numbers, "finished", workload.finished()).append(", ");
            field(json, numbers, "deadline", workload.deadline()).append(", ");
            field(json, numbers, "cpuSeconds", workload.cpuSeconds()).append(", \"missedDeadline\": ").append(workload.missedDeadline()).append('}');
            separator = ",\n    ";
        }
        json.append(result.workloads().isEmpty() ? "],\n" : "\n  ],\n");
        json.append("  \"timeline\": [");
        separator = "\n    ";
        for (SimulationResult.Event event : result.timeline()) {
            json.append(separator).append('{');
            field(json, numbers, "time", event.time()).append(", \"kind\": ").append(string(event.kind())).append(", \"entity\": ")
                    .append(string(event.entity())).append(", \"message\": ").append(string(event.message())).append('}');
            separator = ",\n    ";
        }
        json.append(result.timeline().isEmpty() ? "],\n" : "\n  ],\n");
        json.append("  \"series\": [");
        separator = "\n    ";
        for (SimulationResult.Series series : result.series()) {
            json.append(separator).append("{\"entity\": ").append(string(series.entity())).append(", \"metric\": ").append(string(series.metric()))
                    .append(", \"unit\": ").append(string(series.unit())).append(", \"times\": ");
            numbers(json, numbers, series.times()).append(", \"values\": ");
            numbers(json, numbers, series.values()).append('}');
            separator = ",\n    ";
        }
        json.append(result.series().isEmpty() ? "]\n" : "\n  ]\n");
        return json.append("}\n").toString();
    }

    private static StringBuilder field(StringBuilder json, Numbers numbers, String name, double value) {
        // names are written here, never quoted by the user: nothing to escape
        return json.append(" \"").append(name).append("\": ").append(numbers.text(value));
    }

    /**
     * {@link #number} with the texts of recent values kept (256, by a hash of their bits): a report repeats values
     * (equal workloads start and finish at the same times, once per field of each).
     */
    private static final class Numbers {
        private final long[] bits = new long[256];
        private final String[] texts = new String[256];

        String text(double value) {
            long key = Double.doubleToRawLongBits(value);
            int slot = (int) (key ^ key >>> 29 ^ key >>> 47) & 255;
            if (texts[slot] == null || bits[slot] != key) {
                bits[slot] = key;
                texts[slot] = number(value);
            }
            return texts[slot];
        }
    }

    private static StringBuilder numbers(StringBuilder json, Numbers numbers, double[] values) {
        json.append('[');
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ", ").append(numbers.text(values[i]));
        }
        return json.append(']');
    }

    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    /**
     * A number as {@code String.format("%.6f")} writes it (round half up on the shortest decimal that
     * reads back as the double, as {@link Double#toString} gives it), without trailing zeros; NaN and
     * infinities are null. Written by hand: the report of a large run has hundreds of thousands.
     */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == (long) value && Math.abs(value) < 1e15 && Double.doubleToRawLongBits(value) != NEGATIVE_ZERO) {
            return Long.toString((long) value); // whole numbers, most of a report (times, seconds of CPU): %.6f adds only zeros
        }
        String shortest = Double.toString(Math.abs(value));
        if (shortest.indexOf('E') >= 0) {
            return trimmed(String.format(Locale.ROOT, "%.6f", value));
        }
        boolean negative = Double.doubleToRawLongBits(value) < 0;
        int dot = shortest.indexOf('.');
        StringBuilder digits = new StringBuilder(shortest.length() + 1).append(shortest, 0, dot);
        String fraction = shortest.substring(dot + 1);
        digits.append(fraction, 0, Math.min(6, fraction.length()));
        for (int i = fraction.length(); i < 6; i++) {
            digits.append('0');
        }
        if (fraction.length() > 6 && fraction.charAt(6) >= '5') {
            int i = digits.length() - 1;
            while (i >= 0 && digits.charAt(i) == '9') {
                digits.setCharAt(i--, '0');
            }
            if (i < 0) {
                digits.insert(0, '1');
            } else {
                digits.setCharAt(i, (char) (digits.charAt(i) + 1));
            }
        }
        digits.insert(digits.length() - 6, '.');
        if (negative) {
            digits.insert(0, '-');
        }
        return trimmed(digits.toString());
    }

    /** Without trailing zeros, nor a trailing point. */
    private static String trimmed(String text) {
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        return text.substring(0, text.charAt(end - 1) == '.' ? end - 1 : end);
    }

    static String string(String value) {
        if (needsNoEscape(value)) {
            return new StringBuilder(value.length() + 2).append('"').append(value).append('"').toString(); // names, most strings
        }
        StringBuilder text = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }

    private static boolean needsNoEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
