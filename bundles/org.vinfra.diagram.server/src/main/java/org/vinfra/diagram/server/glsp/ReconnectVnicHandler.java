package org.vinfra.diagram.server.glsp;

import java.util.List;
import java.util.Objects;

import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.server.operations.ReconnectEdgeOperation;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.graph.DiagramTypes;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.VirtualNic;

/** Moving a vNIC edge's end to another network attaches the vNIC there ({@code nic eth0 on OTHER}). */
public class ReconnectVnicHandler extends TextOperationHandler<ReconnectEdgeOperation> {

    @Override
    public String getLabel() {
        return "Reconnect vNIC";
    }

    @Override
    protected Plan plan(ReconnectEdgeOperation operation) {
        if (snapshot() == null) {
            return unreadable();
        }
        GModelElement edge = shown(operation.getEdgeElementId()).orElse(null);
        if (edge == null && DiagramIds.isEdgeId(operation.getEdgeElementId())
                && element(DiagramIds.sourceOf(operation.getEdgeElementId())).orElse(null) instanceof VirtualNic nic
                && element(operation.getTargetElementId()).orElse(null) instanceof Network network && nic.getNetwork() == network) {
            // the same drop reported twice (the client's tools): the vNIC is already there
            return Plan.nothing();
        }
        if (!(edge instanceof GEdge gedge) || !(element(edge.getId()).orElse(null) instanceof VirtualNic nic)) {
            return Plan.refuse("Only a vNIC's edge can be moved to another network; change the others in the text.");
        }
        if (!DiagramTypes.EDGE_VNIC.equals(edge.getType()) && !DiagramTypes.EDGE_SRIOV.equals(edge.getType())) {
            return Plan.refuse("Only a vNIC's edge can be moved to another network.");
        }
        GModelElement oldVm = nearest(gedge.getSource(), List.of(DiagramTypes.VM));
        GModelElement newVm = shown(operation.getSourceElementId()).map(s -> nearest(s, List.of(DiagramTypes.VM))).orElse(null);
        if (newVm != null && oldVm != null && !Objects.equals(oldVm.getId(), newVm.getId())) {
            return Plan.refuse("A vNIC belongs to its VM (" + nic.getName() + "): delete it and draw a new vNIC from the other VM.");
        }
        if (!(element(operation.getTargetElementId()).orElse(null) instanceof Network network)) {
            return Plan.refuse("A vNIC ends at a network: drop the edge's end on a network.");
        }
        return toPlan(edits().reconnectNic(nic, network));
    }
}
