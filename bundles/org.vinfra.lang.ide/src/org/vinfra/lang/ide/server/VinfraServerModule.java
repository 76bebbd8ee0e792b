package org.vinfra.lang.ide.server;

import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.WorkspaceManager;

/** Xtext's language server module with positions clamped ({@link ClampingWorkspaceManager}). */
public class VinfraServerModule extends ServerModule {

    @Override
    protected void configure() {
        super.configure();
        bind(WorkspaceManager.class).to(ClampingWorkspaceManager.class);
    }
}
