package org.vinfra.diagram.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.glsp.graph.GNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.diagram.Diagrams;
import org.vinfra.diagram.Models;
import org.vinfra.diagram.graph.TopologyDiagram;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The positions the user gave, in MODEL.vinfra.layout.json: kept, renamed with the element, written safely. */
class PositionSidecarTest {

    private static final String LAB = """
            host laptop {
            	cpu { cores 4 threads 2 features vt-x }
            	memory 16 GiB
            	nic wlan0
            	os "Debian 12"
            	hypervisor virtualbox
            }
            network natnet on laptop { mode nat cidr 10.0.2.0/24 }
            vm ubuntu on laptop { vcpus 2 memory 4 GiB nic nic1 on natnet ip 10.0.2.15 }
            vm web on laptop { vcpus 1 memory 2 GiB nic nic1 on natnet ip 10.0.2.16 }
            """;

    /** Loads the model, reconciles the sidecar, lays out with its positions, saves it: what a diagram editor does on open. */
    private static TopologyDiagram open(Path dir, String text, PositionSidecar sidecar) throws IOException {
        TopologyDiagram diagram = Models.text(dir, "lab.vinfra", text).diagram();
        sidecar.reconcile(diagram.graph());
        new TopologyLayout().layout(diagram.graph(), sidecar.positions());
        sidecar.save();
        return diagram;
    }

    private static Point at(TopologyDiagram diagram, String id) {
        GNode node = (GNode) Diagrams.element(diagram, id);
        return new Point(node.getPosition().getX(), node.getPosition().getY());
    }

    @Test
    void theSidecarSitsNextToTheModelAndKeepsWhatTheUserMoved(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("lab.vinfra");
        assertEquals(dir.resolve("lab.vinfra.layout.json"), PositionSidecar.pathFor(model));
        PositionSidecar sidecar = PositionSidecar.load(model);
        assertEquals(0, sidecar.size(), "no file yet: nothing pinned");
        TopologyDiagram diagram = open(dir, LAB, sidecar);
        assertFalse(Files.exists(PositionSidecar.pathFor(model)), "nothing pinned, no file");

        sidecar.pin(Diagrams.element(diagram, "vm:web"), 420, 300);
        sidecar.pin(Diagrams.element(diagram, "host:laptop"), 30, 40);
        sidecar.remember(diagram.graph());
        sidecar.save();
        JsonObject json = JsonParser.parseString(Files.readString(PositionSidecar.pathFor(model))).getAsJsonObject();
        assertEquals("vinfra-layout", json.get("format").getAsString());
        assertEquals(1, json.get("version").getAsInt());
        assertEquals(420.0, json.getAsJsonObject("positions").getAsJsonObject("vm:web").get("x").getAsDouble());
        assertEquals(List.of("vm:ubuntu", "vm:web"),
                json.getAsJsonObject("declarations").getAsJsonArray("lab.vinfra||vm").asList().stream().map(e -> e.getAsString()).toList());

        PositionSidecar reread = PositionSidecar.load(model);
        TopologyDiagram again = open(dir, LAB, reread);
        assertEquals(new Point(420, 300), at(again, "vm:web"));
        assertEquals(new Point(30, 40), at(again, "host:laptop"));
        TopologyLayoutTest.assertLaidOut(again.graph());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("lab.vinfra", "lab.vinfra.layout.json"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left behind");
        }
    }

    @Test
    void aRenameThroughTheDiagramMovesThePositionsOfTheElementAndItsParts(@TempDir Path dir) throws IOException {
        PositionSidecar sidecar = PositionSidecar.load(dir.resolve("lab.vinfra"));
        TopologyDiagram diagram = open(dir, LAB, sidecar);
        sidecar.pin(Diagrams.element(diagram, "host:laptop"), 10, 10);
        sidecar.pin(Diagrams.element(diagram, "host:laptop/nic:wlan0"), 500, 200);
        sidecar.pin(Diagrams.element(diagram, "vm:web"), 300, 260);
        sidecar.remember(diagram.graph());
        sidecar.save();

        assertTrue(sidecar.rename("host:laptop", "host:notebook"));
        sidecar.save();
        TopologyDiagram renamed = open(dir, LAB.replace("laptop", "notebook"), PositionSidecar.load(dir.resolve("lab.vinfra")));
        assertEquals(new Point(10, 10), at(renamed, "host:notebook"));
        assertEquals(new Point(500, 200), at(renamed, "host:notebook/nic:wlan0"), "the NIC's id changed with its host's");
        assertEquals(new Point(300, 260), at(renamed, "vm:web"), "others untouched");
        assertFalse(sidecar.rename("host:nothing", "host:other"));
    }

