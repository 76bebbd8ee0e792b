package org.vinfra.diagram.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.glsp.graph.GModelElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vinfra.diagram.Models;
import org.vinfra.lang.vinfra.Datastore;
import org.vinfra.lang.vinfra.Dependency;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.NetworkAttachment;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;

/** The id scheme: from model elements to ids and back, for every element of every example. */
class DiagramIdsTest {

    static Stream<Path> examples() {
        return Models.examples().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyDiagramElementLeadsBackToItsModelElement(Path file) {
        Models.Loaded loaded = Models.load(file);
        TopologyDiagram collapsed = loaded.diagram();
        TopologyDiagram expanded = loaded.diagram(TopologyGraphBuilder.replicatedIds(collapsed).toArray(String[]::new));
        for (TopologyDiagram diagram : new TopologyDiagram[] { collapsed, expanded }) {
            checkIds(file, diagram);
        }
    }

    private static void checkIds(Path file, TopologyDiagram diagram) {
        int checked = 0;
        for (GModelElement element : diagram.elements().values()) {
            String id = element.getId();
            if (id.equals(DiagramIds.ROOT_ID)) {
                continue;
            }
            Optional<EObject> model = diagram.modelElement(id);
            assertTrue(model.isPresent(), file.getFileName() + ": no model element for " + id);
            boolean inReplica = diagram.index().replica(id).isPresent() || diagram.index().declarationId(id).map(d -> !d.equals(id)).orElse(false);
            if ((DiagramTypes.isNode(element.getType()) || DiagramTypes.VNIC.equals(element.getType())) && !inReplica) {
                assertEquals(id, diagram.index().id(model.get()), "and back to the same id");
                assertEquals(id, DiagramIds.idOf(model.get()), "the scheme alone gives the same id when names are unique");
            }
            checked++;
        }
        assertTrue(checked > 0);
    }

    @Test
    void theSchemeSpelledOut() {
        TopologyDiagram diagram = Models.load(Models.example("kvm-sriov-server.vinfra")).diagram();
        DiagramIds.Index index = diagram.index();
        Host server = (Host) index.element("host:server1").orElseThrow();
        assertEquals("server1", server.getName());
        assertEquals("eno1", ((org.vinfra.lang.vinfra.Nic) index.element("host:server1/nic:eno1").orElseThrow()).getName());
        assertInstanceOf(Datastore.class, index.element("host:server1/datastore:local").orElseThrow());
        VirtualMachine web = (VirtualMachine) index.element("vm:web").orElseThrow();
        assertEquals("eth0", ((VirtualNic) index.element("vm:web/nic:eth0").orElseThrow()).getName());
        assertSame(web, index.element("vm:web#vcpus").orElseThrow(), "a label gives its element");
        assertSame(web, index.element("vm:web#expand").orElseThrow(), "the expand button too");
        assertSame(web.getNics().get(0), index.element("vm:web/nic:eth0->network:datacenter").orElseThrow(), "a vNIC edge gives its vNIC");
        assertInstanceOf(Network.class, index.element("network:datacenter->host:server1/nic:eno2").orElseThrow(), "an uplink gives its network");
        assertInstanceOf(VirtualMachine.class, index.element("vm:ml->host:server1/device:gpu0").orElseThrow(), "passthrough gives the VM");
        assertEquals(Optional.empty(), index.element("vm:nothing"));
        assertEquals(Optional.empty(), index.element("host:server1/nic:eno9"));
    }

    @Test
    void replicasAndTheirPartsResolveToTheirDeclarations() {
        Models.Loaded loaded = Models.load(Models.example("multi-file/vms.vinfra"));
        DiagramIds.Index index = loaded.diagram().index();
        EObject worker = index.element("vm:worker").orElseThrow();
        assertSame(worker, index.element("vm:worker17").orElseThrow());
        assertEquals(OptionalInt.of(17), index.replica("vm:worker17"));
        assertEquals(Optional.of("vm:worker"), index.declarationId("vm:worker17"));
        assertEquals(OptionalInt.empty(), index.replica("vm:worker"));
        assertEquals(Optional.empty(), index.element("vm:worker41"), "out of the range 1..40");
        assertEquals(Optional.empty(), index.element("vm:worker017"), "not how a replica is named");
        Datastore ssd = (Datastore) index.element("host:rack3/datastore:ssd").orElseThrow();
        assertEquals("ssd", ssd.getName());
        assertEquals(Optional.of("host:rack/datastore:ssd"), index.declarationId("host:rack3/datastore:ssd"));
    }

    @Test
    void edgesOfContainersGiveTheirDependencyOrAttachment() {
        DiagramIds.Index index = Models.load(Models.example("shop-compose.vinfra")).diagram().index();
        Dependency dependency = (Dependency) index.element("compose:shop/container:app->compose:shop/container:db").orElseThrow();
        assertEquals("db", dependency.getTarget().getName());
        NetworkAttachment attachment = (NetworkAttachment) index.element("compose:shop/container:db->compose:shop/network:backend").orElseThrow();
        assertEquals("172.30.2.10", attachment.getIp());
    }

    @Test
    void idsSplitIntoTheirParts() {
        String edge = DiagramIds.edgeId("vm:web/nic:eth0", "network:lan");
        assertEquals("vm:web/nic:eth0->network:lan", edge);
        assertEquals("vm:web/nic:eth0", DiagramIds.sourceOf(edge + "#label"));
        assertEquals("network:lan", DiagramIds.targetOf(edge));
        assertTrue(DiagramIds.isEdgeId(edge) && DiagramIds.isEdgeId(edge + "#label"));
        assertEquals(Optional.of("vcpus"), DiagramIds.figureOf("vm:web#vcpus"));
        assertEquals("vm:web", DiagramIds.ownerOf("vm:web#vcpus"));
        assertEquals(Optional.of("vm:web"), DiagramIds.parentOf("vm:web/nic:eth0"));
        assertEquals(Optional.empty(), DiagramIds.parentOf("vm:web"));
        assertEquals(Optional.of(DiagramIds.Kind.NIC), DiagramIds.kindOf("vm:web/nic:eth0"));
        assertEquals("eth0", DiagramIds.nameOf("vm:web/nic:eth0#name"));
        assertEquals("linux-box", DiagramIds.nameOf("host:linux-box"), "a '-' in a name is no edge");
        assertEquals("vm:web12", DiagramIds.replicaId("vm:web", 12));
    }

    @Test
    void twoElementsWithTheSameNameGetDistinctIds(@TempDir Path dir) {
        Models.Loaded loaded = Models.text(dir, "twice.vinfra", """
                host h { cpu { cores 4 features vt-x } memory 8 GiB hypervisor kvm }
                vm a on h { vcpus 1 memory 1 GiB }
                vm a on h { vcpus 2 memory 1 GiB }
                """);
        TopologyDiagram diagram = loaded.diagram();
        assertEquals(1, ((VirtualMachine) diagram.modelElement("vm:a").orElseThrow()).getVcpus());
        assertEquals(2, ((VirtualMachine) diagram.modelElement("vm:a~2").orElseThrow()).getVcpus());
        assertEquals("a", DiagramIds.nameOf("vm:a~2"));
        assertTrue(diagram.markers().problemsOf("vm:a~2").stream().anyMatch(p -> p.code().equals("vinfra.duplicate-name")),
                diagram.markers().byElement().toString());
    }

    @Test
    void editableLabelsMapToModelFeaturesAndParseWhatUsersType() {
        VirtualMachine vm = (VirtualMachine) Models.load(Models.example("kvm-sriov-server.vinfra")).diagram().modelElement("vm:db").orElseThrow();
        assertEquals(Optional.of(Literals.VIRTUAL_MACHINE__VCPUS), DiagramIds.featureOf(vm, DiagramIds.VCPUS));
        assertEquals(Optional.of(Literals.VIRTUAL_MACHINE__MEMORY), DiagramIds.featureOf(vm, DiagramIds.MEMORY));
        assertEquals(Optional.of(Literals.VIRTUAL_MACHINE__MAX_MEMORY), DiagramIds.featureOf(vm, DiagramIds.MAX_MEMORY));
        assertEquals(Optional.of(Literals.VIRTUAL_MACHINE__NAME), DiagramIds.featureOf(vm, DiagramIds.NAME));
        assertEquals(Optional.empty(), DiagramIds.featureOf(vm, "guest"));
        assertEquals(4, DiagramIds.parseFigure(DiagramIds.VCPUS, "4"));
        assertEquals(6, DiagramIds.parseFigure(DiagramIds.VCPUS, " 6 vCPUs "));
        assertEquals(8L << 30, DiagramIds.parseFigure(DiagramIds.MEMORY, "8 GiB"));
        assertEquals(16L << 30, DiagramIds.parseFigure(DiagramIds.MAX_MEMORY, "max 16 GiB"));
        assertEquals(512L << 20, DiagramIds.parseFigure(DiagramIds.MEMORY, "memory 512 MiB"));
        assertEquals("www", DiagramIds.parseFigure(DiagramIds.NAME, "www"));
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class, () -> DiagramIds.parseFigure(DiagramIds.VCPUS, "many"));
        assertTrue(notANumber.getMessage().contains("number of vCPUs"), notANumber.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DiagramIds.parseFigure(DiagramIds.VCPUS, "0"));
        assertThrows(IllegalArgumentException.class, () -> DiagramIds.parseFigure(DiagramIds.MEMORY, "8 parsecs"));
        assertThrows(IllegalArgumentException.class, () -> DiagramIds.parseFigure(DiagramIds.NAME, "web server"));
        TopologyDiagram diagram = Models.load(Models.example("kvm-sriov-server.vinfra")).diagram();
        assertEquals(Boolean.TRUE, diagram.element("vm:db#vcpus").orElseThrow().getArgs().get(DiagramArgs.EDITABLE));
        assertEquals(Boolean.TRUE, diagram.element("vm:db#name").orElseThrow().getArgs().get(DiagramArgs.EDITABLE));
        assertEquals(null, diagram.element("vm:db#guest").orElseThrow().getArgs().get(DiagramArgs.EDITABLE));
    }
}
