package org.vinfra.diagram.server.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.glsp.graph.GModelElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.diagram.graph.TopologyGraphBuilder;
import org.vinfra.diagram.server.HeadlessSession;
import org.vinfra.diagram.server.text.DiagramWorkspace;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;
import org.vinfra.sim.engine.SimulationOptions;
import org.vinfra.sim.engine.StackSimulation;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.lang.ModelToSimulation;
import org.vinfra.sim.results.SimulationResult;

/**
 * A run of examples/overload-lab.vinfra laid over its diagram: each problem on the element it concerns,
 * loads worked out by hand, replicas collapsed and expanded, the overlay in the drawing, and the re-run
 * when the text changes.
 */
class SimulationOverlaysTest {

    private static final Path LAB = Path.of("../../examples/overload-lab.vinfra");
    private static final double GIB = 1L << 30;
    private static final double MIB = 1L << 20;

    @TempDir
    Path folder;

    private record Run(ModelSet models, List<Problem> problems, SimModel model, SimulationResult result) {
        TopologyDiagram diagram(Set<String> expanded) {
            return new TopologyGraphBuilder(expanded).build(models, problems);
        }

        SimulationOverlay overlay(Set<String> expanded) {
            return SimulationOverlays.map(model, result, diagram(expanded));
        }
    }

    private static Run run(Path file) throws Exception {
        ModelSet models = HeadlessSession.language().getInstance(ModelSet.class);
        models.load(List.of(file));
        List<Problem> problems = models.validate();
        SimModel model = ModelToSimulation.map(models.models());
        SimulationResult result = new StackSimulation(model, SimulationOptions.defaults(480)).run(t -> {
        });
        return new Run(models, problems, model, result);
    }

    private static Map<String, List<String>> codesByElement(SimulationOverlay overlay) {
        return overlay.findings().stream().collect(Collectors.groupingBy(SimulationOverlay.Finding::elementId,
                Collectors.mapping(SimulationOverlay.Finding::code, Collectors.toList())));
    }

    /** The value at the sample nearest to t. */
    private static double at(SimulationOverlay overlay, double[] values, double t) {
        int best = 0;
        for (int i = 0; i < overlay.times().length; i++) {
            if (Math.abs(overlay.times()[i] - t) < Math.abs(overlay.times()[best] - t)) {
                best = i;
            }
        }
        return values[best];
    }

    @Test
    void everyProblemGoesToTheElementItConcerns() throws Exception {
        Run run = run(LAB);
        SimulationOverlay overlay = run.overlay(Set.of());
        Map<String, List<String>> codes = codesByElement(overlay);
        assertEquals(List.of("sim.oom-kill", "sim.oom-kill", "sim.oom-kill", "sim.oom-kill", "sim.oom-kill", "sim.oom-kill", "sim.crash-loop"),
                codes.get("container:cache"));
        assertEquals(List.of("sim.unreachable"), codes.get("container:web"), "a workload's problem goes to what runs it");
        assertEquals(List.of("sim.host-failed"), codes.get("host:node2"));
        assertEquals(List.of("sim.deadline-missed", "sim.deadline-missed", "sim.cpu-contention", "sim.cpu-contention"), codes.get("vm:batch"),
                "the replicas' problems go to the collapsed group");
        assertEquals(run.result().problems().size(), overlay.findings().size());
        SimulationOverlay.Finding failed = overlay.findings().stream().filter(f -> f.code().equals("sim.host-failed")).findFirst().orElseThrow();
        assertEquals(300, failed.time());
        assertEquals("error", failed.severity());
        assertTrue(failed.message().startsWith("Host 'node2' failed: its VMs and containers stopped."), failed.message());
        SimulationOverlay.Finding oom = overlay.findings().get(0);
        assertTrue(oom.message().contains("Raise the limit or reduce the working set"), "the simulator's advice comes along: " + oom.message());
    }

    @Test
    void expandedReplicasHaveTheirOwnLoadsAndProblems() throws Exception {
        Run run = run(LAB);
        SimulationOverlay collapsed = run.overlay(Set.of());
        assertEquals(2, collapsed.loads().get("vm:batch").replicas());
        assertFalse(collapsed.loads().containsKey("vm:batch1"));

        SimulationOverlay expanded = run.overlay(Set.of("vm:batch"));
        Map<String, List<String>> codes = codesByElement(expanded);
        assertEquals(List.of("sim.deadline-missed", "sim.cpu-contention"), codes.get("vm:batch1"));
        assertEquals(List.of("sim.deadline-missed", "sim.cpu-contention"), codes.get("vm:batch2"));
        assertEquals(1, expanded.loads().get("vm:batch1").replicas());
        assertEquals("up", Phases.stateAt(expanded.phases().get("vm:batch1"), 100));
    }