    @Test
    void aRenameInTheTextKeepsThePosition(@TempDir Path dir) throws IOException {
        PositionSidecar sidecar = PositionSidecar.load(dir.resolve("lab.vinfra"));
        TopologyDiagram diagram = open(dir, LAB, sidecar);
        sidecar.pin(Diagrams.element(diagram, "vm:web"), 333, 222);
        sidecar.pin(Diagrams.element(diagram, "host:laptop/nic:wlan0"), 480, 180);
        sidecar.remember(diagram.graph());
        sidecar.save();

        // the user renames web to www and laptop to notebook in the editor, and the file is opened again
        PositionSidecar reread = PositionSidecar.load(dir.resolve("lab.vinfra"));
        String edited = LAB.replace("vm web", "vm www").replace("laptop", "notebook");
        TopologyDiagram renamed = Models.text(dir, "lab.vinfra", edited).diagram();
        Map<String, String> renames = reread.reconcile(renamed.graph());
        assertEquals(Map.of("vm:web", "vm:www", "host:laptop", "host:notebook"), renames);
        new TopologyLayout().layout(renamed.graph(), reread.positions());
        assertEquals(new Point(333, 222), at(renamed, "vm:www"));
        assertEquals(new Point(480, 180), at(renamed, "host:notebook/nic:wlan0"));
        reread.save();
        assertEquals(Optional.of(new Point(333, 222)), PositionSidecar.load(dir.resolve("lab.vinfra")).position("vm:www"));
        assertEquals(Optional.empty(), PositionSidecar.load(dir.resolve("lab.vinfra")).position("vm:web"));
    }

    @Test
    void aRenameIsRecognisedOnlyWhenItIsUnambiguous(@TempDir Path dir) throws IOException {
        PositionSidecar sidecar = PositionSidecar.load(dir.resolve("lab.vinfra"));
        TopologyDiagram diagram = open(dir, LAB, sidecar);
        sidecar.pin(Diagrams.element(diagram, "vm:web"), 333, 222);
        sidecar.remember(diagram.graph());

        // web deleted, ubuntu stays: web's position must not go to anyone
        PositionSidecar deleted = copy(sidecar, dir);
        TopologyDiagram without = Models.text(dir, "lab.vinfra", LAB.replace("vm web on laptop { vcpus 1 memory 2 GiB nic nic1 on natnet ip 10.0.2.16 }", ""))
                .diagram();
        assertEquals(Map.of(), deleted.reconcile(without.graph()));
        assertEquals(0, deleted.size(), "the position of a deleted element is forgotten");

        // web deleted and a VM added first: same kind, but not at web's place in the text
        PositionSidecar moved = copy(sidecar, dir);
        TopologyDiagram reordered = Models.text(dir, "lab.vinfra", LAB.replace("vm web on laptop { vcpus 1 memory 2 GiB nic nic1 on natnet ip 10.0.2.16 }", "")
                .replace("vm ubuntu", "vm fresh on laptop { vcpus 1 memory 1 GiB }\nvm ubuntu")).diagram();
        assertEquals(Map.of(), moved.reconcile(reordered.graph()));

        // both VMs renamed at once: which is which cannot be told
        PositionSidecar both = copy(sidecar, dir);
        TopologyDiagram twice = Models.text(dir, "lab.vinfra", LAB.replace("vm web", "vm one").replace("vm ubuntu", "vm two")).diagram();
        assertEquals(Map.of(), both.reconcile(twice.graph()));
    }

    @Test
    void replicasFollowTheirGroupWhenItIsRenamed(@TempDir Path dir) throws IOException {
        String text = """
                host h { cpu { cores 16 features vt-x } memory 64 GiB hypervisor kvm }
                vm app[1..3] on h { vcpus 1 memory 1 GiB }
                """;
        Models.Loaded loaded = Models.text(dir, "lab.vinfra", text);
        TopologyDiagram expanded = loaded.diagram("vm:app");
        PositionSidecar sidecar = PositionSidecar.empty(dir.resolve("lab.vinfra"));
        sidecar.pin(Diagrams.element(expanded, "vm:app2"), 200, 90);
        sidecar.remember(expanded.graph());
        TopologyDiagram renamed = Models.text(dir, "lab.vinfra", text.replace("app[", "api[")).diagram("vm:api");
        assertEquals(Map.of("vm:app", "vm:api"), sidecar.reconcile(renamed.graph()));
        assertEquals(Optional.of(new Point(200, 90)), sidecar.position("vm:api2"));
        new TopologyLayout().layout(renamed.graph(), sidecar.positions());
        assertEquals(new Point(200, 90), at(renamed, "vm:api2"));
    }

    @Test
    void aBrokenSidecarIsReportedNotIgnored(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("lab.vinfra");
        Files.writeString(PositionSidecar.pathFor(model), "{ not json");
        IOException broken = assertThrows(IOException.class, () -> PositionSidecar.load(model));
        assertTrue(broken.getMessage().contains("lab.vinfra.layout.json"), broken.getMessage());
        Files.writeString(PositionSidecar.pathFor(model), "{\"something\": \"else\"}");
        IOException other = assertThrows(IOException.class, () -> PositionSidecar.load(model));
        assertTrue(other.getMessage().contains("not a vinfra layout file"), other.getMessage());
    }

    private static PositionSidecar copy(PositionSidecar sidecar, Path dir) throws IOException {
        sidecar.save();
        Path other = Files.createTempDirectory(dir, "copy").resolve("lab.vinfra");
        Files.copy(sidecar.file(), PositionSidecar.pathFor(other));
        return PositionSidecar.load(other);
    }
}
