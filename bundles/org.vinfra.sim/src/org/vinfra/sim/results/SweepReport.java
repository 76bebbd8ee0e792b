package org.vinfra.sim.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A sweep as a table: for a terminal (text), as JSON, and as one self-contained HTML page. */
public final class SweepReport {

    private static final String[] COLUMNS = { "errors", "warnings", "finished", "missed", "last finish", "mean run", "peak CPU", "problems" };

    private SweepReport() {
    }

    public static String text(Sweep sweep, String title) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(sweep.parameters());
        header.addAll(List.of(COLUMNS));
        rows.add(header.toArray(String[]::new));
        for (Sweep.Row run : sweep.runs()) {
            rows.add(cells(run).toArray(String[]::new));
        }
        int[] widths = new int[header.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder(title).append('\n');
        for (String[] row : rows) {
            text.append(' ');
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                text.append(' ').append(last ? row[i] : pad(row[i], widths[i], i >= sweep.parameters().size() && i < row.length - 1));
            }
            text.append('\n');
        }
        return text.toString();
    }

    public static String json(Sweep sweep) {
        StringBuilder json = new StringBuilder("{\n  \"schema\": \"vinfra-sweep/1\",\n  \"parameters\": [");
        for (int i = 0; i < sweep.parameters().size(); i++) {
            json.append(i == 0 ? "" : ", ").append(JsonReport.string(sweep.parameters().get(i)));
        }
        json.append("],\n  \"runs\": [");
        String separator = "\n    ";
        for (Sweep.Row run : sweep.runs()) {
            json.append(separator).append("{\"values\": {");
            for (int i = 0; i < run.values().size(); i++) {
                json.append(i == 0 ? "" : ", ").append(JsonReport.string(sweep.parameters().get(i))).append(": ")
                        .append(JsonReport.string(run.values().get(i)));
            }
            json.append("}, \"errors\": ").append(run.errors()).append(", \"warnings\": ").append(run.warnings()).append(", \"workloads\": ")
                    .append(run.workloads()).append(", \"finished\": ").append(run.finished()).append(", \"missedDeadlines\": ")
                    .append(run.missedDeadlines()).append(", \"lastFinish\": ").append(JsonReport.number(run.lastFinish()))
                    .append(", \"meanRunTime\": ").append(JsonReport.number(run.meanRunTime())).append(", \"peakClusterCpu\": ")
                    .append(JsonReport.number(run.peakClusterCpu())).append(", \"problems\": {");
            String comma = "";
            for (Map.Entry<String, Integer> problem : run.problems().entrySet()) {
                json.append(comma).append(JsonReport.string(problem.getKey())).append(": ").append(problem.getValue());
                comma = ", ";
            }
            json.append("}}");
            separator = ",\n    ";
        }
        return json.append(sweep.runs().isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    /** One page: a chart of each run's last finish, mean run time and peak CPU, and the sweep's table (drawn as {@link HtmlReport} draws). */
    public static String html(Sweep sweep, String title) {
        return HtmlReport.page(title, "{\"title\": " + JsonReport.string(title) + ",\n\"capacities\": [],\n\"report\": " + json(sweep) + "}");
    }

    private static List<String> cells(Sweep.Row run) {
        List<String> cells = new ArrayList<>(run.values());
        cells.add(String.valueOf(run.errors()));
        cells.add(String.valueOf(run.warnings()));
        cells.add(run.finished() + "/" + run.workloads());
        cells.add(String.valueOf(run.missedDeadlines()));
        cells.add(Double.isNaN(run.lastFinish()) ? "-" : String.format(Locale.ROOT, "%.3f s", run.lastFinish()));
        cells.add(Double.isNaN(run.meanRunTime()) ? "-" : String.format(Locale.ROOT, "%.3f s", run.meanRunTime()));
        cells.add(String.format(Locale.ROOT, "%.0f %%", run.peakClusterCpu() * 100));
        List<String> problems = new ArrayList<>();
        run.problems().forEach((code, count) -> problems.add(code + " x" + count));
        cells.add(problems.isEmpty() ? "-" : String.join(", ", problems));
        return cells;
    }

    private static String pad(String cell, int width, boolean right) {
        String spaces = " ".repeat(width - cell.length());
        return right ? spaces + cell : cell + spaces;
    }
}