    @Test
    void loadsAsWorkedOutByHand() throws Exception {
        SimulationOverlay overlay = run(LAB).overlay(Set.of());
        SimulationOverlay.Load batch = overlay.loads().get("vm:batch");
        // crunch runs from 30 s to 390 s: 256 MiB of guest OS + 4 GiB of working set in a 5 GiB VM
        assertEquals((256 * MIB + 4 * GIB) / (5 * GIB), at(overlay, batch.memory(), 100), 1e-9);
        assertEquals(256 * MIB / (5 * GIB), at(overlay, batch.memory(), 420), 1e-9, "only the guest OS once crunch is done");
        assertEquals(0, at(overlay, batch.memory(), 10), "not booted yet");
        assertEquals("4 vCPUs", batch.cpuCapacity());
        assertEquals("5 GiB", batch.memoryCapacity());
        // 10 vCPUs want 4 + 4 + the containers' on 4 cores: each batch VM gets a share, less than all it wants
        double batchCpu = at(overlay, batch.cpu(), 100);
        assertTrue(batchCpu > 0.2 && batchCpu < 0.8, "contended: " + batchCpu);

        SimulationOverlay.Load node1 = overlay.loads().get("host:node1");
        assertTrue(at(overlay, node1.cpu(), 100) > 0.99, "all 4 cores busy");
        // at 100 s: 2 x 4.25 GiB (batch) + app's 256 MiB OS + web's 128 MiB (cache is down: crash loop) of 12 GiB
        assertEquals((2 * (256 * MIB + 4 * GIB) + 256 * MIB + 128 * MIB) / (12 * GIB), at(overlay, node1.memory(), 100), 1e-9);
        assertEquals("4 logical CPUs", node1.cpuCapacity());

        SimulationOverlay.Load web = overlay.loads().get("container:web");
        assertEquals(0.6, at(overlay, web.cpu(), 100), 1e-9, "utilisation 0.6 of its 1-CPU quota");
        assertEquals(128 * MIB / (256 * MIB), at(overlay, web.memory(), 100), 1e-9);
        assertEquals("limit 256 MiB", web.memoryCapacity());

        SimulationOverlay.Load node2 = overlay.loads().get("host:node2");
        assertEquals(0, at(overlay, node2.cpu(), 400), "failed at 300 s");
        assertEquals("down", Phases.stateAt(overlay.phases().get("host:node2"), 400));
        assertEquals("up", Phases.stateAt(overlay.phases().get("host:node2"), 299));
        assertEquals("down", Phases.stateAt(overlay.phases().get("container:cache"), 100), "killed, then a crash loop");
        assertEquals("off", Phases.stateAt(overlay.phases().get("vm:app"), 10));
    }

    @Test
    void theOverlayTravelsInTheDrawing() throws Exception {
        Path file = Files.copy(LAB, folder.resolve("lab.vinfra"));
        SimulationOverlayService service = new SimulationOverlayService();
        try (DiagramWorkspace workspace = new DiagramWorkspace(HeadlessSession.language(), List.of(file));
                HeadlessSession session = new HeadlessSession(workspace, service)) {
            assertFalse(session.root().getArgs().containsKey(SimulationOverlay.ROOT_ARG), "no overlay until one is shown");
            Run run = run(file);
            service.showSimulation(run.model(), run.result());
            session.dispatch(new org.vinfra.diagram.server.glsp.ReloadModelAction());
            String json = (String) session.root().getArgs().get(SimulationOverlay.ROOT_ARG);
            SimulationOverlay overlay = SimulationOverlay.fromJson(json);
            assertEquals(SimulationOverlay.Status.SHOWN, overlay.status());
            assertEquals(480, overlay.duration());
            assertTrue(overlay.loads().containsKey("host:node1"));
            GModelElement load = session.element("vm:batch#load");
            assertEquals(SimulationOverlayService.LOAD_LABEL, load.getType());
            assertTrue(session.element("vm:batch").getCssClasses().contains(SimulationOverlay.CSS_SIMULATED));

            service.markStale("the text changed since the run");
            session.dispatch(new org.vinfra.diagram.server.glsp.ReloadModelAction());
            overlay = SimulationOverlay.fromJson((String) session.root().getArgs().get(SimulationOverlay.ROOT_ARG));
            assertEquals(SimulationOverlay.Status.STALE, overlay.status());
            assertEquals("the text changed since the run", overlay.note());
            assertTrue(overlay.loads().containsKey("host:node1"), "a stale run stays shown");

            service.clearSimulation();
            session.dispatch(new org.vinfra.diagram.server.glsp.ReloadModelAction());
            assertFalse(session.root().getArgs().containsKey(SimulationOverlay.ROOT_ARG));
            assertFalse(session.has("vm:batch#load"));
        }
    }

