package org.vinfra.diagram.server.glsp;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.glsp.server.actions.Action;

/** Sprotty's expand button: show a replicated element's replicas, or collapse them again. */
public class CollapseExpandAction extends Action {

    public static final String KIND = "collapseExpand";

    private List<String> expandIds = new ArrayList<>();
    private List<String> collapseIds = new ArrayList<>();

    public CollapseExpandAction() {
        super(KIND);
    }

    public List<String> getExpandIds() {
        return expandIds == null ? List.of() : expandIds;
    }

    public List<String> getCollapseIds() {
        return collapseIds == null ? List.of() : collapseIds;
    }
}
