package org.vinfra.diagram.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.diagram.Diagrams.edgeLabel;
import static org.vinfra.diagram.Diagrams.element;
import static org.vinfra.diagram.Diagrams.label;
import static org.vinfra.diagram.Diagrams.parentOf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.GPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vinfra.diagram.Diagrams;
import org.vinfra.diagram.Models;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Datastore;
import org.vinfra.lang.vinfra.Dependency;
import org.vinfra.lang.vinfra.Device;
import org.vinfra.lang.vinfra.Element;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Machine;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.NetworkAttachment;
import org.vinfra.lang.vinfra.Nic;
import org.vinfra.lang.vinfra.NetworkMode;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;

/**
 * Every file in examples/ as a diagram: every element of the model is there once, inside the right parent,
 * with the right edges and labels, and nothing else is (worked out from the model, element by element), plus
 * what a user looks for in each lab.
 */
class ExamplesMappingTest {

    static Stream<Path> examples() {
        return Models.examples().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyElementAppearsInItsParentWithItsEdges(Path file) {
        Models.Loaded loaded = Models.load(file);
        TopologyDiagram diagram = loaded.diagram();
        Expected expected = new Expected();
        for (Resource resource : loaded.models().resourceSet().getResources()) {
            for (EObject root : resource.getContents()) {
                for (Element element : ((Model) root).getElements()) {
                    expected.element(element);
                }
            }
        }
        for (Map.Entry<String, String> node : expected.parents.entrySet()) {
            assertEquals(node.getValue(), parentOf(diagram, node.getKey()), file.getFileName() + ": the parent of " + node.getKey());
            GModelElement shown = element(diagram, node.getKey());
            assertEquals(expected.types.get(node.getKey()), shown.getType(), node.getKey());
            assertEquals(expected.names.get(node.getKey()), label(diagram, node.getKey(), DiagramIds.NAME), "the name label of " + node.getKey());
        }
        for (Map.Entry<String, String> edge : expected.edges.entrySet()) {
            GEdge shown = assertInstanceOf(GEdge.class, element(diagram, edge.getKey()), edge.getKey());
            assertEquals(edge.getValue(), shown.getType(), edge.getKey());
            assertEquals(DiagramIds.sourceOf(edge.getKey()), shown.getSourceId());
            assertEquals(DiagramIds.targetOf(edge.getKey()), shown.getTargetId());
            assertEquals(diagram.graph(), shown.getParent(), "edges live in the root");
        }
        assertEquals(new TreeMap<>(expected.counts()), new TreeMap<>(counts(diagram.graph())), file.getFileName() + ": elements by type");
        assertTrue(diagram.markers().byElement().values().stream().flatMap(List::stream).noneMatch(p -> p.isError()),
                "the examples have no errors: " + diagram.markers().byElement());
    }

    /** What the diagram must show, from the model's own words. */
    private static final class Expected {
        final Map<String, String> parents = new TreeMap<>();
        final Map<String, String> types = new TreeMap<>();
        final Map<String, String> names = new TreeMap<>();
        final Map<String, String> edges = new TreeMap<>();

        void element(Element element) {
            switch (element) {
                case Host host -> {
                    node("host:" + host.getName(), DiagramTypes.HOST, DiagramIds.ROOT_ID, host.getName());
                    for (Nic nic : host.getNics()) {
                        node("host:" + host.getName() + "/nic:" + nic.getName(), DiagramTypes.NIC, "host:" + host.getName(), nic.getName());
                    }
                    for (Datastore datastore : host.getDatastores()) {
                        node("host:" + host.getName() + "/datastore:" + datastore.getName(), DiagramTypes.DATASTORE, "host:" + host.getName(),
                                datastore.getName());
                    }
                    for (Device device : host.getDevices()) {
                        node("host:" + host.getName() + "/device:" + device.getName(), DiagramTypes.DEVICE, "host:" + host.getName(), device.getName());
                    }
                }
                case Network network -> network(network, "network:" + network.getName(),
                        network.getHost() == null ? DiagramIds.ROOT_ID : "host:" + network.getHost().getName());
                case VirtualMachine vm -> {
                    String id = "vm:" + vm.getName();
                    node(id, DiagramTypes.VM, "host:" + vm.getHost().getName(), vm.getName());
                    for (VirtualNic vnic : vm.getNics()) {
                        String port = id + "/nic:" + vnic.getName();
                        parents.put(port, id);
                        types.put(port, DiagramTypes.VNIC);
                        names.put(port, vnic.getName());
                        if (vnic.getNetwork() != null) {
                            edges.put(port + "->" + networkId(vnic.getNetwork()), DiagramTypes.EDGE_VNIC);
                        }
                        if (vnic.getPhysicalFunction() != null) {
                            Host host = (Host) vnic.getPhysicalFunction().eContainer();
                            edges.put(port + "->host:" + host.getName() + "/nic:" + vnic.getPhysicalFunction().getName(), DiagramTypes.EDGE_SRIOV);
                        }
                    }
                    for (Device device : vm.getPassthrough()) {
                        Host host = (Host) device.eContainer();
                        edges.put(id + "->host:" + host.getName() + "/device:" + device.getName(), DiagramTypes.EDGE_PASSTHROUGH);
                    }
                }
                case Container container -> container(container, "container:" + container.getName(), machineId(container.getMachine(), DiagramIds.ROOT_ID));
                case Compose compose -> {
                    String id = "compose:" + compose.getName();
                    node(id, DiagramTypes.COMPOSE, machineId(compose.getMachine(), DiagramIds.ROOT_ID), compose.getName());
                    for (Network network : compose.getNetworks()) {
                        network(network, id + "/network:" + network.getName(), id);
                    }
                    for (Container service : compose.getServices()) {
                        container(service, id + "/container:" + service.getName(), id);
                    }
                }
                default -> {
                    // images, volumes, secrets, workloads and the timeline are not drawn
                }
            }
        }

        private void network(Network network, String id, String parent) {
            node(id, DiagramTypes.NETWORK, parent, network.getName());
            if (network.getMode() == NetworkMode.BRIDGED && network.getUplink() != null) {
                Host host = (Host) network.getUplink().eContainer();
                edges.put(id + "->host:" + host.getName() + "/nic:" + network.getUplink().getName(), DiagramTypes.EDGE_UPLINK);
            }
        }

        private void container(Container container, String id, String parent) {
            node(id, DiagramTypes.CONTAINER, parent, container.getName());
            for (NetworkAttachment attachment : container.getAttachments()) {
                edges.put(id + "->" + networkId(attachment.getNetwork()), DiagramTypes.EDGE_ATTACHMENT);
            }
            for (Dependency dependency : container.getDependencies()) {
                Container target = dependency.getTarget();
                String targetId = target.eContainer() instanceof Compose compose ? "compose:" + compose.getName() + "/container:" + target.getName()
                        : "container:" + target.getName();
                edges.put(id + "->" + targetId, DiagramTypes.EDGE_DEPENDS_ON);
            }
        }

        private static String networkId(Network network) {
            return network.eContainer() instanceof Compose compose ? "compose:" + compose.getName() + "/network:" + network.getName()
                    : "network:" + network.getName();
        }

        private static String machineId(Machine machine, String otherwise) {
            return switch (machine) {
                case Host host -> "host:" + host.getName();
                case VirtualMachine vm -> "vm:" + vm.getName();
                case null, default -> otherwise;
            };
        }

        private void node(String id, String type, String parent, String name) {
            parents.put(id, parent);
            types.put(id, type);
            names.put(id, name);
        }

        Map<String, Integer> counts() {
            Map<String, Integer> counts = new TreeMap<>();
            types.values().forEach(type -> counts.merge(type, 1, Integer::sum));
            edges.values().forEach(type -> counts.merge(type, 1, Integer::sum));
            return counts;
        }
    }

    private static Map<String, Integer> counts(GGraph graph) {
        Map<String, Integer> counts = new TreeMap<>();
        List<GModelElement> all = new ArrayList<>();
        collect(graph, all);
        for (GModelElement element : all) {
            if (element instanceof GNode || element instanceof GPort || element instanceof GEdge) {
                counts.merge(element.getType(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void collect(GModelElement element, List<GModelElement> all) {
        for (GModelElement child : element.getChildren()) {
            all.add(child);
            collect(child, all);
        }
    }

    // ------------------------------------------------------------------ what a user looks for, lab by lab

    @Test
    void theKvmServerShowsItsFiguresReplicasSriovPassthroughAndUplink() {
        TopologyDiagram diagram = Models.load(Models.example("kvm-sriov-server.vinfra")).diagram();
        assertEquals("2 sockets × 8 cores × 2 threads = 32 logical CPUs, 2.4 GHz", label(diagram, "host:server1", DiagramIds.CPU));
        assertEquals("VT-x, VT-d", label(diagram, "host:server1", DiagramIds.FEATURES));
        assertEquals("memory 256 GiB", label(diagram, "host:server1", DiagramIds.MEMORY));
        assertEquals("kvm, type 1 (bare metal), hardware-assisted", label(diagram, "host:server1", DiagramIds.HYPERVISOR));
        // 20 web x 2 + db 8 + ml 16 = 64 vCPUs on 32 logical CPUs x 4.0; 20 x 4 + 64 + 96 = 240 GiB of 256 GiB x 1.2
        assertEquals("vCPUs 64 committed of 128 (32 logical × 4)", label(diagram, "host:server1", DiagramIds.COMMITTED_VCPUS));
        assertEquals("memory 240 GiB committed of 307.2 GiB (256 GiB × 1.2)", label(diagram, "host:server1", DiagramIds.COMMITTED_MEMORY));
        GModelElement host = element(diagram, "host:server1");
        assertTrue(host.getCssClasses().contains(DiagramArgs.CSS_OVERCOMMITTED), "64 vCPUs on 32 logical CPUs: overcommitted, within the limit");
        assertEquals(64L, host.getArgs().get(DiagramArgs.COMMITTED_VCPUS));
        assertEquals(32L, host.getArgs().get(DiagramArgs.LOGICAL_CPUS));

        GModelElement web = element(diagram, "vm:web");
        assertEquals(20, web.getArgs().get(DiagramArgs.REPLICAS));
        assertEquals(Boolean.FALSE, web.getArgs().get(DiagramArgs.EXPANDED));
        assertEquals("× 20 (web1 .. web20)", label(diagram, "vm:web", DiagramIds.REPLICAS));
        assertEquals("2 vCPUs", label(diagram, "vm:web", DiagramIds.VCPUS));
        assertEquals("4 GiB", label(diagram, "vm:web", DiagramIds.MEMORY));
        assertEquals("max 8 GiB", label(diagram, "vm:web", DiagramIds.MAX_MEMORY));
        assertEquals("disk root 20 GiB thin qcow2 on local", label(diagram, "vm:web", "disk:root"));
        assertEquals("× 20", edgeLabel(diagram, "vm:web/nic:eth0->network:datacenter"), "one edge for the twenty replicas");
        assertEquals("192.168.10.20", edgeLabel(diagram, "vm:db/nic:eth0->network:datacenter"));
        assertEquals("VF 0", edgeLabel(diagram, "vm:db/nic:fast->host:server1/nic:eno1"));
        assertEquals("VF 1", edgeLabel(diagram, "vm:ml/nic:fast->host:server1/nic:eno1"));
        assertEquals("SR-IOV PF: 8 VFs (max 64), 2 taken", label(diagram, "host:server1/nic:eno1", "sriov"));
        assertEquals(DiagramTypes.EDGE_PASSTHROUGH, element(diagram, "vm:ml->host:server1/device:gpu0").getType());
        assertEquals(DiagramTypes.EDGE_UPLINK, element(diagram, "network:datacenter->host:server1/nic:eno2").getType());
        assertEquals("bridge, bridged to eno2", label(diagram, "network:datacenter", "mode"));
        assertEquals("192.168.10.0/24, gateway 192.168.10.1", label(diagram, "network:datacenter", "cidr"));
    }

    @Test
    void theVirtualBoxLabShowsAType2HypervisorAndTwoNetworksInsideTheLaptop() {
        TopologyDiagram diagram = Models.load(Models.example("virtualbox-laptop-lab.vinfra")).diagram();
        assertEquals("virtualbox, type 2 (hosted), hardware-assisted", label(diagram, "host:laptop", DiagramIds.HYPERVISOR));
        assertEquals("1 socket × 4 cores × 2 threads = 8 logical CPUs", label(diagram, "host:laptop", DiagramIds.CPU));
        assertEquals("host:laptop", parentOf(diagram, "network:natnet"));
        assertEquals("host:laptop", parentOf(diagram, "network:labnet"));
        assertEquals("switch, nat", label(diagram, "network:natnet", "mode"));
        assertEquals("switch, internal", label(diagram, "network:labnet", "mode"));
        assertEquals("10.0.2.15", edgeLabel(diagram, "vm:ubuntu/nic:nic1->network:natnet"));
        assertEquals("192.168.56.11", edgeLabel(diagram, "vm:web/nic:nic2->network:labnet"));
        assertEquals("vCPUs 3 committed of 16 (8 logical × 2)", label(diagram, "host:laptop", DiagramIds.COMMITTED_VCPUS));
        assertFalse(element(diagram, "host:laptop").getCssClasses().contains(DiagramArgs.CSS_OVERCOMMITTED));
        assertInstanceOf(GPort.class, element(diagram, "vm:ubuntu/nic:nic2"));
        assertEquals("10.0.2.15", element(diagram, "vm:ubuntu/nic:nic1").getArgs().get(DiagramArgs.IP));
    }

    @Test
    void theLxcContainerRunsInsideItsHostAttachedToTheBridge() {
        TopologyDiagram diagram = Models.load(Models.example("lxc-alpine.vinfra")).diagram();
        assertEquals("host:linux-box", parentOf(diagram, "container:alpine"));
        assertEquals("LXC (system container)", label(diagram, "container:alpine", "runtime"));
        assertEquals("template alpine:3.19", label(diagram, "container:alpine", "template"));
        assertEquals("10.0.3.10", edgeLabel(diagram, "container:alpine->network:lxcbr0"));
        assertEquals("no hypervisor", label(diagram, "host:linux-box", DiagramIds.HYPERVISOR));
    }

    @Test
    void composeDeploymentsGroupTheirServicesWithTheirStartConditions() {
        TopologyDiagram shop = Models.load(Models.example("shop-compose.vinfra")).diagram();
        assertEquals(DiagramIds.ROOT_ID, parentOf(shop, "compose:shop"));
        for (String service : List.of("db", "app", "proxy")) {
            assertEquals("compose:shop", parentOf(shop, "compose:shop/container:" + service));
            assertEquals(DiagramTypes.CONTAINER, element(shop, "compose:shop/container:" + service).getType());
        }
        assertEquals("compose:shop", parentOf(shop, "compose:shop/network:backend"));
        assertEquals("healthy", edgeLabel(shop, "compose:shop/container:app->compose:shop/container:db"));
        assertEquals("started", edgeLabel(shop, "compose:shop/container:proxy->compose:shop/container:app"));
        assertEquals("172.30.2.10", edgeLabel(shop, "compose:shop/container:db->compose:shop/network:backend"));
        assertEquals("× 2", edgeLabel(shop, "compose:shop/container:app->compose:shop/network:frontend"));
        assertEquals("3 services, 4 containers", label(shop, "compose:shop", "services"));
        assertEquals("image nginx:1.27.2-alpine", label(shop, "compose:shop/container:proxy", "image"));
        assertEquals("ports 80:80, 443:443", label(shop, "compose:shop/container:proxy", "ports"));

        TopologyDiagram wordpress = Models.load(Models.example("wordpress-compose.vinfra")).diagram();
        assertEquals("healthy", edgeLabel(wordpress, "compose:wordpress/container:wordpress->compose:wordpress/container:db"));
        assertEquals("volumes db_data, wordpress_data", label(wordpress, "compose:wordpress", "volumes"));

        TopologyDiagram busybox = Models.load(Models.example("busybox-web.vinfra")).diagram();
        assertEquals("image hello-web", label(busybox, "compose:hello/container:web", "image"), "an image of the model, by name");
    }

    @Test
    void imagesAreNotDrawnButTheContainersUsingThemAre() {
        TopologyDiagram diagram = Models.load(Models.example("apache2-image.vinfra")).diagram();
        assertEquals(List.of("container:web"), Diagrams.nodeIds(diagram));
        assertEquals("image apache2", label(diagram, "container:web", "image"));
        assertEquals("limits 512 shares, 256 MiB", label(diagram, "container:web", "limits"));
    }

    @Test
    void aModelSplitOverTwoFilesShowsTheImportedHostsWithTheVmsInThem() {
        TopologyDiagram diagram = Models.load(Models.example("multi-file/vms.vinfra")).diagram();
        assertEquals("host:rack", parentOf(diagram, "vm:worker"));
        assertEquals("host:rack", parentOf(diagram, "vm:edge"), "collapsed, rack1 is drawn as the group rack");
        assertEquals(4, element(diagram, "host:rack").getArgs().get(DiagramArgs.REPLICAS));
        assertEquals("hosts.vinfra", element(diagram, "host:rack").getArgs().get(DiagramArgs.FILE));
        assertEquals("vms.vinfra", element(diagram, "vm:edge").getArgs().get(DiagramArgs.FILE));
        // 40 workers x 4 + edge 2 = 162 vCPUs on 4 x 32 logical CPUs, the validator's arithmetic over the group
        assertEquals("vCPUs 162 committed of 256 (128 logical × 2)", label(diagram, "host:rack", DiagramIds.COMMITTED_VCPUS));
    }

    @Test
    void theSimulationLabDrawsItsTopologyNotItsWorkloads() {
        TopologyDiagram diagram = Models.load(Models.example("simulation-lab.vinfra")).diagram();
        assertEquals(List.of("host:lab", "host:lab/nic:eth0", "host:lab/datastore:ssd", "network:front", "network:back", "vm:app", "vm:pg"),
                Diagrams.nodeIds(diagram));
        assertNotNull(element(diagram, "vm:app/nic:eth1->network:back"));
        assertEquals(0, element(diagram, "vm:app").getArgs().get(DiagramArgs.ORDINAL));
        assertEquals(1, element(diagram, "vm:pg").getArgs().get(DiagramArgs.ORDINAL));
    }
}
