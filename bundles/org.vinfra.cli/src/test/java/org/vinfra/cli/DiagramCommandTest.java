package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.cli.Cli.Result;
import org.w3c.dom.Document;

/** ./vinfra diagram FILE... --svg OUT.svg as a user runs it. */
class DiagramCommandTest {

    private static Result run(String... args) {
        return Cli.run(args);
    }

    private static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(svg)));
    }

    @Test
    void everyExampleIsDrawn(@TempDir Path dir) throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.walk(Cli.root().resolve("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".vinfra")).sorted().toList();
        }
        for (Path example : examples) {
            Path svg = dir.resolve(example.getFileName() + ".svg");
            Result result = run("diagram", example.toString(), "--svg", svg.toString());
            assertEquals(VinfraCli.OK, result.exit(), result.all());
            assertTrue(result.err().contains("wrote " + svg), result.err());
            assertEquals("svg", parse(svg).getDocumentElement().getLocalName());
        }
        String kvm = Files.readString(dir.resolve("kvm-sriov-server.vinfra.svg"));
        for (String name : List.of("server1", "web", "db", "ml", "datacenter", "eno1", "eno2", "local", "gpu0", "192.168.10.20")) {
            assertTrue(kvm.contains(">" + name + "</text>"), name + " is written");
        }
        assertTrue(run("diagram", Cli.root().resolve("examples/kvm-sriov-server.vinfra").toString(), "--svg", dir.resolve("k.svg").toString()).err()
                .contains("(1 host, 22 VMs, 1 network)"), "the summary counts replicas");
    }

    @Test
    void modelErrorsArePrintedLikeValidateAndStillDrawn(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("lab.vinfra");
        Files.writeString(model, "host h {\n  memory 4 GiB\n}\nvm v on h {\n  vcpus 4\n}\n");
        Path svg = dir.resolve("lab.svg");
        Result drawn = run("diagram", model.toString(), "--svg", svg.toString());
        Result validated = run("validate", model.toString());
        assertEquals(VinfraCli.MODEL_ERRORS, drawn.exit(), drawn.all());
        assertEquals(validated.out(), drawn.out(), "the same FILE:LINE:COL lines as validate");
        assertTrue(drawn.out().contains(model + ":4:9: error vinfra.vm-without-hypervisor: "), drawn.out());
        assertTrue(drawn.err().contains("2 errors"), drawn.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("class=\"marker error\""), "the errors are on the drawing");
        assertTrue(text.contains("vinfra.vcpus-exceed-host"));
        parse(svg);
    }

    @Test
    void syntaxErrorsDrawNothingAndLeaveTheOldDrawing(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("broken.vinfra");
        Files.writeString(model, "host h {\n  memory 4 GiB\n");
        Path svg = dir.resolve("old.svg");
        Files.writeString(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        Result result = run("diagram", model.toString(), "--svg", svg.toString());
        assertEquals(VinfraCli.MODEL_ERRORS, result.exit(), result.all());
        assertTrue(result.out().contains(model + ":"), result.out());
        assertTrue(result.out().contains("vinfra.syntax-error"), result.out());
        assertTrue(result.err().contains("nothing drawn"), result.err());
        assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", Files.readString(svg));
    }

    @Test
    void usageAndIoProblemsExitWith2(@TempDir Path dir) throws IOException {
        String lab = Cli.root().resolve("examples/virtualbox-laptop-lab.vinfra").toString();
        // without --svg the command serves the live editor (browser tests: client/tests of org.vinfra.diagram.server);
        // a file it cannot read is the same one-line error
        Result noFile = run("diagram", dir.resolve("missing.vinfra").toString());
        assertEquals(VinfraCli.USAGE_OR_IO, noFile.exit());
        assertTrue(noFile.err().contains("missing.vinfra: no such file"), noFile.err());
        assertEquals(VinfraCli.USAGE_OR_IO, run("diagram", "--svg", dir.resolve("x.svg").toString()).exit(), "no file");
        Result missing = run("diagram", dir.resolve("missing.vinfra").toString(), "--svg", dir.resolve("x.svg").toString());
        assertEquals(VinfraCli.USAGE_OR_IO, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path notAFolder = dir.resolve("file.txt");
        Files.writeString(notAFolder, "x");
        Result unwritable = run("diagram", lab, "--svg", notAFolder.resolve("out.svg").toString());
        assertEquals(VinfraCli.USAGE_OR_IO, unwritable.exit(), unwritable.all());
        assertTrue(unwritable.err().contains("cannot write"), unwritable.err());
        assertFalse(unwritable.all().contains("\tat "), "no stack trace");
    }

    @Test
    void simulationOptionsNeedTheEditorAndSimulate(@TempDir Path dir) {
        // the overlay itself is tested in a browser (client/tests/simulation.test.mjs of org.vinfra.diagram.server)
        String lab = Cli.root().resolve("examples/overload-lab.vinfra").toString();
        Result forWithout = run("diagram", lab, "--for", "8", "min");
        assertEquals(VinfraCli.USAGE_OR_IO, forWithout.exit());
        assertEquals("vinfra: --for sets up the simulation shown over the diagram: add --simulate", forWithout.err().strip());
        Result seedWithout = run("diagram", lab, "--seed", "3");
        assertEquals(VinfraCli.USAGE_OR_IO, seedWithout.exit());
        assertTrue(seedWithout.err().contains("--seed sets up the simulation"), seedWithout.err());
        Result svg = run("diagram", lab, "--simulate", "--svg", dir.resolve("x.svg").toString());
        assertEquals(VinfraCli.USAGE_OR_IO, svg.exit());
        assertTrue(svg.err().contains("an SVG has no time slider"), svg.err());
        assertFalse(Files.exists(dir.resolve("x.svg")));
        Result badDuration = run("diagram", lab, "--simulate", "--for", "soon");
        assertEquals(VinfraCli.USAGE_OR_IO, badDuration.exit(), badDuration.all());
        assertTrue(badDuration.err().startsWith("vinfra: --for: "), "as vinfra simulate says it: " + badDuration.err());
        assertFalse(badDuration.all().contains("\tat "), "no stack trace");
    }

    @Test
    void replicasExpandOnRequest(@TempDir Path dir) throws IOException {
        String kvm = Cli.root().resolve("examples/kvm-sriov-server.vinfra").toString();
        Path collapsed = dir.resolve("collapsed.svg");
        Path expanded = dir.resolve("expanded.svg");
        assertEquals(VinfraCli.OK, run("diagram", kvm, "--svg", collapsed.toString()).exit());
        assertEquals(VinfraCli.OK, run("diagram", kvm, "--svg", expanded.toString(), "--expand", "vm:web").exit());
        assertFalse(Files.readString(collapsed).contains(">web17</text>"));
        assertTrue(Files.readString(expanded).contains(">web17</text>"));
        Path all = dir.resolve("all.svg");
        assertEquals(VinfraCli.OK, run("diagram", Cli.root().resolve("examples/multi-file/vms.vinfra").toString(), "--svg", all.toString(), "-e", "all").exit());
        assertTrue(Files.readString(all).contains(">rack3</text>") && Files.readString(all).contains(">worker40</text>"));
    }

    @Test
    void savedPositionsAreUsedAndABrokenFileIsReported(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("lab.vinfra");
        Files.copy(Cli.root().resolve("examples/virtualbox-laptop-lab.vinfra"), model);
        Path before = dir.resolve("before.svg");
        assertEquals(VinfraCli.OK, run("diagram", model.toString(), "--svg", before.toString()).exit());
        Files.writeString(dir.resolve("lab.vinfra.layout.json"), """
                { "format": "vinfra-layout", "version": 1, "positions": { "vm:web": { "x": 612.0, "y": 733.0 } } }
                """);
        Path after = dir.resolve("after.svg");
        Result pinned = run("diagram", model.toString(), "--svg", after.toString());
        assertEquals(VinfraCli.OK, pinned.exit(), pinned.all());
        assertFalse(Files.readString(before).equals(Files.readString(after)), "the pinned VM moved");
        assertEquals("{ \"format\": \"vinfra-layout\", \"version\": 1, \"positions\": { \"vm:web\": { \"x\": 612.0, \"y\": 733.0 } } }\n",
                Files.readString(dir.resolve("lab.vinfra.layout.json")), "diagram never writes the positions file");
        Files.writeString(dir.resolve("lab.vinfra.layout.json"), "{ broken");
        Result broken = run("diagram", model.toString(), "--svg", after.toString());
        assertEquals(VinfraCli.OK, broken.exit(), broken.all());
        assertTrue(broken.err().contains("the saved positions are not used") && broken.err().contains("lab.vinfra.layout.json"), broken.err());
        assertEquals(Files.readString(before), Files.readString(after), "drawn as if there were none");
    }

    @Test
    void theDiagramBenchmarkRunsOnSmallModels() {
        Result result = run("benchmark", "diagram", "--lab", Cli.root().resolve("examples/kvm-sriov-server.vinfra").toString(), "--hosts", "20",
                "--vms", "100", "--warmup", "0", "--rounds", "1");
        assertEquals(VinfraCli.OK, result.exit(), result.all());
        assertTrue(result.out().contains("first render (graph + layout + SVG)"), result.out());
        assertTrue(result.out().contains("20 hosts, 100 VMs as replicas (collapsed)"), result.out());
        assertTrue(result.out().contains("warm: median"), result.out());
        assertFalse(new String(result.all().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("internal error"));
    }
}
