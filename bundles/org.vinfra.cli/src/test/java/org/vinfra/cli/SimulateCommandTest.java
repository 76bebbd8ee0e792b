package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.cli.Cli.Result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** ./vinfra simulate on .vinfra models: the adapter, the reports and the exit codes. */
class SimulateCommandTest {

    private static Result run(String... args) {
        return Cli.run(args);
    }

    private static Path root() {
        return Cli.root();
    }

    private static String lab() {
        return root().resolve("examples/simulation-lab.vinfra").toString();
    }

    @Test
    void theJsonReportFollowsItsSchemaAndIsDeterministic() throws IOException {
        Result first = run("simulate", lab(), "--for", "8 min", "--format", "json");
        assertEquals(VinfraCli.OK, first.exit(), first.err());
        JsonNode report = new ObjectMapper().readTree(first.out());
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Files.readString(root().resolve("docs/simulation-result.schema.json"))).validate(report);
        assertEquals(Set.of(), errors);
        assertEquals("completed", report.get("run").get("outcome").asText());
        assertEquals(4, report.get("workloads").size());
        List<String> codes = new ArrayList<>();
        report.get("problems").forEach(p -> codes.add(p.get("code").asText()));
        assertTrue(codes.containsAll(List.of("sim.swapping", "sim.host-failed")), codes.toString());
        assertEquals(first.out(), run("simulate", lab(), "--for", "8 min", "--format", "json").out(), "same model and seed, same bytes");
    }

    /** The issue's example, from a .vinfra file: four 1-vCPU VMs with 10 s of CPU each on 2 cores end together, 20 s / 0.98 after they start. */
    @Test
    void aDurationReadsAsOneArgumentOrAsTwo() {
        String quoted = run("simulate", lab(), "--for", "8 min", "--format", "json").out();
        Result split = run("simulate", lab(), "--for", "8", "min", "--format", "json");
        assertEquals(VinfraCli.OK, split.exit(), split.all());
        assertEquals(quoted, split.out(), "--for 8 min is --for \"8 min\"");
        Result glued = run("simulate", "--for", "8min", "--format", "json", lab());
        assertEquals(quoted, glued.out(), "--for 8min too, and the file may come last");
        Result unitless = run("simulate", lab(), "--for", "8", lab());
        assertEquals(VinfraCli.USAGE_OR_IO, unitless.exit(), "a number without a unit is not taken for a unit followed by a file");
        assertTrue(unitless.err().contains("'8' is not a duration"), unitless.err());
    }

    @Test
    void fourVmsOnTwoCoresFromAModelFile(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("four.vinfra");
        Files.writeString(model, """
                host h { cpu { cores 2 frequency 1 GHz features vt-x } memory 16 GiB hypervisor kvm { overcommit { cpu 2.0 } } }
                vm v[1..4] on h { vcpus 1 memory 1 GiB }
                workload job[1..4] on v { instructions 10 GI threads 1 }
                """);
        Result result = run("simulate", model.toString(), "--for", "2 min", "--format", "json");
        JsonNode report = new ObjectMapper().readTree(result.out());
        for (JsonNode workload : report.get("workloads")) {
            assertEquals(20 / 0.98, workload.get("finished").asDouble() - workload.get("started").asDouble(), 1e-5, workload.toString());
        }
        Set<String> vms = new java.util.TreeSet<>();
        report.get("workloads").forEach(w -> vms.add(w.get("runsOn").asText()));
        assertEquals(Set.of("v1", "v2", "v3", "v4"), vms, "round robin over the replicas");
    }

    @Test
    void vmsOnAHostGroupArePlacedFirstFit(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("group.vinfra");
        Files.writeString(model, """
                host node[1..3] { cpu { cores 4 features vt-x } memory 8 GiB hypervisor kvm }
                vm v[1..4] on node { vcpus 2 memory 2 GiB }
                """);
        Result result = run("simulate", model.toString(), "--for", "1 min", "--format", "json");
        JsonNode report = new ObjectMapper().readTree(result.out());
        List<String> placed = new ArrayList<>();
        report.get("timeline").forEach(e -> {
            if (e.get("kind").asText().equals("vm-up")) {
                placed.add(e.get("entity").asText() + "@" + e.get("message").asText().replace("running on ", ""));
            }
        });
        assertEquals(List.of("v1@node1", "v2@node1", "v3@node2", "v4@node2"), placed, "two 2-vCPU VMs fill a 4-core host");
    }

    @Test
    void theHtmlReportHasChartsAndTheProblems(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("report.html");
        Result result = run("simulate", lab(), "--for", "8 min", "--format", "html", "-o", html.toString());
        assertEquals(VinfraCli.OK, result.exit(), result.err());
        String page = Files.readString(html);
        // one file: the data as JSON, the charts' script inlined (drawn in a browser by report/tests of org.vinfra.sim)
        assertTrue(page.contains("<script type=\"application/json\" id=\"vinfra-report-data\">"), "the data");
        assertTrue(page.contains("\"schema\": \"vinfra-simulation/1\"") && page.contains("sim.swapping"), "the JSON report, with the problems");
        assertTrue(page.contains("\"metric\": \"memory\", \"value\": "), "the hosts' memory capacities");
        assertTrue(page.contains("echarts") && !page.contains("src=\"http") && !page.contains("<link"), "the library inlined, nothing fetched");
    }

    @Test
    void failOnTurnsProblemsIntoAFailingExitCode() {
        assertEquals(VinfraCli.MODEL_ERRORS, run("simulate", lab(), "--for", "8 min", "--fail-on", "error").exit());
        assertEquals(VinfraCli.OK, run("simulate", lab(), "--for", "50 s", "--fail-on", "error").exit(), "nothing has gone wrong yet at 50 s");
    }

    @Test
    void aModelWithErrorsIsNotSimulatedAndBadOptionsAreExplained(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("bad.vinfra");
        Files.writeString(model, "vm v on nowhere { }\n");
        Result bad = run("simulate", model.toString());
        assertEquals(VinfraCli.MODEL_ERRORS, bad.exit());
        assertTrue(bad.err().contains("nothing simulated"), bad.err());
        Result duration = run("simulate", lab(), "--for", "soon");
        assertEquals(VinfraCli.USAGE_OR_IO, duration.exit());
        assertTrue(duration.err().contains("--for"), duration.err());
        assertEquals(VinfraCli.USAGE_OR_IO, run("simulate", lab(), "--format", "pdf").exit());
    }

    /**
     * Validation runs beside the simulation: a model whose errors do not keep it from being mapped and
     * simulated (a name given twice) is still refused with its errors, and nothing of the run is reported.
     */
    @Test
    void errorsFoundWhileSimulatingAreReportedInsteadOfTheRun(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("twice.vinfra");
        String text = """
                host h { cpu { cores 8 features vt-x } memory 32 GiB hypervisor kvm { overcommit { cpu 32 } } }
                vm web[1..200] on h { vcpus 1 memory 128 MiB }
                vm web207 on h { vcpus 1 memory 128 MiB }
                workload w[1..400] on web { instructions 5000 GI }
                """;
        Files.writeString(model, text);
        Result good = run("simulate", model.toString(), "--for", "10 h");
        assertEquals(VinfraCli.OK, good.exit(), good.all());
        assertTrue(good.out().contains("vm-up"), "the model without the clash simulates: " + good.out());
        Files.writeString(model, text.replace("web207", "web7"));
        Result bad = run("simulate", model.toString(), "--for", "10 h");
        assertEquals(VinfraCli.MODEL_ERRORS, bad.exit(), bad.all());
        assertTrue(bad.out().contains("twice.vinfra:3:4: error vinfra.duplicate-name"), bad.all());
        assertTrue(bad.out().lines().allMatch(line -> line.contains(": error ")), "only the errors, no report: " + bad.out());
        assertTrue(bad.err().contains("2 errors in the models: nothing simulated"), bad.err());
    }

    @Test
    void timelineActionsNameReplicasAndTheirNics(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("faults.vinfra");
        Files.writeString(model, """
                host node[1..2] { cpu { cores 4 features vt-x } memory 8 GiB nic eth0 { speed 1 Gbps } hypervisor kvm }
                network lan { mode bridged to node1.eth0 }
                vm a on node1 { vcpus 1 memory 1 GiB nic e on lan }
                vm b on node2 { vcpus 1 memory 1 GiB nic e on lan }
                workload sync on a { instructions 100 GI flow to b 100 Mbps }
                timeline {
                	at 40 s fail nic node2.eth0
                	at 45 s pause a
                	at 50 s resume a
                }
                """);
        Result result = run("simulate", model.toString(), "--for", "1 min", "--format", "json");
        assertEquals(VinfraCli.OK, result.exit(), result.err() + result.out());
        JsonNode report = new ObjectMapper().readTree(result.out());
        List<String> events = new ArrayList<>();
        report.get("timeline").forEach(e -> events.add(e.get("time").asInt() + " " + e.get("kind").asText() + " " + e.get("entity").asText()));
        assertTrue(events.contains("40 flow-cut sync"), events.toString());
        assertTrue(events.contains("45 pause a") && events.contains("50 resume a"), events.toString());
        List<String> problems = new ArrayList<>();
        report.get("problems").forEach(p -> problems.add(p.get("code").asText() + " " + p.get("entity").asText()));
        assertTrue(problems.contains("sim.nic-failed node2.eth0"), problems.toString());
    }
}
