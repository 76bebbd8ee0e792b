package org.vinfra.diagram.server.glsp;

import java.util.List;

import org.eclipse.glsp.server.actions.AbstractActionHandler;
import org.eclipse.glsp.server.actions.Action;
import org.eclipse.glsp.server.features.core.model.ModelSubmissionHandler;

import com.google.inject.Inject;

/** Redraws the diagram from the files as they are now (after an edit in a text editor). */
public class ReloadModelActionHandler extends AbstractActionHandler<ReloadModelAction> {

    @Inject
    private ModelSubmissionHandler modelSubmissionHandler;

    @Inject
    private TopologyModelState state;

    @Override
    protected List<Action> executeAction(ReloadModelAction action) {
        if (state.getRoot() == null) {
            return none();
        }
        return modelSubmissionHandler.submitModel("reload");
    }
}
