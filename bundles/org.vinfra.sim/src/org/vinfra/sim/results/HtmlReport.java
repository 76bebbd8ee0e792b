package org.vinfra.sim.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.vinfra.sim.entities.SimModel;

/**
 * The result as one self-contained HTML page that works offline: the data as one JSON document (the
 * {@linkplain JsonReport JSON report}, plus the hosts' capacities), drawn by an inlined script
 * (Apache ECharts and the report's set-up, {@code report/src/report.js} of this bundle, bundled at build
 * time into the resource {@code report.js} of this package): charts with tooltips, the run's events
 * marked, capacity lines, the workload outcomes, the problems and the timeline. The same page serves
 * the command line ({@code ./vinfra simulate --format html}) and Eclipse's Simulation Results view.
 */
public final class HtmlReport {

    /** The id of the script element holding the page's JSON data. */
    public static final String DATA_ID = "vinfra-report-data";

    private static String script;
    private static String style;

    private HtmlReport() {
    }

    /**
     * A capacity drawn as a line on the chart of its metric.
     *
     * @param entity the host's name
     * @param metric "memory" (GiB) or "network" (Mbps through its NICs), as the result's series name them
     * @param value  in the unit of the metric's series
     */
    public record Capacity(String entity, String metric, double value) {
    }

    /** The capacities of a model's hosts: memory in GiB and the NICs' total speed in Mbps. */
    public static List<Capacity> capacities(SimModel model) {
        List<Capacity> capacities = new ArrayList<>();
        for (SimModel.Host host : model.hosts()) {
            capacities.add(new Capacity(host.name(), "memory", host.memory() / (double) (1L << 30)));
            if (host.nicBitsPerSecond() > 0) {
                capacities.add(new Capacity(host.name(), "network", host.nicBitsPerSecond() / 1e6));
            }
        }
        return capacities;
    }

    /** The page of a result, without capacity lines. */
    public static String write(SimulationResult result, String title) {
        return write(result, title, List.of());
    }

    /** The page of a result, with the given capacities drawn as lines. */
    public static String write(SimulationResult result, String title, List<Capacity> capacities) {
        StringBuilder data = new StringBuilder("{\"title\": ").append(JsonReport.string(title)).append(",\n\"capacities\": [");
        for (int i = 0; i < capacities.size(); i++) {
            Capacity capacity = capacities.get(i);
            data.append(i == 0 ? "" : ", ").append("{\"entity\": ").append(JsonReport.string(capacity.entity())).append(", \"metric\": ")
                    .append(JsonReport.string(capacity.metric())).append(", \"value\": ").append(JsonReport.number(capacity.value())).append('}');
        }
        data.append("],\n\"report\": ").append(JsonReport.write(result)).append('}');
        return page(title, data.toString());
    }

    /**
     * A page: the title, the data (JSON, every {@code <} escaped as {@code \u003c} so no text ends the
     * script element early) and the inlined style and script that draw it.
     */
    static String page(String title, String json) {
        return new StringBuilder(json.length() + 700_000).append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(escape(title))
                .append("</title>\n<style>\n").append(style()).append("</style>\n</head><body>\n<h1>").append(escape(title)).append("</h1>\n")
                .append("<noscript>This report draws its charts and tables with JavaScript: open it in a browser with JavaScript on.</noscript>\n")
                .append("<main id=\"report\"></main>\n<script type=\"application/json\" id=\"").append(DATA_ID).append("\">\n")
                .append(json.replace("<", "\\u003c")).append("\n</script>\n<script>\n").append(script()).append("\n</script>\n</body></html>\n")
                .toString();
    }

    private static synchronized String script() {
        if (script == null) {
            script = resource("report.js");
        }
        return script;
    }

    private static synchronized String style() {
        if (style == null) {
            style = resource("report.css");
        }
        return style;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the HTML report's " + name + " is missing from org.vinfra.sim: it is built by npm and esbuild"
                        + " (bundles/org.vinfra.sim/report) during the Maven build; rebuild with Node.js 20+ and npm on the PATH");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text as HTML text or attribute value: {@code & < > "} escaped. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
