package org.vinfra.diagram.server.glsp;

import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.server.features.directediting.LabelEditValidator;
import org.eclipse.glsp.server.features.directediting.ValidationStatus;

import com.google.inject.Inject;

/**
 * Checks a label while it is typed: the same plan as applying it (ModelEdits checks the name, its
 * uniqueness, the value), so what it refuses is refused with the same reason, and nothing is written.
 */
public class TopologyLabelEditValidator implements LabelEditValidator {

    @Inject
    private LabelEditTopologyHandler labels;

    @Inject
    private TopologyModelState state;

    @Override
    public ValidationStatus validate(String label, GModelElement element) {
        if (state.snapshot() == null) {
            return ValidationStatus.error(state.loadProblem() == null ? "the diagram is not loaded" : state.loadProblem());
        }
        Plan plan;
        try {
            plan = labels.plan(element.getId(), label);
        } catch (RuntimeException e) {
            return ValidationStatus.error(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return plan instanceof Plan.Refuse refuse ? ValidationStatus.error(refuse.reason()) : ValidationStatus.ok();
    }
}
