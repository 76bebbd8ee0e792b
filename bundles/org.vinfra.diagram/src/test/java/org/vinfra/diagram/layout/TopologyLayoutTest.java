package org.vinfra.diagram.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GLabel;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.GPoint;
import org.eclipse.glsp.graph.GPort;
import org.eclipse.glsp.graph.builder.impl.GArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vinfra.diagram.Diagrams;
import org.vinfra.diagram.Models;
import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.diagram.graph.TopologyGraphBuilder;
import org.vinfra.diagram.layout.Geometry.Box;

/** What a user sees of the layout: nothing on top of anything, children inside their parents, the same picture each time. */
class TopologyLayoutTest {

    static Stream<Path> examples() {
        return Models.examples().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void noTwoSiblingsOverlapAndChildrenStayInsideTheirParents(Path file) {
        Models.Loaded loaded = Models.load(file);
        TopologyDiagram collapsed = loaded.diagram();
        TopologyDiagram expanded = loaded.diagram(TopologyGraphBuilder.replicatedIds(collapsed).toArray(String[]::new));
        for (TopologyDiagram diagram : List.of(collapsed, expanded)) {
            TopologyLayout.Report report = new TopologyLayout().layout(diagram.graph());
            assertEquals(TopologyLayout.Strategy.INCLUDE_CHILDREN, report.strategy(), file + ": " + report);
            assertEquals(List.of(), report.elkFailures());
            assertLaidOut(diagram.graph());
        }
    }

    /** Sizes, positions, no overlaps, children inside parents, labels inside their nodes, every edge routed between its ends. */
    static void assertLaidOut(GGraph graph) {
        checkContainer(graph);
        Map<String, GModelElement> byId = TopologyLayout.byId(graph);
        for (GModelElement child : graph.getChildren()) {
            if (child instanceof GEdge edge) {
                List<GPoint> points = Routes.points(edge);
                assertTrue(points.size() >= 2, "edge " + edge.getId() + " has a route");
                assertNear(Geometry.box(byId.get(edge.getSourceId())), points.get(0), edge.getId() + " starts at its source");
                assertNear(Geometry.box(byId.get(edge.getTargetId())), points.get(points.size() - 1), edge.getId() + " ends at its target");
            }
        }
    }

    private static void checkContainer(GModelElement container) {
        List<GNode> children = TopologyLayout.childNodes(container);
        for (GNode child : children) {
            assertTrue(child.getSize().getWidth() > 0 && child.getSize().getHeight() > 0, child.getId() + " has a size");
            if (container instanceof GNode parent) {
                Box inner = Geometry.box(child);
                Box outer = Geometry.box(parent);
                assertTrue(inner.x() >= outer.x() && inner.y() >= outer.y() && inner.right() <= outer.right() + 0.01 && inner.bottom() <= outer.bottom() + 0.01,
                        child.getId() + " " + inner + " lies inside " + parent.getId() + " " + outer);
            }
            for (GModelElement part : child.getChildren()) {
                if (part instanceof GLabel label) {
                    assertTrue(label.getPosition().getX() + label.getSize().getWidth() <= child.getSize().getWidth() + 0.01,
                            "label " + label.getId() + " fits in the width of its node");
                }
            }
            checkContainer(child);
        }
        for (int i = 0; i < children.size(); i++) {
            for (int j = i + 1; j < children.size(); j++) {
                Box a = Geometry.box(children.get(i));
                Box b = Geometry.box(children.get(j));
                assertFalse(a.overlaps(b), children.get(i).getId() + " " + a + " overlaps " + children.get(j).getId() + " " + b);
            }
        }
    }

    private static void assertNear(Box box, GPoint point, String what) {
        double slack = TopologyLayout.PORT_SIZE + 1;
        assertTrue(point.getX() >= box.x() - slack && point.getX() <= box.right() + slack && point.getY() >= box.y() - slack
                && point.getY() <= box.bottom() + slack, what + ": " + point.getX() + "," + point.getY() + " near " + box);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theSameModelGivesTheSameLayout(Path file) {
        Models.Loaded loaded = Models.load(file);
        TopologyDiagram first = loaded.diagram();
        new TopologyLayout().layout(first.graph());
        TopologyDiagram second = Models.load(file).diagram();
        new TopologyLayout().layout(second.graph());
        assertEquals(snapshot(first.graph()), snapshot(second.graph()));
    }

    /** Every position, size and route, as text. */
    static String snapshot(GModelElement element) {
        StringBuilder text = new StringBuilder();
        snapshot(element, text);
        return text.toString();
    }

    private static void snapshot(GModelElement element, StringBuilder text) {
        text.append(element.getId());
        if (element instanceof GNode || element instanceof GPort || element instanceof GLabel) {
            var shape = (org.eclipse.glsp.graph.GBoundsAware) element;
            text.append(String.format(Locale.ROOT, " %.2f,%.2f %.2fx%.2f", shape.getPosition().getX(), shape.getPosition().getY(), shape.getSize().getWidth(),
                    shape.getSize().getHeight()));
        }
        if (element instanceof GEdge edge) {
            for (GPoint point : Routes.points(edge)) {
                text.append(String.format(Locale.ROOT, " %.2f,%.2f", point.getX(), point.getY()));
            }
        }
        text.append('\n');
        element.getChildren().forEach(child -> snapshot(child, text));
    }

    @Test
    void pinnedElementsKeepTheirPositionAndOthersMakeRoom() {
        Models.Loaded loaded = Models.load(Models.example("kvm-sriov-server.vinfra"));
        TopologyDiagram free = loaded.diagram();
        new TopologyLayout().layout(free.graph());
        GNode db = (GNode) Diagrams.element(free, "vm:db");
        GNode ml = (GNode) Diagrams.element(free, "vm:ml");
        // pin db where ELK puts ml: ml must go elsewhere, db stays where it was put
        Point onMl = new Point(ml.getPosition().getX(), ml.getPosition().getY());
        TopologyDiagram pinned = loaded.diagram();
        TopologyLayout.Report report = new TopologyLayout().layout(pinned.graph(), Map.of("vm:db", onMl, "network:datacenter", new Point(900, 700)));
        GNode pinnedDb = (GNode) Diagrams.element(pinned, "vm:db");
        assertEquals(onMl.x(), pinnedDb.getPosition().getX());
        assertEquals(onMl.y(), pinnedDb.getPosition().getY());
        GNode network = (GNode) Diagrams.element(pinned, "network:datacenter");
        assertEquals(900, network.getPosition().getX());
        assertEquals(700, network.getPosition().getY());
        assertEquals(List.of(), report.displaced());
        assertNotEquals(db.getPosition().getY(), pinnedDb.getPosition().getY());
        assertLaidOut(pinned.graph());
        GNode host = (GNode) Diagrams.element(pinned, "host:server1");
        assertTrue(host.getSize().getWidth() >= 900 + network.getSize().getWidth(), "the host grew around the pinned network");
    }

    @Test
    void pinnedPositionsThatCollideDoNotOverlap() {
        Models.Loaded loaded = Models.load(Models.example("kvm-sriov-server.vinfra"));
        TopologyDiagram diagram = loaded.diagram();
        Map<String, Point> pins = new LinkedHashMap<>();
        pins.put("vm:db", new Point(40, 200));
        pins.put("vm:ml", new Point(45, 205));
        pins.put("vm:web", new Point(40, 200));
        TopologyLayout.Report report = new TopologyLayout().layout(diagram.graph(), pins);
        assertLaidOut(diagram.graph());
        GNode web = (GNode) Diagrams.element(diagram, "vm:web");
        assertEquals(40, web.getPosition().getX(), "the first in the text keeps its place");
        assertEquals(200, web.getPosition().getY());
        assertEquals(List.of("vm:db", "vm:ml"), report.displaced().stream().sorted().toList());
    }

    @Test
    void pinsAboveTheHeaderOrOutsideAreBroughtIntoTheirParent() {
        TopologyDiagram diagram = Models.load(Models.example("virtualbox-laptop-lab.vinfra")).diagram();
        TopologyLayout.Report report = new TopologyLayout().layout(diagram.graph(), Map.of("vm:web", new Point(-50, 0), "nothing:here", new Point(1, 1)));
        assertLaidOut(diagram.graph());
        assertEquals(List.of("vm:web"), report.displaced());
    }

    @Test
    void newElementsNeverLandOnTopOfPinnedOnes(@TempDir Path dir) {
        String before = """
                host h { cpu { cores 8 features vt-x } memory 64 GiB hypervisor kvm }
                vm a on h { vcpus 1 memory 1 GiB }
                """;
        Models.Loaded first = Models.text(dir, "grow.vinfra", before);
        TopologyDiagram old = first.diagram();
        new TopologyLayout().layout(old.graph());
        GNode a = (GNode) Diagrams.element(old, "vm:a");
        Map<String, Point> pins = Map.of("vm:a", new Point(a.getPosition().getX(), a.getPosition().getY()));
        // three new VMs appear; ELK would put one where a is pinned
        Models.Loaded grown = Models.text(dir, "grow.vinfra", """
                host h { cpu { cores 8 features vt-x } memory 64 GiB hypervisor kvm }
                vm b on h { vcpus 1 memory 1 GiB }
                vm c on h { vcpus 1 memory 1 GiB }
                vm a on h { vcpus 1 memory 1 GiB }
                vm d on h { vcpus 1 memory 1 GiB }
                """);
        TopologyDiagram diagram = grown.diagram();
        new TopologyLayout().layout(diagram.graph(), pins);
        assertLaidOut(diagram.graph());
        GNode pinnedA = (GNode) Diagrams.element(diagram, "vm:a");
        assertEquals(pins.get("vm:a").x(), pinnedA.getPosition().getX());
        assertEquals(pins.get("vm:a").y(), pinnedA.getPosition().getY());
    }

    @Test
    void largeModelsAreLaidOutLevelByLevel(@TempDir Path dir) {
        StringBuilder text = new StringBuilder("network net0 { mode nat cidr 10.0.0.0/16 }\nnetwork net1 { mode nat cidr 10.1.0.0/16 }\n");
        int hosts = 300;
        for (int h = 0; h < hosts; h++) {
            text.append("host h").append(h).append(" { cpu { sockets 2 cores 16 threads 2 features vt-x } memory 512 GiB nic eth0 hypervisor kvm }\n");
            for (int v = 0; v < 10; v++) {
                text.append("vm v").append(h).append('x').append(v).append(" on h").append(h).append(" { vcpus 2 memory 4 GiB nic eth0 on net")
                        .append(h % 2).append(" }\n");
            }
        }
        TopologyDiagram diagram = Models.text(dir, "large.vinfra", text.toString()).diagram();
        assertTrue(Diagrams.nodeIds(diagram).size() > TopologyLayout.INCLUDE_CHILDREN_LIMIT);
        TopologyLayout.Report report = new TopologyLayout().layout(diagram.graph(), Map.of("vm:v0x0", new Point(12, 400)));
        assertEquals(TopologyLayout.Strategy.SEPARATE_CHILDREN, report.strategy());
        assertLaidOut(diagram.graph());
        assertEquals(3000, Diagrams.edges(diagram).size());
    }

    @Test
    void whenElkFailsWithPortsTheLayoutIsDoneWithoutThemThenLevelByLevel() {
        Models.Loaded loaded = Models.load(Models.example("kvm-sriov-server.vinfra"));
        TopologyDiagram withoutPorts = loaded.diagram();
        TopologyLayout.Report second = new TopologyLayout(Set.of(TopologyLayout.Strategy.INCLUDE_CHILDREN)).layout(withoutPorts.graph());
        assertEquals(TopologyLayout.Strategy.INCLUDE_CHILDREN_WITHOUT_PORTS, second.strategy());
        assertEquals(1, second.elkFailures().size());
        assertTrue(second.elkFailures().get(0).contains("hierarchical ports"), second.elkFailures().toString());
        assertLaidOut(withoutPorts.graph());

        TopologyDiagram separate = loaded.diagram();
        TopologyLayout.Report third = new TopologyLayout(
                Set.of(TopologyLayout.Strategy.INCLUDE_CHILDREN, TopologyLayout.Strategy.INCLUDE_CHILDREN_WITHOUT_PORTS)).layout(separate.graph());
        assertEquals(TopologyLayout.Strategy.SEPARATE_CHILDREN, third.strategy());
        assertLaidOut(separate.graph());
    }

    @Test
    void edgesCrossingHostsAndVmsAreRoutedOrthogonally(@TempDir Path dir) {
        TopologyDiagram diagram = Models.text(dir, "cross.vinfra", """
                host a { cpu { cores 8 features vt-x } memory 32 GiB hypervisor kvm }
                host b { cpu { cores 8 features vt-x } memory 32 GiB hypervisor kvm }
                network wan { mode nat cidr 10.0.0.0/24 }
                vm v on a { vcpus 2 memory 4 GiB nic e0 on wan ip 10.0.0.2 }
                container c on v { image "nginx:1.27" network wan ip 10.0.0.3 }
                vm w on b { vcpus 2 memory 4 GiB nic e0 on wan }
                """).diagram();
        new TopologyLayout().layout(diagram.graph());
        assertLaidOut(diagram.graph());
        for (GEdge edge : Diagrams.edges(diagram)) {
            List<GPoint> points = Routes.points(edge);
            for (int i = 0; i + 1 < points.size(); i++) {
                boolean horizontal = Math.abs(points.get(i).getY() - points.get(i + 1).getY()) < 0.01;
                boolean vertical = Math.abs(points.get(i).getX() - points.get(i + 1).getX()) < 0.01;
                assertTrue(horizontal || vertical, edge.getId() + " segment " + i + " is orthogonal: " + points);
            }
            assertTrue(GArguments.getEdgeSourcePoint(edge.getArgs()).isPresent());
        }
        List<String> inOrder = new ArrayList<>();
        Diagrams.element(diagram, "vm:v").getChildren().forEach(child -> inOrder.add(child.getId()));
        assertTrue(inOrder.contains("container:c"), "the container is drawn inside its VM");
    }
}
