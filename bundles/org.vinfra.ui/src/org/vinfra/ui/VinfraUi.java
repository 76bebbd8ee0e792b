package org.vinfra.ui;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;
import org.vinfra.lang.ide.VinfraIdeSetup;
import org.vinfra.ui.editor.DiagnosticMarkers;
import org.vinfra.ui.server.EmbeddedLanguageServer;
import org.vinfra.ui.server.WorkspaceFiles;

import com.google.inject.Injector;

/**
 * The vinfra IDE bundle: owns the language's injector and the embedded language server that every
 * editor feature talks to. Both start on first use.
 */
public final class VinfraUi extends AbstractUIPlugin {

    public static final String PLUGIN_ID = "org.vinfra.ui";

    private static VinfraUi instance;

    private Injector injector;
    private EmbeddedLanguageServer languageServer;

    public static VinfraUi get() {
        return instance;
    }

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        EmbeddedLanguageServer server;
        synchronized (this) {
            server = languageServer;
            languageServer = null;
        }
        if (server != null) {
            server.shutdown();
        }
        instance = null;
        super.stop(context);
    }

    /** The language's runtime and IDE services (parser, validator, formatter, hovers...). */
    public synchronized Injector injector() {
        if (injector == null) {
            injector = new VinfraIdeSetup().createInjectorAndDoEMFRegistration();
        }
        return injector;
    }

    /** The in-process language server over the workspace, started on first use. */
    public synchronized EmbeddedLanguageServer languageServer() {
        if (languageServer == null) {
            languageServer = EmbeddedLanguageServer.start(injector(), ResourcesPlugin.getWorkspace().getRoot().getLocation().toPath());
            DiagnosticMarkers.install(languageServer);
            WorkspaceFiles.install(languageServer);
        }
        return languageServer;
    }

    public static void log(String message, Throwable error) {
        ILog.of(VinfraUi.class).log(new Status(IStatus.ERROR, PLUGIN_ID, message, error));
    }

    public static IStatus error(String message, Throwable error) {
        return new Status(IStatus.ERROR, PLUGIN_ID, message, error);
    }
}
