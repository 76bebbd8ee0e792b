package org.vinfra.diagram.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.diagram.Diagrams.edgeLabel;
import static org.vinfra.diagram.Diagrams.element;
import static org.vinfra.diagram.Diagrams.label;
import static org.vinfra.diagram.Diagrams.parentOf;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.glsp.graph.GButton;
import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.GPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.diagram.Diagrams;
import org.vinfra.diagram.Models;

/** {@code vm web[1..20]}: one node with its count, expandable into web1 .. web20. */
class ReplicasTest {

    @Test
    void aReplicatedVmIsOneNodeWithItsCountUntilExpanded() {
        Models.Loaded loaded = Models.load(Models.example("kvm-sriov-server.vinfra"));
        TopologyDiagram collapsed = loaded.diagram();
        GModelElement web = element(collapsed, "vm:web");
        assertEquals(20, web.getArgs().get(DiagramArgs.REPLICAS));
        assertEquals(Boolean.TRUE, web.getArgs().get(DiagramArgs.EXPANDABLE));
        assertEquals(Boolean.FALSE, web.getArgs().get(DiagramArgs.EXPANDED));
        assertTrue(web.getCssClasses().contains(DiagramArgs.CSS_REPLICATED));
        assertInstanceOf(GButton.class, element(collapsed, "vm:web#expand"));
        assertEquals(DiagramTypes.EXPAND_BUTTON, element(collapsed, "vm:web#expand").getType());
        assertTrue(Diagrams.nodesBelow(web).isEmpty(), "collapsed: no replica inside");
        assertEquals(1, Diagrams.edges(collapsed).stream().filter(e -> e.getSourceId().startsWith("vm:web")).count());
        assertFalse(collapsed.element("vm:web3").isPresent());
        assertEquals(List.of("vm:web"), List.copyOf(TopologyGraphBuilder.replicatedIds(collapsed)));

        TopologyDiagram expanded = loaded.diagram("vm:web");
        GModelElement group = element(expanded, "vm:web");
        assertEquals(Boolean.TRUE, group.getArgs().get(DiagramArgs.EXPANDED));
        assertEquals("host:server1", parentOf(expanded, "vm:web"));
        List<String> replicas = Diagrams.nodesBelow(group).stream().map(GNode::getId).toList();
        assertEquals(IntStream.rangeClosed(1, 20).mapToObj(i -> "vm:web" + i).toList(), replicas);
        for (int i = 1; i <= 20; i++) {
            String id = "vm:web" + i;
            assertEquals("web" + i, label(expanded, id, DiagramIds.NAME));
            assertEquals("2 vCPUs", label(expanded, id, DiagramIds.VCPUS));
            assertEquals("vm:web", element(expanded, id).getArgs().get(DiagramArgs.REPLICA_OF));
            assertEquals(i, element(expanded, id).getArgs().get(DiagramArgs.REPLICA));
            assertInstanceOf(GPort.class, element(expanded, id + "/nic:eth0"));
            GEdge edge = assertInstanceOf(GEdge.class, element(expanded, id + "/nic:eth0->network:datacenter"));
            assertEquals(DiagramTypes.EDGE_VNIC, edge.getType());
            assertEquals(null, edgeLabel(expanded, edge.getId()), "one edge per replica, no count on it");
        }
        assertFalse(expanded.element("vm:web/nic:eth0").isPresent(), "the vNICs are the replicas'");
        assertEquals(20, Diagrams.edges(expanded).stream().filter(e -> e.getSourceId().startsWith("vm:web")).count());
        assertFalse(expanded.element("vm:web#" + DiagramIds.REPLICAS).isEmpty(), "the group still says how many");
    }

    @Test
    void whatIsPlacedOnOneReplicaGoesIntoThatReplica() {
        Models.Loaded loaded = Models.load(Models.example("multi-file/vms.vinfra"));
        TopologyDiagram expanded = loaded.diagram("host:rack");
        assertEquals("host:rack1", parentOf(expanded, "vm:edge"), "vm edge on rack1");
        assertEquals("host:rack", parentOf(expanded, "vm:worker"), "vm worker[1..40] on rack: somewhere in the group");
        for (int i = 1; i <= 4; i++) {
            assertEquals("host:rack", parentOf(expanded, "host:rack" + i));
            assertEquals("host:rack" + i, parentOf(expanded, "host:rack" + i + "/datastore:ssd"));
            assertEquals("2 sockets × 16 cores × 2 threads = 32 logical CPUs".replace("2 sockets", "1 socket"), label(expanded, "host:rack" + i, DiagramIds.CPU));
        }
        assertFalse(expanded.element("host:rack/datastore:ssd").isPresent());
        assertTrue(expanded.element("host:rack#" + DiagramIds.COMMITTED_VCPUS).isPresent(), "commitments stay on the group, as the validator counts them");
    }

    @Test
    void sriovAndUplinksFindTheNicOfTheReplicaTheyName(@TempDir Path dir) {
        Models.Loaded loaded = Models.text(dir, "nodes.vinfra", """
                host node[1..2] {
                	cpu { cores 8 features vt-x, vt-d }
                	memory 32 GiB
                	nic eth0 { sriov { vfs 4 } }
                	nic eth1
                	hypervisor kvm
                }
                network lan { mode bridged to node2.eth1 }
                vm a on node2 {
                	vcpus 1
                	memory 1 GiB
                	nic fast sriov node2.eth0
                	nic slow on lan
                }
                """);
        TopologyDiagram collapsed = loaded.diagram();
        assertEquals("VF 0", edgeLabel(collapsed, "vm:a/nic:fast->host:node/nic:eth0"));
        assertTrue(collapsed.element("network:lan->host:node/nic:eth1").isPresent());

        TopologyDiagram expanded = loaded.diagram("host:node");
        assertEquals("host:node2", parentOf(expanded, "vm:a"));
        assertEquals("VF 0", edgeLabel(expanded, "vm:a/nic:fast->host:node2/nic:eth0"));
        assertTrue(expanded.element("network:lan->host:node2/nic:eth1").isPresent());
    }

    @Test
    void replicatedServicesExpandAndKeepTheirDependencies() {
        Models.Loaded loaded = Models.load(Models.example("shop-compose.vinfra"));
        TopologyDiagram expanded = loaded.diagram("compose:shop/container:app");
        assertEquals("compose:shop/container:app", parentOf(expanded, "compose:shop/container:app1"));
        assertEquals("compose:shop/container:app", parentOf(expanded, "compose:shop/container:app2"));
        assertEquals("healthy", edgeLabel(expanded, "compose:shop/container:app1->compose:shop/container:db"));
        assertEquals("healthy", edgeLabel(expanded, "compose:shop/container:app2->compose:shop/container:db"));
        assertEquals("started", edgeLabel(expanded, "compose:shop/container:proxy->compose:shop/container:app"), "proxy waits for the service");
        assertTrue(expanded.element("compose:shop/container:app2->compose:shop/network:frontend").isPresent());
    }

    @Test
    void expandingWhatIsNotReplicatedChangesNothing() {
        Models.Loaded loaded = Models.load(Models.example("virtualbox-laptop-lab.vinfra"));
        assertEquals(loaded.diagram().elements().keySet(), loaded.diagram("host:laptop", "vm:web", "vm:nothing").elements().keySet());
    }
}
