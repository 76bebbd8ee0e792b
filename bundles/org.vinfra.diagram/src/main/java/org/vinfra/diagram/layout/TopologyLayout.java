package org.vinfra.diagram.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.components.ComponentOrderingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkConnectableShape;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.eclipse.glsp.graph.GBoundsAware;
import org.eclipse.glsp.graph.GButton;
import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GLabel;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.GPoint;
import org.eclipse.glsp.graph.GPort;
import org.eclipse.glsp.graph.builder.impl.GArguments;
import org.eclipse.glsp.graph.util.GraphUtil;
import org.vinfra.diagram.graph.DiagramTypes;

/**
 * Lays out a topology graph with ELK Layered: the whole hierarchy at once ({@code hierarchyHandling =
 * INCLUDE_CHILDREN}: hosts contain VMs contain containers, and edges cross them), left to right, orthogonal
 * edges, vNICs as ports. Node sizes come from their labels ({@link TextMetrics}): a header with the name and
 * one line per figure; a compound node (a host with VMs) keeps its header above its children.
 * <p>
 * Then the positions the user pinned are applied (relative to the parent, as GLSP keeps them), and siblings
 * that would overlap are moved down until nothing overlaps: a new element never lands on top of another, and
 * two pinned positions that collide keep the first (in the order of the text) and move the second. Edges
 * touching moved elements are routed again, orthogonally.
 * <p>
 * The same graph gives the same layout (ELK runs with a fixed seed on elements in the order of the text).
 * ELK bug elk#1192 (an {@code IllegalStateException} under INCLUDE_CHILDREN with ports on compound nodes and
 * edges crossing them) is avoided by never giving ELK a port without edges and by leaving port constraints
 * free; should ELK still fail, the layout is run again without ports, then level by level
 * ({@code SEPARATE_CHILDREN}, edges between levels routed here): {@link Report#strategy()} says which.
 */
public final class TopologyLayout {

    /** Space inside a node around its labels and children, in px. */
    public static final double PADDING = 8;
    /** Space between a compound node's border and its children (sides and bottom). */
    public static final double INSET = 12;
    public static final double PORT_SIZE = 10;
    public static final double BUTTON_SIZE = 14;
    /** Space between sibling nodes. */
    public static final double SPACING = 24;
    /** The smallest gap the overlap check leaves between siblings. */
    public static final double GAP = 10;
    public static final double MIN_WIDTH = 90;
    /**
     * Graphs with more nodes than this are laid out level by level ({@link Strategy#SEPARATE_CHILDREN}): ELK
     * on the whole hierarchy of a data centre (2,000 hosts, 20,000 VMs) takes tens of seconds.
     */
    public static final int INCLUDE_CHILDREN_LIMIT = 3000;

    /** How the layout was done. */
    public enum Strategy {
        /** ELK Layered on the whole hierarchy, vNICs as ports (the normal case). */
        INCLUDE_CHILDREN,
        /** The same without ports (edges start at the VM): after ELK failed with ports (elk#1192). */
        INCLUDE_CHILDREN_WITHOUT_PORTS,
        /**
         * ELK Layered level by level, edges between levels routed here: for graphs of more than
         * {@link #INCLUDE_CHILDREN_LIMIT} nodes, or after ELK failed on the whole hierarchy.
         */
        SEPARATE_CHILDREN
    }

    /**
     * @param strategy how ELK was run
     * @param displaced the pinned elements that could not keep their position (it overlapped another one's)
     * @param elkFailures what ELK threw before the strategy that worked (empty normally)
     */
    public record Report(Strategy strategy, List<String> displaced, List<String> elkFailures) {
    }

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private final RecursiveGraphLayoutEngine engine = new RecursiveGraphLayoutEngine();
    /** Tests only: strategies that fail as if ELK had thrown. */
    private final Set<Strategy> failing;

    public TopologyLayout() {
        this(Set.of());
    }

    TopologyLayout(Set<Strategy> failing) {
        this.failing = Set.copyOf(failing);
    }

    /** Lays out the graph (sets positions, sizes, routes) with nothing pinned. */
    public Report layout(GGraph graph) {
        return layout(graph, Map.of());
    }

