package org.vinfra.diagram.server.glsp;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.glsp.server.features.directediting.ApplyLabelEditOperation;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.lang.vinfra.VirtualMachine;

/**
 * Direct editing of a label: a name renames the element (references in every file follow), a VM's
 * vCPUs and memory labels set those values. The text typed is read as the label shows it ("4",
 * "4 vCPUs"; "8 GiB", "8 GiB max 16 GiB").
 */
public class LabelEditTopologyHandler extends TextOperationHandler<ApplyLabelEditOperation> {

    @Override
    public String getLabel() {
        return "Edit label";
    }

    @Override
    protected Plan plan(ApplyLabelEditOperation operation) {
        if (snapshot() == null) {
            return unreadable();
        }
        return plan(operation.getLabelId(), operation.getText());
    }

    /** The plan of typing {@code text} into the label {@code labelId} (also the label edit validator's check). */
    Plan plan(String labelId, String text) {
        String figure = DiagramIds.figureOf(labelId).orElse("");
        EObject element = element(labelId).orElse(null);
        if (element == null) {
            return Plan.refuse("This label belongs to nothing the text declares.");
        }
        if (state.diagram().index().replica(labelId).isPresent() && !DiagramIds.NAME.equals(figure)) {
            return Plan.refuse("This is one replica: edit the replicated declaration (collapsed) instead.");
        }
        Object value;
        try {
            value = DiagramIds.parseFigure(figure, text);
        } catch (IllegalArgumentException e) {
            return Plan.refuse(e.getMessage());
        }
        switch (figure) {
            case DiagramIds.NAME -> {
                if (state.diagram().index().replica(labelId).isPresent()) {
                    return Plan.refuse("A replica's name comes from its declaration (" + DiagramIds.nameOf(labelId)
                            + "): rename the declaration (collapsed) instead.");
                }
                Plan rename = toPlan(edits().rename(element, (String) value));
                String oldId = DiagramIds.ownerOf(labelId);
                if (rename instanceof Plan.Write write && DiagramIds.kindOf(oldId).isPresent()
                        && !Pinning.positions(state.workspace().mainFile()).isEmpty()) {
                    DiagramIds.Kind kind = DiagramIds.kindOf(oldId).get();
                    String newId = DiagramIds.parentOf(oldId).map(parent -> DiagramIds.partId(parent, kind, (String) value))
                            .orElse(DiagramIds.segment(kind, (String) value));
                    // the positions of the element (and of its parts and replicas) follow the new name
                    return Plan.write(write.change().then(sidecarChange(write.change().label(), sidecar -> sidecar.rename(oldId, newId))));
                }
                return rename;
            }
            case DiagramIds.VCPUS -> {
                if (element instanceof VirtualMachine vm) {
                    return toPlan(edits().setVcpus(vm, String.valueOf(value)));
                }
            }
            case DiagramIds.MEMORY -> {
                if (element instanceof VirtualMachine vm) {
                    return toPlan(edits().setMemory(vm, text.trim().replaceFirst("^memory\\s+", "")));
                }
            }
            case DiagramIds.MAX_MEMORY -> {
                if (element instanceof VirtualMachine vm) {
                    String memory = vm.getMemory() == null ? null : org.vinfra.lang.model.Units.SIZE.format(vm.getMemory());
                    if (memory == null) {
                        return Plan.refuse("Give the VM a memory first (its memory label), then a maximum.");
                    }
                    String max = text.trim().replaceFirst("^(max|hot-add to)\\s+", "");
                    return toPlan(edits().setMemory(vm, memory + " max " + max));
                }
            }
            default -> {
                // below
            }
        }
        return Plan.refuse("The " + figure + " label of " + DiagramIds.nameOf(labelId) + " is edited in the text.");
    }
}
