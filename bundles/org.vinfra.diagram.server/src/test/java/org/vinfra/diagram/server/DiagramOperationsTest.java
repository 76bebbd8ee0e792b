package org.vinfra.diagram.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.glsp.graph.GBoundsAware;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GPoint;
import org.eclipse.glsp.graph.util.GraphUtil;
import org.eclipse.glsp.server.features.directediting.ApplyLabelEditOperation;
import org.eclipse.glsp.server.features.directediting.RequestEditValidationAction;
import org.eclipse.glsp.server.features.directediting.SetEditValidationResultAction;
import org.eclipse.glsp.server.features.directediting.LabelEditValidator;
import org.eclipse.glsp.server.features.undoredo.RedoAction;
import org.eclipse.glsp.server.features.undoredo.UndoAction;
import org.eclipse.glsp.server.operations.ChangeBoundsOperation;
import org.eclipse.glsp.server.operations.CreateEdgeOperation;
import org.eclipse.glsp.server.operations.CreateNodeOperation;
import org.eclipse.glsp.server.operations.DeleteOperation;
import org.eclipse.glsp.server.operations.ReconnectEdgeOperation;
import org.eclipse.glsp.server.types.ElementAndBounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.diagram.server.glsp.Pinning;

/**
 * Each diagram operation through GLSP's action dispatcher, on files full of comments: the exact text
 * written, the undo step, and what the user is told.
 */
class DiagramOperationsTest {

    static final String MODEL = """
            // The test lab: two hosts, two networks, one VM.
            // Comments sit next to every element.

            // first host
            host h1 { // the left one
            	cpu {
            		cores 4
            		threads 2
            		features vt-x
            	}
            	memory 32 GiB
            	hypervisor kvm
            }

            /* second host */
            host h2 {
            	cpu {
            		cores 4
            		threads 2
            		features vt-x
            	}
            	memory 32 GiB
            	hypervisor kvm
            }

            // the lab network
            network lan {
            	cidr 10.0.0.0/24 // private
            }

            # the backup network
            network backup {
            	cidr 10.0.1.0/24
            }

            // a web server
            vm web on h1 {
            	vcpus 2 // two of them
            	memory 2 GiB
            }
            """;

    @TempDir
    Path folder;

