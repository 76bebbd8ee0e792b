package org.vinfra.diagram.server.glsp;

import java.util.List;

import org.eclipse.glsp.server.actions.ActionDispatcher;
import org.eclipse.glsp.server.actions.CenterAction;
import org.eclipse.glsp.server.actions.SaveModelAction;
import org.eclipse.glsp.server.actions.SelectAction;
import org.eclipse.glsp.server.actions.SelectAllAction;
import org.eclipse.glsp.server.di.ClientId;
import org.eclipse.glsp.server.features.core.model.RequestModelAction;
import org.eclipse.glsp.server.features.core.model.SourceModelStorage;
import org.eclipse.glsp.server.operations.DeleteOperation;
import org.eclipse.glsp.server.session.ClientSession;
import org.eclipse.glsp.server.session.ClientSessionListener;
import org.eclipse.glsp.server.session.ClientSessionManager;
import org.vinfra.diagram.server.simulation.SimulationOverlayService;
import org.vinfra.diagram.server.text.DiagramWorkspace;

import com.google.inject.Inject;

/**
 * The source model is the .vinfra files the server was started with (the client cannot name other
 * files). Loading joins this tab to the shared workspace, whose changes (on disk, or by another tab)
 * redraw it, as do changes of the simulation overlay; saving does nothing, because every operation is already written to the files, and no
 * GModel is ever saved.
 */
public class TextSourceModelStorage implements SourceModelStorage, ClientSessionListener {

    @Inject
    private TopologyModelState state;

    @Inject
    private ActionDispatcher dispatcher;

    @Inject
    private ClientSessionManager sessions;

    @Inject
    @ClientId
    private String clientId;

    @Inject
    private SimulationOverlayService simulation;

    private SimulationOverlayService.Listener overlayListener;

    @Override
    public void loadSourceModel(RequestModelAction action) {
        if (state.listener() == null) {
            DiagramWorkspace.Listener listener = new DiagramWorkspace.Listener() {
                @Override
                public void filesChanged() {
                    dispatcher.dispatch(new ReloadModelAction());
                }

                @Override
                public void select(List<String> ids) {
                    List<String> known = ids.stream().filter(id -> state.getIndex().get(id).isPresent()).toList();
                    if (!known.isEmpty() && !known.equals(state.selected())) {
                        dispatcher.dispatch(new SelectAction(known, true));
                        dispatcher.dispatch(new CenterAction(known, true, true));
                    }
                }

                @Override
                public void selectAll() {
                    dispatcher.dispatch(new SelectAllAction(true));
                }

                @Override
                public void deleteSelected() {
                    List<String> selected = state.selected().stream()
                            .filter(id -> state.getIndex().get(id).isPresent()).toList();
                    if (!selected.isEmpty()) {
                        dispatcher.dispatch(new DeleteOperation(selected));
                    }
                }
            };
            state.listener(listener);
            state.workspace().addListener(listener);
            overlayListener = () -> dispatcher.dispatch(new ReloadModelAction());
            simulation.addListener(overlayListener);
            sessions.addListener(this, clientId);
        }
    }

    @Override
    public void saveSourceModel(SaveModelAction action) {
        // every operation is written when it is made: nothing to save
    }

    @Override
    public void sessionDisposed(ClientSession session) {
        if (state.listener() != null) {
            state.workspace().removeListener(state.listener());
        }
        if (overlayListener != null) {
            simulation.removeListener(overlayListener);
        }
    }
}
