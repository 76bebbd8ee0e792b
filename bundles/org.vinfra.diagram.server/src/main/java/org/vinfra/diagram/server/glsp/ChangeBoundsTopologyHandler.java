package org.vinfra.diagram.server.glsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.glsp.graph.GBoundsAware;
import org.eclipse.glsp.graph.GDimension;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GModelRoot;
import org.eclipse.glsp.graph.GShapeElement;
import org.eclipse.glsp.server.operations.ChangeBoundsOperation;
import org.eclipse.glsp.server.types.ElementAndBounds;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.graph.DiagramTypes;
import org.vinfra.diagram.layout.Point;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Machine;
import org.vinfra.lang.vinfra.VirtualMachine;

/**
 * Moving elements. The new positions are pinned in the layout sidecar (so the layout keeps them).
 * GLSP's client has no tool that changes an element's container, so re-parenting is read from the
 * move itself: a VM whose centre lands inside another host is placed on that host
 * ({@code ModelEdits.moveVm}: only the name after {@code on} changes), and a container whose centre
 * lands inside another VM or host runs on it ({@code moveContainer}). A VM dropped outside every host
 * is refused (a VM needs a host) and snaps back. The move and the pins are one undo step.
 */
public class ChangeBoundsTopologyHandler extends TextOperationHandler<ChangeBoundsOperation> {

    @Override
    public String getLabel() {
        return "Move";
    }

    @Override
    public List<Supplier<Plan>> steps(ChangeBoundsOperation operation) {
        List<Supplier<Plan>> steps = new ArrayList<>();
        Map<String, Point> pins = new LinkedHashMap<>();
        List<String> moved = new ArrayList<>();
        if (snapshot() == null) {
            return List.of(this::unreadable);
        }
        for (ElementAndBounds bounds : operation.getNewBounds()) {
            GModelElement element = shown(bounds.getElementId()).orElse(null);
            if (!(element instanceof GShapeElement shape) || bounds.getNewPosition() == null) {
                continue;
            }
            GModelElement parent = element.getParent();
            Point origin = parent instanceof GModelRoot ? new Point(0, 0) : absolute(parent);
            Point topLeft = new Point(origin.x() + bounds.getNewPosition().getX(), origin.y() + bounds.getNewPosition().getY());
            GDimension size = bounds.getNewSize() != null ? bounds.getNewSize() : shape.getSize();
            Point centre = new Point(topLeft.x() + (size == null ? 0 : size.getWidth() / 2), topLeft.y() + (size == null ? 0 : size.getHeight() / 2));
            String type = element.getType();
            if (DiagramTypes.VM.equals(type) || (DiagramTypes.CONTAINER.equals(type) && !DiagramTypes.COMPOSE.equals(typeOf(parent)))) {
                List<String> hostTypes = DiagramTypes.VM.equals(type) ? List.of(DiagramTypes.HOST) : List.of(DiagramTypes.HOST, DiagramTypes.VM);
                GModelElement target = innermostAt(element, centre, hostTypes);
                GModelElement current = nearestAncestor(element, hostTypes);
                if (target == null && DiagramTypes.VM.equals(type)) {
                    return List.of(() -> Plan.refuse("A virtual machine runs on a host: drop " + DiagramIds.nameOf(element.getId())
                            + " inside a host to place it there (nothing was written)."));
                }
                String targetId = target == null ? null : target.getId();
                String currentId = current == null ? null : current.getId();
                if (!java.util.Objects.equals(targetId, currentId)) {
                    if (state.diagram().index().replica(element.getId()).isPresent()) {
                        return List.of(() -> Plan.refuse(DiagramIds.nameOf(element.getId())
                                + " is one replica of a replicated declaration; all its replicas are placed together: move the declaration (collapsed) instead."));
                    }
                    String id = element.getId();
                    steps.add(() -> place(id, targetId));
                    moved.add(id);
                    pins.put(id, relative(topLeft, target));
                    continue;
                }
            }
            pins.put(element.getId(), new Point(bounds.getNewPosition().getX(), bounds.getNewPosition().getY()));
        }
        if (!pins.isEmpty()) {
            String label = moved.isEmpty() ? "Move " + names(pins.keySet()) : "Move " + names(moved);
            steps.add(() -> Plan.write(pinChange(label, pins)));
        }
        return steps;
    }

    private static String names(Iterable<String> ids) {
        List<String> names = new ArrayList<>();
        ids.forEach(id -> names.add(DiagramIds.nameOf(id)));
        return String.join(", ", names);
    }

    private static Point relative(Point topLeft, GModelElement parent) {
        Point origin = parent == null ? new Point(0, 0) : absolute(parent);
        return new Point(topLeft.x() - origin.x(), topLeft.y() - origin.y());
    }

    private static String typeOf(GModelElement element) {
        return element == null ? null : element.getType();
    }

    /** Places the element (by id, looked up in the snapshot the previous step left) on the target (null: on nothing). */
    private Plan place(String id, String targetId) {
        EObject element = element(id).orElse(null);
        EObject target = targetId == null ? null : element(targetId).orElse(null);
        OptionalInt replica = targetId == null ? OptionalInt.empty() : state.diagram().index().replica(targetId);
        Integer number = replica.isPresent() ? replica.getAsInt() : null;
        if (element instanceof VirtualMachine vm && target instanceof Host host) {
            return toPlan(edits().moveVm(vm, host, number));
        }
        if (element instanceof Container container && (target == null || target instanceof Machine)) {
            if (number != null) {
                return Plan.refuse("Drop the container on the replicated declaration (collapsed), not on one replica.");
            }
            return toPlan(edits().moveContainer(container, (Machine) target));
        }
        return Plan.refuse("Cannot place " + DiagramIds.nameOf(id) + " there.");
    }

    private static GModelElement nearestAncestor(GModelElement element, List<String> types) {
        return element.getParent() == null ? null : nearest(element.getParent(), types);
    }

    /** The innermost node of the types whose bounds contain the point, not the moved element nor inside it. */
    private GModelElement innermostAt(GModelElement moved, Point point, List<String> types) {
        GModelElement root = state.getRoot();
        return innermost(root, moved, point, types, null);
    }

    private static GModelElement innermost(GModelElement element, GModelElement moved, Point point, List<String> types, GModelElement found) {
        for (GModelElement child : element.getChildren()) {
            if (child == moved || !(child instanceof GBoundsAware bounds) || bounds.getSize() == null) {
                continue;
            }
            Point origin = absolute(child);
            boolean inside = point.x() >= origin.x() && point.x() <= origin.x() + bounds.getSize().getWidth() && point.y() >= origin.y()
                    && point.y() <= origin.y() + bounds.getSize().getHeight();
            if (inside) {
                GModelElement candidate = types.contains(child.getType()) ? child : found;
                return innermost(child, moved, point, types, candidate);
            }
        }
        return found;
    }

    @Override
    protected Plan plan(ChangeBoundsOperation operation) {
        throw new UnsupportedOperationException("planned in steps");
    }
}
