package org.vinfra.diagram.server.glsp;

import java.util.List;

import org.eclipse.glsp.server.actions.AbstractActionHandler;
import org.eclipse.glsp.server.actions.Action;
import org.eclipse.glsp.server.features.core.model.ModelSubmissionHandler;

import com.google.inject.Inject;

/** Expands or collapses replicated elements in this tab (nothing is written). */
public class CollapseExpandActionHandler extends AbstractActionHandler<CollapseExpandAction> {

    @Inject
    private TopologyModelState state;

    @Inject
    private ModelSubmissionHandler modelSubmissionHandler;

    @Override
    protected List<Action> executeAction(CollapseExpandAction action) {
        state.expanded().addAll(action.getExpandIds());
        state.expanded().removeAll(action.getCollapseIds());
        return modelSubmissionHandler.submitModel("expand");
    }
}
