package org.vinfra.diagram.server.glsp;

import java.util.List;

import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.server.operations.CreateEdgeOperation;
import org.eclipse.glsp.server.operations.CreateOperationHandler;
import org.vinfra.diagram.graph.DiagramTypes;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.VirtualMachine;

/** The "vNIC" edge tool: from a VM (or one of its vNICs) to a network adds {@code nic ethN on NETWORK} to the VM. */
public class CreateVnicHandler extends TextOperationHandler<CreateEdgeOperation> implements CreateOperationHandler<CreateEdgeOperation> {

    @Override
    public List<String> getHandledElementTypeIds() {
        return List.of(DiagramTypes.EDGE_VNIC);
    }

    @Override
    public String getLabel() {
        return "vNIC";
    }

    @Override
    protected Plan plan(CreateEdgeOperation operation) {
        if (snapshot() == null) {
            return unreadable();
        }
        GModelElement source = shown(operation.getSourceElementId()).map(s -> nearest(s, List.of(DiagramTypes.VM))).orElse(null);
        if (source == null || !(element(source.getId()).orElse(null) instanceof VirtualMachine vm)) {
            return Plan.refuse("A vNIC starts at a virtual machine: drag from a VM to a network.");
        }
        if (!(element(operation.getTargetElementId()).orElse(null) instanceof Network network)) {
            return Plan.refuse("A vNIC ends at a network: drag from the VM to a network.");
        }
        return toPlan(edits().addNic(vm, network));
    }
}
