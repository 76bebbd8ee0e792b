package org.vinfra.diagram.server.glsp;

import org.eclipse.glsp.server.actions.Action;

/** Server-side: the files changed (on disk, or by another tab); redraw. */
public class ReloadModelAction extends Action {

    public static final String KIND = "vinfraReloadModel";

    public ReloadModelAction() {
        super(KIND);
    }
}