    private Path model() throws Exception {
        Path file = folder.resolve("lab.vinfra");
        Files.writeString(file, MODEL);
        return file;
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file);
    }

    @Test
    void createVmInHostAppendsItAndPinsWhereItWasDropped() throws Exception {
        Path file = model();
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            GModelElement host = glsp.element("host:h1");
            GPoint hostAt = ((GBoundsAware) host).getPosition();
            glsp.dispatch(new CreateNodeOperation("node:vm", GraphUtil.point(hostAt.getX() + 40, hostAt.getY() + 200), "host:h1"));
            assertEquals(MODEL + "\nvm vm1 on h1 {\n\tvcpus 1\n\tmemory 1 GiB\n}\n", read(file));
            assertTrue(glsp.has("vm:vm1"));
            assertEquals(List.of("vm:vm1"), List.copyOf(Pinning.read(read(Pinning.sidecarOf(file))).keySet()));
            assertEquals(40, Pinning.read(read(Pinning.sidecarOf(file))).get("vm:vm1").x(), 0.5);
            glsp.dispatch(new UndoAction());
            assertEquals(MODEL, read(file));
            assertFalse(Files.exists(Pinning.sidecarOf(file)), "undo takes the pinned position back too");
            assertFalse(glsp.has("vm:vm1"));
            glsp.dispatch(new RedoAction());
            assertTrue(read(file).endsWith("vm vm1 on h1 {\n\tvcpus 1\n\tmemory 1 GiB\n}\n"));
        }
    }

    @Test
    void createVmOutsideHostsIsRefusedWithTheReason() throws Exception {
        Path file = model();
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            glsp.messages();
            glsp.dispatch(new CreateNodeOperation("node:vm", GraphUtil.point(5000, 5000), "topology"));
            assertEquals(MODEL, read(file));
            assertTrue(glsp.messages().stream().anyMatch(m -> m.startsWith("WARNING: Drop the VM onto a host")));
        }
    }

    @Test
    void createHostNetworkAndContainer() throws Exception {
        Path file = model();
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            glsp.dispatch(new CreateNodeOperation("node:host", GraphUtil.point(900, 20), "topology"));
            String host = read(file);
            assertEquals(MODEL + "\nhost host1 {\n\tcpu {\n\t\tsockets 1\n\t\tcores 4\n\t\tfeatures vt-x\n\t}\n\tmemory 16 GiB\n\thypervisor kvm {\n\t}\n}\n", host);
            glsp.dispatch(new CreateNodeOperation("node:network", GraphUtil.point(900, 400), "topology"));
            assertEquals(host + "\nnetwork net1 {\n}\n", read(file));
            glsp.dispatch(new UndoAction());
            glsp.dispatch(new UndoAction());
            assertEquals(MODEL, read(file));
        }
    }

    @Test
    void vnicEdgeFromVmToNetworkAddsANic() throws Exception {
        Path file = model();
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            glsp.dispatch(new CreateEdgeOperation("edge:vnic", "vm:web", "network:lan"));
            String expected = MODEL.replace("\tmemory 2 GiB\n}", "\tmemory 2 GiB\n\tnic eth0 on lan\n}");
            assertEquals(expected, read(file));
            assertTrue(glsp.has("vm:web/nic:eth0->network:lan"), "the diagram shows the new edge");
            // reconnect the edge to the backup network: only the network's name changes
            glsp.dispatch(new ReconnectEdgeOperation("vm:web/nic:eth0->network:lan", "vm:web/nic:eth0", "network:backup"));
            assertEquals(expected.replace("nic eth0 on lan", "nic eth0 on backup"), read(file));
            // the same drop reported twice (GLSP's edge tool and the client's drop listener): nothing more, no warning
            glsp.messages();
            glsp.dispatch(new ReconnectEdgeOperation("vm:web/nic:eth0->network:lan", "vm:web/nic:eth0", "network:backup"));
            assertEquals(expected.replace("nic eth0 on lan", "nic eth0 on backup"), read(file));
            assertTrue(glsp.messages().stream().noneMatch(m -> m.startsWith("WARNING")));
            // delete the edge: the nic line goes
            glsp.dispatch(new DeleteOperation(List.of("vm:web/nic:eth0->network:backup")));
            assertEquals(MODEL, read(file));
            glsp.dispatch(new UndoAction());
            glsp.dispatch(new UndoAction());
            assertEquals(expected, read(file));
        }
    }

    @Test
    void deletingANetworkRemovesItsVnicsAndSaysSo() throws Exception {
        Path file = model();
        Files.writeString(file, MODEL.replace("\tmemory 2 GiB\n}", "\tmemory 2 GiB\n\tnic eth0 on lan // uplink\n}"));
        String before = read(file);
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            glsp.messages();
            glsp.dispatch(new DeleteOperation(List.of("network:lan")));
            String after = read(file);
            assertFalse(after.contains("network lan"), after);
            assertFalse(after.contains("nic eth0 on lan"), after);
            assertTrue(after.contains("// a web server\nvm web on h1 {"), "comments elsewhere stay: " + after);
            assertTrue(after.contains("# the backup network"), after);
            List<String> messages = glsp.messages();
            assertTrue(messages.stream().anyMatch(m -> m.startsWith("INFO:") && m.contains("eth0")), messages.toString());
            glsp.dispatch(new UndoAction());
            assertEquals(before, read(file));
        }
    }

    @Test
    void deletingAHostWithVmsIsRefusedAndTheFileIsUntouched() throws Exception {
        Path file = model();
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            glsp.messages();
            glsp.dispatch(new DeleteOperation(List.of("host:h1")));
            assertEquals(MODEL, read(file));
            List<String> messages = glsp.messages();
            assertTrue(messages.stream().anyMatch(m -> m.startsWith("WARNING:") && m.contains("web")), messages.toString());
        }
    }

    @Test
    void draggingAVmIntoAnotherHostPlacesItThere() throws Exception {
        Path file = model();
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            GModelElement vm = glsp.element("vm:web");
            GBoundsAware h1 = (GBoundsAware) glsp.element("host:h1");
            GBoundsAware h2 = (GBoundsAware) glsp.element("host:h2");
            GBoundsAware box = (GBoundsAware) vm;
            // the new position is relative to the VM's parent (h1): aim the VM's centre at h2's centre
            double x = h2.getPosition().getX() + h2.getSize().getWidth() / 2 - box.getSize().getWidth() / 2 - h1.getPosition().getX();
            double y = h2.getPosition().getY() + h2.getSize().getHeight() / 2 - box.getSize().getHeight() / 2 - h1.getPosition().getY();
            glsp.dispatch(new ChangeBoundsOperation(List.of(bounds("vm:web", x, y, box))));
            assertEquals(MODEL.replace("vm web on h1 {", "vm web on h2 {"), read(file));
            assertEquals("host:h2", glsp.element("vm:web").getParent().getId());
            assertTrue(Pinning.read(read(Pinning.sidecarOf(file))).containsKey("vm:web"));
            glsp.dispatch(new UndoAction());
            assertEquals(MODEL, read(file));
            assertEquals("host:h1", glsp.element("vm:web").getParent().getId());
        }
    }

    @Test
    void draggingAVmOutsideEveryHostIsRefused() throws Exception {
        Path file = model();
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            GBoundsAware box = (GBoundsAware) glsp.element("vm:web");
            glsp.messages();
            glsp.dispatch(new ChangeBoundsOperation(List.of(bounds("vm:web", 4000, 4000, box))));
            assertEquals(MODEL, read(file));
            assertFalse(Files.exists(Pinning.sidecarOf(file)));
            assertTrue(glsp.messages().stream().anyMatch(m -> m.contains("runs on a host")));
        }
    }

    @Test
    void movingAVmInsideItsHostOnlyPinsItsPosition() throws Exception {
        Path file = model();
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            GBoundsAware box = (GBoundsAware) glsp.element("vm:web");
            double x = box.getPosition().getX() + 30;
            glsp.dispatch(new ChangeBoundsOperation(List.of(bounds("vm:web", x, box.getPosition().getY(), box))));
            assertEquals(MODEL, read(file));
            assertEquals(Math.round(x), Math.round(Pinning.read(read(Pinning.sidecarOf(file))).get("vm:web").x()));
            assertEquals(x, ((GBoundsAware) glsp.element("vm:web")).getPosition().getX(), 0.5, "the layout keeps the pinned position");
            glsp.dispatch(new UndoAction());
            assertFalse(Files.exists(Pinning.sidecarOf(file)));
        }
    }

    @Test
    void labelEditsRenameAndSetFigures() throws Exception {
        Path file = model();
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            glsp.dispatch(new ApplyLabelEditOperation("host:h1#name", "left"));
            String renamed = MODEL.replace("host h1 {", "host left {").replace("vm web on h1 {", "vm web on left {");
            assertEquals(renamed, read(file));
            glsp.dispatch(new ApplyLabelEditOperation("vm:web#vcpus", "4 vCPUs"));
            assertEquals(renamed.replace("vcpus 2 // two of them", "vcpus 4 // two of them"), read(file));
            glsp.dispatch(new ApplyLabelEditOperation("vm:web#memory", "8 GiB"));
            assertEquals(renamed.replace("vcpus 2 // two of them", "vcpus 4 // two of them").replace("memory 2 GiB\n}", "memory 8 GiB\n}"),
                    read(file));
            glsp.dispatch(new UndoAction());
            glsp.dispatch(new UndoAction());
            glsp.dispatch(new UndoAction());
            assertEquals(MODEL, read(file));
        }
    }

    @Test
    void badNamesAndDuplicatesAreRefusedWithTheReason() throws Exception {
        Path file = model();
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            glsp.received.clear();
            glsp.dispatch(new RequestEditValidationAction(LabelEditValidator.CONTEXT_ID, "vm:web#name", "h2"));
            SetEditValidationResultAction duplicate = glsp.received.stream().filter(SetEditValidationResultAction.class::isInstance)
                    .map(SetEditValidationResultAction.class::cast).findFirst().orElseThrow();
            assertEquals("ERROR", duplicate.getStatus().getSeverity().toString());
            glsp.received.clear();
            glsp.dispatch(new RequestEditValidationAction(LabelEditValidator.CONTEXT_ID, "vm:web#name", "9 lives"));
            SetEditValidationResultAction bad = glsp.received.stream().filter(SetEditValidationResultAction.class::isInstance)
                    .map(SetEditValidationResultAction.class::cast).findFirst().orElseThrow();
            assertTrue(bad.getStatus().getMessage().contains("not a name"), bad.getStatus().getMessage());
            glsp.messages();
            glsp.dispatch(new ApplyLabelEditOperation("network:lan#name", "backup"));
            assertEquals(MODEL, read(file));
            assertTrue(glsp.messages().stream().anyMatch(m -> m.startsWith("WARNING:")));
            glsp.dispatch(new ApplyLabelEditOperation("vm:web#vcpus", "zero"));
            assertEquals(MODEL, read(file));
        }
    }

    @Test
    void undoIsRefusedWhenTheFileWasEditedSince() throws Exception {
        Path file = model();
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            glsp.dispatch(new CreateEdgeOperation("edge:vnic", "vm:web", "network:lan"));
            String edited = read(file) + "\n// edited in a text editor\n";
            Files.writeString(file, edited);
            glsp.workspace.checkDisk();
            glsp.messages();
            glsp.dispatch(new UndoAction());
            assertEquals(edited, read(file), "undo must not overwrite the text editor's change");
            assertTrue(glsp.messages().stream().anyMatch(m -> m.startsWith("WARNING: cannot undo")));
        }
    }

    @Test
    void anEditOnDiskRedrawsTheDiagram() throws Exception {
        Path file = model();
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            glsp.workspace.startWatching();
            Files.writeString(file, MODEL + "\nnetwork dmz {\n}\n");
            long deadline = System.currentTimeMillis() + 10_000;
            while (!glsp.has("network:dmz") && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(glsp.has("network:dmz"), "the watcher redraws after an edit on disk");
        }
    }

    @Test
    void aRenameAcrossImportedFilesIsOneUndoStep() throws Exception {
        Path hosts = folder.resolve("hosts.vinfra");
        Path vms = folder.resolve("vms.vinfra");
        String hostsText = "// the hardware\nhost rack { // one rack\n\tcpu {\n\t\tcores 8\n\t\tfeatures vt-x\n\t}\n\tmemory 64 GiB\n\thypervisor kvm\n}\n";
        String vmsText = "import \"hosts.vinfra\"\n\n// the workers\nvm worker on rack { // placed on the rack\n\tvcpus 2\n\tmemory 2 GiB\n}\n";
        Files.writeString(hosts, hostsText);
        Files.writeString(vms, vmsText);
        try (HeadlessSession glsp = new HeadlessSession(vms)) {
            assertTrue(glsp.has("host:rack"), "the imported file's host is drawn");
            glsp.dispatch(new ApplyLabelEditOperation("host:rack#name", "node"));
            assertEquals(hostsText.replace("host rack {", "host node {"), read(hosts));
            assertEquals(vmsText.replace("vm worker on rack {", "vm worker on node {"), read(vms));
            // new elements go to the first file given
            glsp.dispatch(new CreateNodeOperation("node:network", GraphUtil.point(600, 20), "topology"));
            assertEquals(hostsText.replace("host rack {", "host node {"), read(hosts));
            assertTrue(read(vms).endsWith("\nnetwork net1 {\n}\n"), read(vms));
            glsp.dispatch(new UndoAction());
            glsp.dispatch(new UndoAction());
            assertEquals(hostsText, read(hosts), "one undo step takes back both files");
            assertEquals(vmsText, read(vms));
        }
    }

    @Test
    void aModelWithErrorsStillOpensWithMarkers() throws Exception {
        Path file = folder.resolve("broken.vinfra");
        Files.writeString(file, "host h {\n\tmemory 4 GiB\n}\nvm v on nowhere {\n}\n");
        try (HeadlessSession glsp = new HeadlessSession(file)) {
            glsp.dispatch(new org.eclipse.glsp.server.features.validation.RequestMarkersAction(List.of("topology")));
            assertTrue(glsp.has("host:h"));
            assertTrue(glsp.received.stream().anyMatch(a -> a instanceof org.eclipse.glsp.server.features.validation.SetMarkersAction set
                    && !set.getMarkers().isEmpty()), glsp.received.toString());
        }
    }

    private static ElementAndBounds bounds(String id, double x, double y, GBoundsAware box) {
        ElementAndBounds bounds = new ElementAndBounds();
        bounds.setElementId(id);
        bounds.setNewPosition(GraphUtil.point(x, y));
        bounds.setNewSize(GraphUtil.dimension(box.getSize().getWidth(), box.getSize().getHeight()));
        return bounds;
    }
}