    @Test
    void aChangedTextIsSimulatedAgainAndErrorsMarkItStale() throws Exception {
        Path file = Files.copy(LAB, folder.resolve("lab.vinfra"));
        SimulationOverlayService service = new SimulationOverlayService();
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (DiagramWorkspace workspace = new DiagramWorkspace(HeadlessSession.language(), List.of(file));
                LiveSimulation live = LiveSimulation.start(workspace, service, SimulationOptions.defaults(480), log::add)) {
            workspace.snapshot();
            waitFor(() -> log.size() == 1);
            assertEquals(1, live.runs());
            assertTrue(service.result().orElseThrow().problems().stream().anyMatch(p -> p.code().equals("sim.oom-kill")));
            assertTrue(log.get(0).startsWith("simulated 8 min in "), log.toString());

            // a cache limit that holds its working set: no OOM kill in the next run
            Files.writeString(file, Files.readString(file).replace("memory 512 MiB", "memory 1 GiB"));
            workspace.checkDisk();
            waitFor(() -> log.size() == 2);
            assertEquals(2, live.runs());
            assertTrue(service.result().orElseThrow().problems().stream().noneMatch(p -> p.code().equals("sim.oom-kill")));
            TopologyDiagram diagram = run(file).diagram(Set.of());
            assertEquals(SimulationOverlay.Status.SHOWN, service.overlayFor(diagram).orElseThrow().status());

            // an error: not simulated, the last run stays, marked stale with the error
            Files.writeString(file, Files.readString(file).replace("vcpus 4", "vcpus 64"));
            workspace.checkDisk();
            waitFor(() -> SimulationOverlay.Status.STALE.equals(service.overlayFor(diagram).orElseThrow().status()));
            SimulationOverlay stale = service.overlayFor(diagram).orElseThrow();
            // 64 vCPUs on each batch replica: two errors (vCPUs above the host's CPUs, and the overcommit limit)
            assertTrue(stale.note().startsWith("the model has 2 errors, so it is not simulated again (first: "), stale.note());
            assertTrue(stale.note().contains("lab.vinfra:"), "the error as validate prints it: " + stale.note());
            assertTrue(stale.note().endsWith("fix them to simulate again"), stale.note());
            assertFalse(stale.loads().isEmpty());
            assertEquals(2, live.runs());
        }
    }

    /** A drawing of a file whose VMs run on hosts of a file it imports simulates those hosts too, as ./vinfra simulate does. */
    @Test
    void theLiveSimulationIncludesTheImportedFiles() throws Exception {
        Path hosts = Files.copy(Path.of("../../examples/multi-file/hosts.vinfra"), folder.resolve("hosts.vinfra"));
        Path vms = Files.copy(Path.of("../../examples/multi-file/vms.vinfra"), folder.resolve("vms.vinfra"));
        assertTrue(Files.exists(hosts));
        SimulationOverlayService service = new SimulationOverlayService();
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (DiagramWorkspace workspace = new DiagramWorkspace(HeadlessSession.language(), List.of(vms));
                LiveSimulation live = LiveSimulation.start(workspace, service, SimulationOptions.defaults(120), log::add)) {
            workspace.snapshot();
            waitFor(() -> log.size() == 1);
            SimulationResult result = service.result().orElseThrow();
            List<String> up = result.timeline().stream().filter(event -> event.kind().equals("vm-up")).map(SimulationResult.Event::entity).toList();
            assertTrue(up.contains("edge") && up.contains("worker40"), "the VMs boot on the imported file's hosts: " + up);
            assertTrue(result.timeline().stream().anyMatch(event -> event.kind().equals("power-on") && event.entity().equals("rack1")),
                    "the imported hosts are simulated: " + log);
        }
    }

    @Test
    void withoutARunAStaleMarkSaysWhyThereIsNone() throws Exception {
        SimulationOverlayService service = new SimulationOverlayService();
        TopologyDiagram diagram = run(LAB).diagram(Set.of());
        assertTrue(service.overlayFor(diagram).isEmpty());
        service.markStale("the model has errors");
        SimulationOverlay overlay = service.overlayFor(diagram).orElseThrow();
        assertEquals(SimulationOverlay.Status.FAILED, overlay.status());
        assertEquals("the model has errors", overlay.note());
        assertTrue(overlay.loads().isEmpty());
        assertNull(service.result().orElse(null));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
