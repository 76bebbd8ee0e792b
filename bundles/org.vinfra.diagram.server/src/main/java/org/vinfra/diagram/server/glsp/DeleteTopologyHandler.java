package org.vinfra.diagram.server.glsp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.server.operations.DeleteOperation;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.graph.DiagramTypes;
import org.vinfra.lang.vinfra.VirtualNic;

/**
 * Deletes the selected elements, one after the other (each against the text the previous one left),
 * as one undo step. A vNIC's edge or port removes that {@code nic} line; an element goes with its
 * lines and the comment above it, and what referred to it is reported (ModelEdits' notes: the vNICs
 * that went with a network, with file:line), or the delete is refused when something is placed on
 * it. Labels are not deleted on their own: deleting one deletes nothing.
 */
public class DeleteTopologyHandler extends TextOperationHandler<DeleteOperation> {

    @Override
    public String getLabel() {
        return "Delete";
    }

    @Override
    public List<Supplier<Plan>> steps(DeleteOperation operation) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : operation.getElementIds() == null ? List.<String>of() : operation.getElementIds()) {
            if (!DiagramIds.isLabelId(id) || DiagramIds.isEdgeId(id)) {
                ids.add(DiagramIds.ownerOf(id));
            }
        }
        // Edges and ports first: deleting their element first would leave them nothing to delete.
        List<String> ordered = new ArrayList<>(ids.stream().filter(DiagramIds::isEdgeId).toList());
        ids.stream().filter(id -> !DiagramIds.isEdgeId(id)).forEach(ordered::add);
        List<Supplier<Plan>> steps = new ArrayList<>();
        for (String id : ordered) {
            steps.add(() -> deleteOne(id, ordered));
        }
        return steps;
    }

    @Override
    protected Plan plan(DeleteOperation operation) {
        throw new UnsupportedOperationException("planned in steps");
    }

    private Plan deleteOne(String id, List<String> all) {
        if (snapshot() == null) {
            return unreadable();
        }
        Optional<GModelElement> shown = shown(id);
        Optional<EObject> element = element(id);
        if (element.isEmpty()) {
            // gone with an earlier one of the selection (a vNIC edge of a deleted VM)
            return Plan.nothing();
        }
        String type = shown.map(GModelElement::getType).orElse("");
        if (state.diagram().index().replica(id).isPresent() && DiagramTypes.isNode(type)) {
            return Plan.refuse(DiagramIds.nameOf(id) + " is one replica of a replicated declaration: delete the declaration (collapse it), or change its range in the text.");
        }
        if (element.get() instanceof VirtualNic nic) {
            return toPlan(edits().removeNic(nic));
        }
        return toPlan(edits().delete(element.get()));
    }
}