    /**
     * Lays out the graph, keeping the pinned positions.
     *
     * @param pinned positions by element id, relative to the element's parent; ids not in the graph are ignored
     */
    public Report layout(GGraph graph, Map<String, Point> pinned) {
        Measured measured = measure(graph);
        Map<String, GModelElement> byId = byId(graph);
        List<String> failures = new ArrayList<>();
        Strategy used = null;
        List<Strategy> strategies = countNodes(graph) > INCLUDE_CHILDREN_LIMIT ? List.of(Strategy.SEPARATE_CHILDREN) : List.of(Strategy.values());
        for (Strategy strategy : strategies) {
            try {
                runElk(graph, byId, measured, strategy);
                used = strategy;
                break;
            } catch (RuntimeException e) {
                failures.add(strategy + ": " + e);
            }
        }
        if (used == null) {
            throw new IllegalStateException("ELK could not lay out the diagram: " + failures);
        }
        List<String> displaced = new ArrayList<>();
        Set<GModelElement> changed = Pins.apply(graph, pinned, measured, displaced);
        if (used == Strategy.SEPARATE_CHILDREN || !changed.isEmpty()) {
            Routes.reroute(graph, byId, changed, used == Strategy.SEPARATE_CHILDREN);
        }
        placeEdgeLabels(graph);
        GBoundsAware bounds = graph;
        double[] extent = Pins.extent(graph);
        bounds.setSize(GraphUtil.dimension(extent[2], extent[3]));
        return new Report(used, List.copyOf(displaced), List.copyOf(failures));
    }

    // ------------------------------------------------------------------ sizes from labels

    /** Header sizes of nodes: the labels stacked under each other. */
    static final class Measured {
        final Map<GNode, double[]> headers = new IdentityHashMap<>();

        double headerWidth(GNode node) {
            return headers.get(node)[0];
        }

        double headerHeight(GNode node) {
            return headers.get(node)[1];
        }
    }

    private static Measured measure(GGraph graph) {
        Measured measured = new Measured();
        measureChildren(graph, measured);
        return measured;
    }

    private static void measureChildren(GModelElement parent, Measured measured) {
        for (GModelElement child : parent.getChildren()) {
            if (child instanceof GNode node) {
                measureNode(node, measured);
                measureChildren(node, measured);
            } else if (child instanceof GEdge edge) {
                for (GModelElement label : edge.getChildren()) {
                    if (label instanceof GLabel text) {
                        text.setSize(GraphUtil.dimension(TextMetrics.width(text.getText(), TextMetrics.FIGURE_SIZE, false) + 4,
                                TextMetrics.lineHeight(TextMetrics.FIGURE_SIZE)));
                    }
                }
            }
        }
    }

    private static void measureNode(GNode node, Measured measured) {
        double y = PADDING;
        double width = 0;
        boolean hasButton = false;
        double side = DiagramTypes.NETWORK.equals(node.getType()) ? PADDING + 8 : PADDING;
        for (GModelElement child : node.getChildren()) {
            if (child instanceof GLabel label) {
                boolean name = DiagramTypes.LABEL_NAME.equals(label.getType());
                double size = name ? TextMetrics.NAME_SIZE : TextMetrics.FIGURE_SIZE;
                double w = TextMetrics.width(label.getText(), size, name);
                double h = TextMetrics.lineHeight(size);
                label.setPosition(GraphUtil.point(side, y));
                label.setSize(GraphUtil.dimension(w, h));
                y += h;
                width = Math.max(width, w + (name ? BUTTON_SIZE + 6 : 0));
            } else if (child instanceof GButton) {
                hasButton = true;
            } else if (child instanceof GPort port) {
                port.setSize(GraphUtil.dimension(PORT_SIZE, PORT_SIZE));
                for (GModelElement portChild : port.getChildren()) {
                    if (portChild instanceof GLabel label) {
                        label.setPosition(GraphUtil.point(PORT_SIZE + 2, -TextMetrics.lineHeight(TextMetrics.FIGURE_SIZE - 1)));
                        label.setSize(GraphUtil.dimension(TextMetrics.width(label.getText(), TextMetrics.FIGURE_SIZE - 1, false),
                                TextMetrics.lineHeight(TextMetrics.FIGURE_SIZE - 1)));
                    }
                }
            }
        }
        double headerWidth = Math.max(MIN_WIDTH, width + 2 * side);
        double headerHeight = y + PADDING / 2;
        if (hasButton) {
            for (GModelElement child : node.getChildren()) {
                if (child instanceof GButton button) {
                    button.setPosition(GraphUtil.point(headerWidth - PADDING - BUTTON_SIZE, PADDING));
                    button.setSize(GraphUtil.dimension(BUTTON_SIZE, BUTTON_SIZE));
                }
            }
        }
        measured.headers.put(node, new double[] { headerWidth, headerHeight });
        node.setSize(GraphUtil.dimension(headerWidth, headerHeight + PADDING / 2));
    }

