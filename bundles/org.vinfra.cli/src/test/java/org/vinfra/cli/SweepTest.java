package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.cli.Cli.Result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** ./vinfra simulate --sweep: one run per combination, one row each, and errors that point at what is wrong in the argument. */
class SweepTest {

    @TempDir
    Path dir;
    private String model;

    /** Two hosts of 4 cores; VMs of 2 vCPUs placed first fit on them; one workload of 2 threads x 60 s per VM. */
    @BeforeEach
    void write() throws IOException {
        Path file = dir.resolve("cluster.vinfra");
        Files.writeString(file, """
                host node[1..2] { cpu { cores 4 frequency 1 GHz features vt-x } memory 32 GiB hypervisor kvm { overcommit { cpu 2.0 } } }
                vm web[1..4] on node { vcpus 2 memory 2 GiB }
                workload serve[1..4] on web { instructions 120 GI threads 2 }
                host db { cpu { cores 2 features vt-x } memory 8 GiB hypervisor kvm }
                """);
        model = file.toString();
    }

    private static JsonNode json(Result result) throws IOException {
        assertEquals(VinfraCli.OK, result.exit(), result.all());
        return new ObjectMapper().readTree(result.out());
    }

    /**
     * 4 and 6 VMs at CPU overcommit 1.0 and 2.0, placed first fit. At 1.0 a host takes 2 VMs (4 vCPUs
     * on 4 cores): 4 VMs run alone on their 2 cores (60 s of CPU per thread: 60 s / 0.98), and of 6
     * the 5th and 6th find no room. At 2.0 the first host takes 4 VMs (8 vCPUs): they share its 4
     * cores, each thread at half speed (120 s / 0.98).
     */
    @Test
    void eachCombinationIsOneRunOfTheModelAsVaried() throws IOException {
        JsonNode sweep = json(Cli.run("simulate", model, "--for", "5 min", "--format", "json", "--sweep", "replicas.web=4,6", "--sweep",
                "overcommit.cpu=1.0,2.0"));
        assertEquals("[\"replicas.web\",\"overcommit.cpu\"]", sweep.get("parameters").toString());
        List<String> combinations = new ArrayList<>();
        sweep.get("runs").forEach(run -> combinations.add(run.get("values").get("replicas.web").asText() + "/"
                + run.get("values").get("overcommit.cpu").asText()));
        assertEquals(List.of("4/1.0", "4/2.0", "6/1.0", "6/2.0"), combinations, "the last parameter varies fastest");
        JsonNode fourTight = sweep.get("runs").get(0);
        assertEquals(4, fourTight.get("finished").asInt());
        assertEquals(30 + 60 / 0.98, fourTight.get("lastFinish").asDouble(), 1e-5, fourTight.toString());
        JsonNode fourLoose = sweep.get("runs").get(1);
        assertEquals(30 + 120 / 0.98, fourLoose.get("lastFinish").asDouble(), 1e-5, fourLoose.toString());
        JsonNode sixTight = sweep.get("runs").get(2);
        assertEquals(2, sixTight.get("problems").get("sim.placement-failed").asInt(), sixTight.toString());
        assertEquals(4, sixTight.get("finished").asInt());
        JsonNode sixLoose = sweep.get("runs").get(3);
        assertTrue(sixLoose.get("problems").get("sim.placement-failed") == null, sixLoose.toString());
        assertEquals(4, sixLoose.get("finished").asInt(), "4 workloads go round robin over the 6 VMs");
        assertEquals(30 + 120 / 0.98, sixLoose.get("lastFinish").asDouble(), 1e-5, sixLoose.toString());
    }

    @Test
    void theTextTableHasOneRowPerRunAndTheHtmlPageATable() throws IOException {
        Result text = Cli.run("simulate", model, "--for", "5 min", "--sweep", "replicas.serve=1..3", "--sweep", "seed=1,2", "--jitter", "0.2");
        assertEquals(VinfraCli.OK, text.exit(), text.all());
        List<String> lines = text.out().lines().toList();
        assertTrue(lines.get(0).startsWith("vinfra sweep of cluster.vinfra: 6 runs"), lines.get(0));
        assertTrue(lines.get(1).matches("\\s+replicas\\.serve\\s+seed\\s+errors.*"), lines.get(1));
        assertEquals(8, lines.size(), text.out());
        assertTrue(lines.get(2).matches("\\s+1\\s+1\\s+0\\s+0\\s+1/1 .*"), lines.get(2));
        Path page = dir.resolve("sweep.html");
        Result html = Cli.run("simulate", model, "--for", "5 min", "--format", "html", "-o", page.toString(), "--sweep", "overcommit.memory=1.0,1.5");
        assertEquals(VinfraCli.OK, html.exit(), html.all());
        String written = Files.readString(page);
        // the page carries the sweep's JSON (the browser test of org.vinfra.sim's report/ draws it)
        assertTrue(written.contains("\"schema\": \"vinfra-sweep/1\"") && written.contains("{\"values\": {\"overcommit.memory\": \"1.5\"}"), written);
    }

    private void assertPointsAt(String argument, String caretUnder, String because) {
        Result result = Cli.run("simulate", model, "--sweep", argument);
        assertEquals(VinfraCli.USAGE_OR_IO, result.exit(), result.all());
        List<String> lines = result.err().lines().toList();
        assertTrue(lines.get(0).startsWith("vinfra: --sweep " + argument + ": ") && lines.get(0).contains(because), result.err());
        assertEquals("  --sweep " + argument, lines.get(1));
        int at = lines.get(1).indexOf(argument) + argument.indexOf(caretUnder);
        assertEquals(" ".repeat(at) + "^".repeat(caretUnder.length()), lines.get(2), result.err());
    }

    @Test
    void badParametersArePointedAtAndExplained() {
        assertPointsAt("overcommit.cpux=1.0", "overcommit.cpux", "a sweep varies overcommit.cpu, overcommit.memory, replicas.NAME");
        assertPointsAt("overcommit.cpu=1.0,0.5", "0.5", "an overcommit ratio is a number of at least 1.0");
        assertPointsAt("replicas.web=8..2", "8..2", "write the smaller bound first, e.g. 2..8");
        assertPointsAt("replicas.web=2..x", "2..x", "a range is FROM..TO of whole numbers");
        assertPointsAt("replicas.web=0,2", "0", "a replica count is a whole number of at least 1");
        assertPointsAt("replicas.db=2", "db", "'db' (cluster.vinfra:4) is not replicated");
        assertPointsAt("replicas.nope=2", "nope", "no replicated element named 'nope' (the models have node, web, serve)");
        assertPointsAt("seed=1..3", "seed", "Add --jitter");
        assertPointsAt("replicas.web", "replicas.web", "a sweep is PARAMETER=VALUES");
    }
}
