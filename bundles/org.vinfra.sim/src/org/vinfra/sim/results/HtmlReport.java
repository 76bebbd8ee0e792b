package org.vinfra.sim.results;

import java.util.List;
import java.util.Locale;

/**
 * The result as one self-contained HTML page: charts drawn as inline SVG (no script, no network),
 * the problems found, the workloads and the timeline.
 */
public final class HtmlReport {

    private static final String[] COLORS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf" };
    static final int LINES_PER_CHART = 8;
    static final int EVENT_ROWS = 500;

    private HtmlReport() {
    }

    public static String write(SimulationResult result, String title) {
        StringBuilder html = new StringBuilder(1 << 16);
        SimulationResult.Run run = result.run();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title)).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}")
                .append("table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}")
                .append(".error{color:#b00}.warning{color:#a60}.charts{display:flex;flex-wrap:wrap;gap:1em}")
                .append("figure{margin:0}figcaption{font-size:.85em}</style></head><body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n<p>").append(String.format(Locale.ROOT,
                "Simulated %.1f s of %.1f s (%s), %d events, seed %d: <b>%d errors</b>, %d warnings.", run.endedAt(), run.duration(), run.outcome(),
                run.events(), run.seed(), result.count(SimulationResult.Severity.ERROR), result.count(SimulationResult.Severity.WARNING)))
                .append("</p>\n<h2>Charts</h2>\n<div class=\"charts\">\n");
        chart(html, "Cluster CPU utilisation", "fraction of logical CPUs", pick(result, "cluster", "cpu"));
        chart(html, "CPU utilisation per host", "fraction of logical CPUs", pickMetric(result, "cpu"));
        chart(html, "CPU ready time per VM", "vCPUs waiting for a CPU", pickMetric(result, "ready"));
        chart(html, "Memory in use per host", "GiB", pickMetric(result, "memory"));
        chart(html, "Swapped guest memory", "GiB", pickMetric(result, "swap"));
        chart(html, "Network through each host's NICs", "Mbps", pickMetric(result, "network"));
        html.append("</div>\n<h2>Problems found</h2>\n");
        if (result.problems().isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            html.append("<table><tr><th>time (s)</th><th>severity</th><th>code</th><th>entity</th><th>message</th></tr>\n");
            for (SimulationResult.Problem problem : result.problems()) {
                String severity = problem.severity().name().toLowerCase(Locale.ROOT);
                html.append("<tr class=\"").append(severity).append("\"><td>").append(JsonReport.number(problem.time())).append("</td><td>")
                        .append(severity).append("</td><td>").append(escape(problem.code())).append("</td><td>").append(escape(problem.entity()))
                        .append("</td><td>").append(escape(problem.message())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h2>Workloads</h2>\n<table><tr><th>name</th><th>runs on</th><th>started (s)</th><th>finished (s)</th><th>deadline (s)</th>")
                .append("<th>CPU s</th></tr>\n");
        for (SimulationResult.WorkloadOutcome workload : result.workloads()) {
            html.append(workload.missedDeadline() ? "<tr class=\"error\">" : "<tr>").append("<td>").append(escape(workload.name())).append("</td><td>")
                    .append(escape(workload.runsOn())).append("</td><td>").append(cell(workload.started())).append("</td><td>")
                    .append(cell(workload.finished())).append("</td><td>").append(cell(workload.deadline())).append("</td><td>")
                    .append(JsonReport.number(workload.cpuSeconds())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Timeline</h2>\n<table><tr><th>time (s)</th><th>event</th><th>entity</th><th>what</th></tr>\n");
        result.timeline().stream().limit(EVENT_ROWS).forEach(event -> html.append("<tr><td>").append(JsonReport.number(event.time()))
                .append("</td><td>").append(escape(event.kind())).append("</td><td>").append(escape(event.entity())).append("</td><td>")
                .append(escape(event.message())).append("</td></tr>\n"));
        html.append("</table>\n");
        if (result.timeline().size() > EVENT_ROWS) {
            html.append("<p>").append(result.timeline().size() - EVENT_ROWS).append(" more events: see the JSON report.</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static List<SimulationResult.Series> pick(SimulationResult result, String entity, String metric) {
        return result.series().stream().filter(s -> s.entity().equals(entity) && s.metric().equals(metric)).toList();
    }

    private static List<SimulationResult.Series> pickMetric(SimulationResult result, String metric) {
        return result.series().stream().filter(s -> !s.entity().equals("cluster") && s.metric().equals(metric)).limit(LINES_PER_CHART).toList();
    }

    /** A line chart as SVG: one polyline per series, axes with the maximum value and the run's end. */
    static void chart(StringBuilder html, String title, String unit, List<SimulationResult.Series> series) {
        int width = 460;
        int height = 220;
        int left = 50;
        int bottom = 30;
        double maxTime = 1e-9;
        double maxValue = 1e-9;
        for (SimulationResult.Series each : series) {
            for (int i = 0; i < each.times().length; i++) {
                maxTime = Math.max(maxTime, each.times()[i]);
                maxValue = Math.max(maxValue, each.values()[i]);
            }
        }
        html.append("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">");
        html.append("<line x1=\"").append(left).append("\" y1=\"").append(height - bottom).append("\" x2=\"").append(width - 10).append("\" y2=\"")
                .append(height - bottom).append("\" stroke=\"#888\"/>");
        html.append("<line x1=\"").append(left).append("\" y1=\"10\" x2=\"").append(left).append("\" y2=\"").append(height - bottom)
                .append("\" stroke=\"#888\"/>");
        html.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"18\" font-size=\"10\">%.2f</text>", maxValue));
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%.0f s</text>", width - 50, height - 12, maxTime));
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">0</text>", left - 10, height - bottom + 12));
        for (int s = 0; s < series.size(); s++) {
            SimulationResult.Series each = series.get(s);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < each.times().length; i++) {
                double x = left + (width - left - 10) * each.times()[i] / maxTime;
                double y = height - bottom - (height - bottom - 10) * each.values()[i] / maxValue;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            html.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(COLORS[s % COLORS.length]).append("\" points=\"")
                    .append(points.toString().trim()).append("\"><title>").append(escape(each.entity())).append("</title></polyline>");
        }
        html.append("</svg><figcaption><b>").append(escape(title)).append("</b> (").append(escape(unit)).append(")");
        for (int s = 0; s < series.size(); s++) {
            html.append(" <span style=\"color:").append(COLORS[s % COLORS.length]).append("\">&#9632; ").append(escape(series.get(s).entity()))
                    .append("</span>");
        }
        html.append("</figcaption></figure>\n");
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "-" : JsonReport.number(value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
