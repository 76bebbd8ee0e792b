package org.vinfra.sim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The page's make-up: the JSON report is its one data document, whatever the model's text says, and
 * the charts' script is inlined (the drawing itself is tested in Chromium: report/tests of org.vinfra.sim).
 */
class HtmlReportTest {

    private static SimulationResult result(String message) {
        return new SimulationResult(new SimulationResult.Run(60, 60, 1, "completed", 3, 5),
                List.of(new SimulationResult.Event(1, "host-up", "node1", message)),
                List.of(new SimulationResult.WorkloadOutcome("job", "vm1", 2, Double.NaN, 30, 1.5, true)),
                List.of(new SimulationResult.Series("node1", "memory", "GiB", new double[] { 0, 30, 60 }, new double[] { 1, 2, 3 })),
                List.of(new SimulationResult.Problem(SimulationResult.Severity.ERROR, "sim.deadline-missed", "job", 30, message)));
    }

    private static String data(String page) {
        String start = "<script type=\"application/json\" id=\"" + HtmlReport.DATA_ID + "\">\n";
        int from = page.indexOf(start) + start.length();
        return page.substring(from, page.indexOf("\n</script>", from));
    }

    @Test
    void theDataIsTheJsonReportWithTheCapacitiesAndNoTextEndsItsScriptEarly() {
        String nasty = "ends </script><script>alert(1)</script> & <!-- \"quoted\"";
        SimulationResult result = result(nasty);
        String page = HtmlReport.write(result, "lab <1>", List.of(new HtmlReport.Capacity("node1", "memory", 8)));
        String data = data(page);
        assertFalse(data.contains("<"), "every < escaped inside the script element");
        assertEquals("{\"title\": \"lab <1>\",\n\"capacities\": [{\"entity\": \"node1\", \"metric\": \"memory\", \"value\": 8}],\n\"report\": "
                + JsonReport.write(result) + "}", data.replace("\\u003c", "<"), "the JSON report, as --format json writes it");
        assertTrue(page.contains("<title>lab &lt;1&gt;</title>") && page.contains("<h1>lab &lt;1&gt;</h1>"));
        assertEquals(2, page.split("<script", -1).length - 1, "the data and the charts' script, no script from the text");
    }

    @Test
    void theChartsScriptIsInlinedSoThePageWorksOffline() {
        String page = HtmlReport.write(result("ok"), "lab");
        assertTrue(page.length() > 300_000, "the library is in the page: " + page.length() + " characters");
        assertTrue(page.contains("Apache") && page.contains("vinfraReport"), "ECharts (its licence kept) and the report's set-up");
        assertFalse(page.contains("<script src") || page.contains("<link"), "nothing loaded from elsewhere");
        assertTrue(page.endsWith("</script>\n</body></html>\n"));
    }

    @Test
    void aSweepPageCarriesTheSweepsJson() {
        Sweep sweep = new Sweep(List.of("seed"), List.of(Sweep.Row.of(List.of("1"), result("x"))));
        String page = SweepReport.html(sweep, "sweep of lab");
        assertEquals("{\"title\": \"sweep of lab\",\n\"capacities\": [],\n\"report\": " + SweepReport.json(sweep) + "}", data(page));
    }
}
