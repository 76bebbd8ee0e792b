package org.vinfra.diagram.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GPoint;
import org.eclipse.glsp.graph.GPort;
import org.eclipse.glsp.graph.builder.impl.GArguments;
import org.eclipse.glsp.graph.util.GraphUtil;
import org.vinfra.diagram.layout.Geometry.Box;

/** Edge routes: reading them as one polyline, and routing again the edges ELK's routes no longer fit. */
final class Routes {

    private Routes() {
    }

    /**
     * The polyline of an edge in the root's coordinates: its source point, routing points and target point
     * (the source and target points are kept in the edge's args {@code edgeSourcePoint}, {@code edgeTargetPoint}).
     */
    static List<GPoint> points(GEdge edge) {
        List<GPoint> points = new ArrayList<>();
        GArguments.getEdgeSourcePoint(edge.getArgs()).ifPresent(points::add);
        points.addAll(edge.getRoutingPoints());
        GArguments.getEdgeTargetPoint(edge.getArgs()).ifPresent(points::add);
        return points;
    }

    /**
     * Routes again, orthogonally, the edges that touch a changed node (or a node inside one), and, when
     * {@code unrouted} is set, every edge ELK did not route.
     */
    static void reroute(GGraph graph, Map<String, GModelElement> byId, Set<GModelElement> changed, boolean unrouted) {
        for (GModelElement child : graph.getChildren()) {
            if (child instanceof GEdge edge) {
                GModelElement source = byId.get(edge.getSourceId());
                GModelElement target = byId.get(edge.getTargetId());
                if (source == null || target == null) {
                    continue;
                }
                boolean missing = GArguments.getEdgeSourcePoint(edge.getArgs()).isEmpty();
                if (missing && unrouted || touches(source, changed) || touches(target, changed)) {
                    route(edge, source, target);
                }
            }
        }
    }

    private static boolean touches(GModelElement element, Set<GModelElement> changed) {
        for (GModelElement each = element; each != null; each = each.getParent()) {
            if (changed.contains(each)) {
                return true;
            }
        }
        return false;
    }

    /** Three segments: out of the source's side facing the target, across, into the target's side. */
    static void route(GEdge edge, GModelElement source, GModelElement target) {
        Box from = Geometry.box(source);
        Box to = Geometry.box(target);
        List<GPoint> points = new ArrayList<>();
        GPoint start;
        GPoint end;
        if (to.x() >= from.right() || from.x() >= to.right()) {
            boolean right = to.x() >= from.right();
            start = GraphUtil.point(source instanceof GPort ? from.centerX() : right ? from.right() : from.x(), from.centerY());
            end = GraphUtil.point(right ? to.x() : to.right(), to.centerY());
            double middle = (start.getX() + end.getX()) / 2;
            if (start.getY() != end.getY()) {
                points.add(GraphUtil.point(middle, start.getY()));
                points.add(GraphUtil.point(middle, end.getY()));
            }
        } else {
            boolean down = to.centerY() >= from.centerY();
            start = GraphUtil.point(from.centerX(), source instanceof GPort ? from.centerY() : down ? from.bottom() : from.y());
            end = GraphUtil.point(to.centerX(), down ? to.y() : to.bottom());
            double middle = (start.getY() + end.getY()) / 2;
            if (start.getX() != end.getX()) {
                points.add(GraphUtil.point(start.getX(), middle));
                points.add(GraphUtil.point(end.getX(), middle));
            }
        }
        edge.getRoutingPoints().clear();
        edge.getRoutingPoints().addAll(points);
        edge.getArgs().put(GArguments.KEY_EDGE_SOURCE_POINT, start);
        edge.getArgs().put(GArguments.KEY_EDGE_TARGET_POINT, end);
    }
}
