package org.vinfra.diagram.server.glsp;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.glsp.server.actions.Action;
import org.eclipse.glsp.server.actions.ActionHandler;
import org.eclipse.glsp.server.actions.SetDirtyStateAction;
import org.eclipse.glsp.server.features.core.model.ModelSubmissionHandler;
import org.eclipse.glsp.server.features.undoredo.RedoAction;
import org.eclipse.glsp.server.features.undoredo.UndoAction;
import org.eclipse.glsp.server.utils.MessageActionUtil;
import org.vinfra.diagram.server.text.DiagramWorkspace;

import com.google.inject.Inject;

/**
 * Undo and redo on the files: each operation is one step; undo writes the texts before it back, but
 * only when the files still hold what the operation wrote (otherwise it refuses and says why: undoing
 * would throw away an edit made in a text editor meanwhile).
 */
public class TextUndoRedoActionHandler implements ActionHandler {

    @Inject
    private TopologyModelState state;

    @Inject
    private ModelSubmissionHandler modelSubmissionHandler;

    @Override
    public List<Action> execute(Action action) {
        DiagramWorkspace workspace = state.workspace();
        boolean undo = action instanceof UndoAction;
        DiagramWorkspace.Result result = undo ? workspace.undo(state.listener()) : workspace.redo(state.listener());
        List<Action> actions = new ArrayList<>();
        if (result instanceof DiagramWorkspace.Applied) {
            actions.addAll(modelSubmissionHandler.submitModel(undo ? SetDirtyStateAction.Reason.UNDO : SetDirtyStateAction.Reason.REDO));
            actions.add(MessageActionUtil.info(result.message()));
        } else {
            actions.add(MessageActionUtil.warn(result.message()));
        }
        return actions;
    }

    @Override
    public List<Class<? extends Action>> getHandledActionTypes() {
        return List.of(UndoAction.class, RedoAction.class);
    }
}
