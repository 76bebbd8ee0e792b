package org.vinfra.diagram.server.glsp;

import java.util.List;

import org.eclipse.glsp.server.actions.AbstractActionHandler;
import org.eclipse.glsp.server.actions.Action;

import com.google.inject.Inject;

/** Keeps this tab's selection (for the IDE's Delete and Select All) and tells the embedding (the text editor follows). */
public class SelectionChangedActionHandler extends AbstractActionHandler<SelectionChangedAction> {

    @Inject
    private TopologyModelState state;

    @Override
    protected List<Action> executeAction(SelectionChangedAction action) {
        state.selected(action.getSelectedIds());
        state.workspace().selected(action.getSelectedIds());
        return List.of();
    }
}
