package org.vinfra.diagram.layout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.GPort;
import org.eclipse.glsp.graph.util.GraphUtil;
import org.vinfra.diagram.layout.Geometry.Box;

/**
 * After ELK: the pinned positions, then no two siblings overlapping. Works bottom-up, so that a compound node
 * that grows (a pinned VM far inside its host) pushes its own siblings away too. Elements are only ever moved
 * down, so the resolution ends.
 */
final class Pins {

    private Pins() {
    }

    /** @return the nodes whose bounds in the root's coordinates changed (their edges need new routes) */
    static Set<GModelElement> apply(GGraph graph, Map<String, Point> pinned, TopologyLayout.Measured measured, List<String> displaced) {
        Set<GModelElement> changed = new HashSet<>();
        arrange(graph, pinned, measured, displaced, changed);
        return changed;
    }

    /** @return whether the container's size changed */
    private static boolean arrange(GModelElement container, Map<String, Point> pinned, TopologyLayout.Measured measured, List<String> displaced,
            Set<GModelElement> changed) {
        List<GNode> children = TopologyLayout.childNodes(container);
        boolean childResized = false;
        for (GNode child : children) {
            childResized |= arrange(child, pinned, measured, displaced, changed);
        }
        boolean hasPins = children.stream().anyMatch(c -> pinned.containsKey(c.getId()));
        if (!hasPins && !childResized) {
            return false;
        }
        boolean compound = container instanceof GNode;
        double left = compound ? TopologyLayout.INSET : Double.NEGATIVE_INFINITY;
        double top = compound ? measured.headerHeight((GNode) container) + TopologyLayout.PADDING : Double.NEGATIVE_INFINITY;
        List<GNode> order = new ArrayList<>();
        children.stream().filter(c -> pinned.containsKey(c.getId())).forEach(order::add);
        children.stream().filter(c -> !pinned.containsKey(c.getId())).sorted(TopologyLayout.BY_POSITION).forEach(order::add);
        List<Box> placed = new ArrayList<>();
        for (GNode child : order) {
            Point pin = pinned.get(child.getId());
            double x = pin != null ? Math.max(left, pin.x()) : child.getPosition().getX();
            double y = pin != null ? Math.max(top, pin.y()) : child.getPosition().getY();
            Box box = new Box(x, y, child.getSize().getWidth(), child.getSize().getHeight());
            boolean moved = false;
            for (Box other = firstOverlap(box, placed); other != null; other = firstOverlap(box, placed)) {
                box = new Box(box.x(), other.bottom() + TopologyLayout.GAP, box.width(), box.height());
                moved = true;
            }
            if (pin != null && (moved || x != pin.x() || y != pin.y())) {
                displaced.add(child.getId());
            }
            placed.add(box);
            if (box.x() != child.getPosition().getX() || box.y() != child.getPosition().getY()) {
                child.setPosition(GraphUtil.point(box.x(), box.y()));
                changed.add(child);
            }
        }
        if (!compound) {
            return false;
        }
        GNode node = (GNode) container;
        double width = node.getSize().getWidth();
        double height = node.getSize().getHeight();
        double neededWidth = width;
        double neededHeight = height;
        for (Box box : placed) {
            neededWidth = Math.max(neededWidth, box.right() + TopologyLayout.INSET);
            neededHeight = Math.max(neededHeight, box.bottom() + TopologyLayout.INSET);
        }
        if (neededWidth == width && neededHeight == height) {
            return false;
        }
        for (GModelElement child : node.getChildren()) {
            if (child instanceof GPort port && port.getPosition() != null) {
                double px = port.getPosition().getX();
                double py = port.getPosition().getY();
                if (px >= width - TopologyLayout.PORT_SIZE) {
                    px += neededWidth - width;
                }
                if (py >= height - TopologyLayout.PORT_SIZE) {
                    py += neededHeight - height;
                }
                port.setPosition(GraphUtil.point(px, py));
            }
        }
        node.setSize(GraphUtil.dimension(neededWidth, neededHeight));
        changed.add(node);
        return true;
    }

    private static Box firstOverlap(Box box, List<Box> placed) {
        Box grown = new Box(box.x() - TopologyLayout.GAP / 2, box.y() - TopologyLayout.GAP / 2, box.width() + TopologyLayout.GAP,
                box.height() + TopologyLayout.GAP);
        Box found = null;
        for (Box other : placed) {
            Box otherGrown = new Box(other.x() - TopologyLayout.GAP / 2, other.y() - TopologyLayout.GAP / 2, other.width() + TopologyLayout.GAP,
                    other.height() + TopologyLayout.GAP);
            if (grown.overlaps(otherGrown) && (found == null || other.bottom() > found.bottom())) {
                found = other;
            }
        }
        return found;
    }

    /** The bounds of everything at the root: {minX, minY, width, height} of the root's children. */
    static double[] extent(GGraph graph) {
        double minX = 0;
        double minY = 0;
        double maxX = 0;
        double maxY = 0;
        boolean first = true;
        for (GModelElement child : graph.getChildren()) {
            List<Box> boxes = new ArrayList<>();
            if (child instanceof GNode node) {
                boxes.add(Geometry.box(node));
            } else if (child instanceof org.eclipse.glsp.graph.GEdge edge) {
                for (var point : Routes.points(edge)) {
                    boxes.add(new Box(point.getX(), point.getY(), 0, 0));
                }
            }
            for (Box box : boxes) {
                minX = first ? box.x() : Math.min(minX, box.x());
                minY = first ? box.y() : Math.min(minY, box.y());
                maxX = first ? box.right() : Math.max(maxX, box.right());
                maxY = first ? box.bottom() : Math.max(maxY, box.bottom());
                first = false;
            }
        }
        return new double[] { minX, minY, maxX - minX, maxY - minY };
    }
}