    private static int countNodes(GModelElement parent) {
        int count = 0;
        for (GModelElement child : parent.getChildren()) {
            if (child instanceof GNode) {
                count += 1 + countNodes(child);
            }
        }
        return count;
    }

    static boolean isCompound(GNode node) {
        for (GModelElement child : node.getChildren()) {
            if (child instanceof GNode) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ ELK

    private void runElk(GGraph graph, Map<String, GModelElement> byId, Measured measured, Strategy strategy) {
        if (failing.contains(strategy)) {
            throw new IllegalStateException("Expected 1 hierarchical ports, but found only 0. (simulated)");
        }
        Map<GModelElement, ElkConnectableShape> shapes = new IdentityHashMap<>();
        Map<GEdge, ElkEdge> elkEdges = new LinkedHashMap<>();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setIdentifier(graph.getId());
        configure(root, strategy);
        Set<String> elkPorts = new HashSet<>();
        for (GModelElement child : graph.getChildren()) {
            if (child instanceof GEdge edge && strategy != Strategy.INCLUDE_CHILDREN_WITHOUT_PORTS) {
                GModelElement source = byId.get(edge.getSourceId());
                GModelElement target = byId.get(edge.getTargetId());
                if (source == null || target == null) {
                    continue;
                }
                if (strategy == Strategy.INCLUDE_CHILDREN || owner(source).getParent() == owner(target).getParent()) {
                    elkPorts.add(edge.getSourceId());
                    elkPorts.add(edge.getTargetId());
                }
            }
        }
        for (GModelElement child : graph.getChildren()) {
            if (child instanceof GNode node) {
                toElk(node, root, measured, strategy, shapes, elkPorts);
            }
        }
        Set<String> proxies = new HashSet<>();
        for (GModelElement child : graph.getChildren()) {
            if (child instanceof GEdge edge) {
                ElkConnectableShape source = shapeOf(byId.get(edge.getSourceId()), shapes);
                ElkConnectableShape target = shapeOf(byId.get(edge.getTargetId()), shapes);
                if (source == null || target == null || source == target) {
                    continue;
                }
                if (strategy == Strategy.SEPARATE_CHILDREN && nodeOf(source).getParent() != nodeOf(target).getParent()) {
                    proxy(nodeOf(source), nodeOf(target), proxies);
                    continue;
                }
                ElkEdge elkEdge = ElkGraphUtil.createSimpleEdge(source, target);
                elkEdge.setIdentifier(edge.getId());
                ElkGraphUtil.updateContainment(elkEdge);
                for (GModelElement label : edge.getChildren()) {
                    if (label instanceof GLabel text) {
                        ElkLabel elkLabel = ElkGraphUtil.createLabel(text.getText(), elkEdge);
                        elkLabel.setDimensions(text.getSize().getWidth(), text.getSize().getHeight());
                        elkLabel.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
                    }
                }
                elkEdges.put(edge, elkEdge);
            }
        }
        if (strategy == Strategy.SEPARATE_CHILDREN) {
            packUnconnected(root);
        }
        engine.layout(root, new BasicProgressMonitor());
        apply(graph, byId, shapes, elkEdges);
    }

    /**
     * Level by level, an edge between nodes of different levels is routed here, but ELK should still place its
     * ends near each other: it gets one edge between the two siblings that contain them (once per pair).
     */
    private static void proxy(ElkNode source, ElkNode target, Set<String> proxies) {
        List<ElkNode> sourceChain = chain(source);
        List<ElkNode> targetChain = chain(target);
        int common = 0;
        while (common < sourceChain.size() && common < targetChain.size() && sourceChain.get(common) == targetChain.get(common)) {
            common++;
        }
        if (common >= sourceChain.size() || common >= targetChain.size()) {
            return;
        }
        ElkNode from = sourceChain.get(common);
        ElkNode to = targetChain.get(common);
        if (proxies.add(from.getIdentifier() + "\n" + to.getIdentifier())) {
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
            ElkGraphUtil.updateContainment(edge);
        }
    }

    /** The nodes from the root down to this one. */
    private static List<ElkNode> chain(ElkNode node) {
        List<ElkNode> chain = new ArrayList<>();
        for (ElkNode each = node; each != null; each = each.getParent()) {
            chain.add(0, each);
        }
        return chain;
    }

    /**
     * Level by level, a compound node whose children have no edge between them (a host whose VMs connect only
     * to networks outside it) is packed in rows by ELK's box layout: Layered would only place them side by side,
     * a thousand times slower on a data centre.
     */
    private static void packUnconnected(ElkNode node) {
        for (ElkNode child : node.getChildren()) {
            if (!child.getChildren().isEmpty()) {
                packUnconnected(child);
                if (child.getContainedEdges().isEmpty()) {
                    child.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.box");
                    child.setProperty(CoreOptions.SPACING_NODE_NODE, SPACING);
                }
            }
        }
    }

    /** The node of a port, or the node itself. */
    static GModelElement owner(GModelElement element) {
        return element instanceof GPort port && port.getParent() != null ? port.getParent() : element;
    }

    private static ElkNode nodeOf(ElkConnectableShape shape) {
        return shape instanceof ElkPort port ? port.getParent() : (ElkNode) shape;
    }

    /** Every element of the graph by id. */
    static Map<String, GModelElement> byId(GModelElement root) {
        Map<String, GModelElement> elements = new HashMap<>();
        collect(root, elements);
        return elements;
    }

    private static void collect(GModelElement element, Map<String, GModelElement> elements) {
        elements.put(element.getId(), element);
        for (GModelElement child : element.getChildren()) {
            collect(child, elements);
        }
    }

    private static ElkConnectableShape shapeOf(GModelElement element, Map<GModelElement, ElkConnectableShape> shapes) {
        if (element == null) {
            return null;
        }
        ElkConnectableShape shape = shapes.get(element);
        if (shape == null && element instanceof GPort port && port.getParent() != null) {
            return shapes.get(port.getParent());
        }
        return shape;
    }

    private static void configure(ElkNode node, Strategy strategy) {
        node.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        node.setProperty(CoreOptions.HIERARCHY_HANDLING,
                strategy == Strategy.SEPARATE_CHILDREN ? HierarchyHandling.SEPARATE_CHILDREN : HierarchyHandling.INCLUDE_CHILDREN);
        node.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        node.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        node.setProperty(CoreOptions.SPACING_NODE_NODE, SPACING);
        node.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, SPACING * 2);
        node.setProperty(CoreOptions.SPACING_EDGE_NODE, 12.0);
        node.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 12.0);
        node.setProperty(CoreOptions.SPACING_EDGE_EDGE, 8.0);
        node.setProperty(CoreOptions.SPACING_EDGE_LABEL, 2.0);
        node.setProperty(CoreOptions.RANDOM_SEED, 1);
        // the diagram reads like the text: unconnected groups, and nodes of a layer, in the order they are declared
        node.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_COMPONENTS, ComponentOrderingStrategy.MODEL_ORDER);
        node.setProperty(LayeredOptions.CROSSING_MINIMIZATION_SEMI_INTERACTIVE, true);
    }

    private static void toElk(GNode node, ElkNode parent, Measured measured, Strategy strategy, Map<GModelElement, ElkConnectableShape> shapes,
            Set<String> elkPorts) {
        ElkNode elk = ElkGraphUtil.createNode(parent);
        elk.setIdentifier(node.getId());
        elk.setProperty(CoreOptions.POSITION, new KVector(0, parent.getChildren().size()));
        shapes.put(node, elk);
        double headerWidth = measured.headerWidth(node);
        double headerHeight = measured.headerHeight(node);
        if (isCompound(node)) {
            configure(elk, strategy);
            elk.setProperty(CoreOptions.PADDING, new ElkPadding(headerHeight + PADDING, INSET, INSET, INSET));
            elk.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
            elk.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(headerWidth, headerHeight + 2 * PADDING));
            elk.setDimensions(headerWidth, headerHeight + 2 * PADDING);
        } else {
            elk.setDimensions(node.getSize().getWidth(), node.getSize().getHeight());
        }
        elk.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FREE);
        for (GModelElement child : node.getChildren()) {
            if (child instanceof GPort port && elkPorts.contains(port.getId())) {
                ElkPort elkPort = ElkGraphUtil.createPort(elk);
                elkPort.setIdentifier(port.getId());
                elkPort.setDimensions(PORT_SIZE, PORT_SIZE);
                shapes.put(port, elkPort);
            }
        }
        for (GModelElement child : node.getChildren()) {
            if (child instanceof GNode childNode) {
                toElk(childNode, elk, measured, strategy, shapes, elkPorts);
            }
        }
    }

    private static void apply(GGraph graph, Map<String, GModelElement> byId, Map<GModelElement, ElkConnectableShape> shapes,
            Map<GEdge, ElkEdge> elkEdges) {
        Map<ElkNode, double[]> absolute = new HashMap<>();
        for (Map.Entry<GModelElement, ElkConnectableShape> entry : shapes.entrySet()) {
            ElkConnectableShape shape = entry.getValue();
            if (entry.getKey() instanceof GNode node && shape instanceof ElkNode elk) {
                node.setPosition(GraphUtil.point(elk.getX(), elk.getY()));
                node.setSize(GraphUtil.dimension(elk.getWidth(), elk.getHeight()));
            } else if (entry.getKey() instanceof GPort port && shape instanceof ElkPort elk) {
                port.setPosition(GraphUtil.point(elk.getX(), elk.getY()));
            }
        }
        Set<GPort> anchored = new HashSet<>();
        for (GModelElement child : graph.getChildren()) {
            if (child instanceof GEdge edge) {
                edge.getRoutingPoints().clear();
                edge.getArgs().remove(GArguments.KEY_EDGE_SOURCE_POINT);
                edge.getArgs().remove(GArguments.KEY_EDGE_TARGET_POINT);
                ElkEdge elk = elkEdges.get(edge);
                if (elk == null || elk.getSections().isEmpty()) {
                    continue;
                }
                double[] offset = absoluteOf(elk.getContainingNode(), absolute);
                ElkEdgeSection section = elk.getSections().get(0);
                GPoint start = GraphUtil.point(offset[0] + section.getStartX(), offset[1] + section.getStartY());
                GPoint end = GraphUtil.point(offset[0] + section.getEndX(), offset[1] + section.getEndY());
                edge.getArgs().put(GArguments.KEY_EDGE_SOURCE_POINT, start);
                for (ElkBendPoint bend : section.getBendPoints()) {
                    edge.getRoutingPoints().add(GraphUtil.point(offset[0] + bend.getX(), offset[1] + bend.getY()));
                }
                edge.getArgs().put(GArguments.KEY_EDGE_TARGET_POINT, end);
                anchor(byId.get(edge.getSourceId()), start, shapes, absolute, anchored);
                anchor(byId.get(edge.getTargetId()), end, shapes, absolute, anchored);
            }
        }
        placeFreePorts(graph, byId, shapes, anchored);
    }

    /** A port ELK did not see (laid out without ports) goes where ELK made its edge leave the node. */
    private static void anchor(GModelElement end, GPoint point, Map<GModelElement, ElkConnectableShape> shapes, Map<ElkNode, double[]> absolute,
            Set<GPort> anchored) {
        if (end instanceof GPort port && !(shapes.get(port) instanceof ElkPort) && shapes.get(port.getParent()) instanceof ElkNode node
                && anchored.add(port)) {
            double[] corner = absoluteOf(node, absolute);
            port.setPosition(GraphUtil.point(point.getX() - corner[0] - PORT_SIZE / 2, point.getY() - corner[1] - PORT_SIZE / 2));
        }
    }

    private static double[] absoluteOf(ElkNode node, Map<ElkNode, double[]> cache) {
        if (node == null || node.getParent() == null) {
            return new double[] { 0, 0 };
        }
        double[] known = cache.get(node);
        if (known != null) {
            return known;
        }
        double[] parent = absoluteOf(node.getParent(), cache);
        double[] result = { parent[0] + node.getX(), parent[1] + node.getY() };
        cache.put(node, result);
        return result;
    }

    /**
     * Ports ELK did not see (no edge, laid out without ports, or an edge between levels) go on the side of their
     * node that faces the other end of their edge (the left side when they have none), one under the other.
     */
    private static void placeFreePorts(GGraph graph, Map<String, GModelElement> byId, Map<GModelElement, ElkConnectableShape> shapes,
            Set<GPort> anchored) {
        Map<String, String> otherEnd = new HashMap<>();
        for (GModelElement child : graph.getChildren()) {
            if (child instanceof GEdge edge) {
                otherEnd.putIfAbsent(edge.getSourceId(), edge.getTargetId());
                otherEnd.putIfAbsent(edge.getTargetId(), edge.getSourceId());
            }
        }
        placeFreePorts(graph, shapes, byId, otherEnd, anchored);
    }

    private static void placeFreePorts(GModelElement parent, Map<GModelElement, ElkConnectableShape> shapes, Map<String, GModelElement> byId,
            Map<String, String> otherEnd, Set<GPort> anchored) {
        for (GModelElement child : parent.getChildren()) {
            if (child instanceof GNode node) {
                double[] next = { PADDING, PADDING };
                Geometry.Box box = null;
                for (GModelElement part : node.getChildren()) {
                    if (part instanceof GPort port && !(shapes.get(port) instanceof ElkPort) && !anchored.contains(port)) {
                        if (box == null) {
                            box = Geometry.box(node);
                        }
                        GModelElement other = otherEnd.containsKey(port.getId()) ? byId.get(otherEnd.get(port.getId())) : null;
                        boolean east = other != null && Geometry.box(owner(other)).centerX() > box.centerX();
                        int side = east ? 1 : 0;
                        double y = Math.min(next[side], Math.max(0, node.getSize().getHeight() - PORT_SIZE));
                        port.setPosition(GraphUtil.point(east ? node.getSize().getWidth() - PORT_SIZE / 2 : -PORT_SIZE / 2, y));
                        next[side] += PORT_SIZE + 4;
                    }
                }
                placeFreePorts(node, shapes, byId, otherEnd, anchored);
            }
        }
    }

    /** Edge labels sit at the middle of their edge's longest segment (GLSP clients place them by their edge placement). */
    private static void placeEdgeLabels(GGraph graph) {
        for (GModelElement child : graph.getChildren()) {
            if (child instanceof GEdge edge) {
                List<GPoint> points = Routes.points(edge);
                GLabel label = null;
                for (GModelElement part : edge.getChildren()) {
                    if (part instanceof GLabel text) {
                        label = text;
                    }
                }
                if (label == null || points.size() < 2) {
                    continue;
                }
                int best = 0;
                double longest = -1;
                for (int i = 0; i + 1 < points.size(); i++) {
                    double length = Math.abs(points.get(i + 1).getX() - points.get(i).getX()) + Math.abs(points.get(i + 1).getY() - points.get(i).getY());
                    if (length > longest) {
                        longest = length;
                        best = i;
                    }
                }
                GPoint a = points.get(best);
                GPoint b = points.get(best + 1);
                double midX = (a.getX() + b.getX()) / 2;
                double midY = (a.getY() + b.getY()) / 2;
                label.setPosition(GraphUtil.point(midX - label.getSize().getWidth() / 2, midY - label.getSize().getHeight() - 1));
            }
        }
    }

    /** Children nodes of an element, in order. */
    static List<GNode> childNodes(GModelElement parent) {
        List<GNode> nodes = new ArrayList<>();
        for (GModelElement child : parent.getChildren()) {
            if (child instanceof GNode node) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    static final Comparator<GNode> BY_POSITION = Comparator.comparingDouble((GNode n) -> n.getPosition().getY())
            .thenComparingDouble(n -> n.getPosition().getX());
}
