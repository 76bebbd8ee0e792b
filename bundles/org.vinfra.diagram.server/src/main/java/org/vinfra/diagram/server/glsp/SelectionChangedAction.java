package org.vinfra.diagram.server.glsp;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.glsp.server.actions.Action;

/** Sent by the client when the user's selection in the diagram changed: the ids now selected. */
public class SelectionChangedAction extends Action {

    public static final String KIND = "vinfraSelectionChanged";

    private List<String> selectedIds = new ArrayList<>();

    public SelectionChangedAction() {
        super(KIND);
    }

    public List<String> getSelectedIds() {
        return selectedIds == null ? List.of() : selectedIds;
    }
}
