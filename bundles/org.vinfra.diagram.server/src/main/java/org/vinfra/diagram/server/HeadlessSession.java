package org.vinfra.diagram.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GModelRoot;
import org.eclipse.glsp.server.actions.Action;
import org.eclipse.glsp.server.actions.ActionDispatcher;
import org.eclipse.glsp.server.actions.MessageAction;
import org.eclipse.glsp.server.di.ServerModule;
import org.eclipse.glsp.server.features.core.model.RequestModelAction;
import org.eclipse.glsp.server.model.GModelState;
import org.eclipse.glsp.server.protocol.GLSPServer;
import org.eclipse.glsp.server.protocol.InitializeClientSessionParameters;
import org.eclipse.glsp.server.protocol.InitializeParameters;
import org.eclipse.glsp.server.session.ClientSession;
import org.eclipse.glsp.server.session.ClientSessionManager;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.server.glsp.TopologyDiagramModule;
import org.vinfra.diagram.server.simulation.SimulationOverlayService;
import org.vinfra.diagram.server.text.DiagramWorkspace;
import org.vinfra.lang.VinfraStandaloneSetup;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * A GLSP server with one client session on some files, driven through its action dispatcher: no
 * websocket, no browser. For tests and the benchmark; the messages the server sends the client are
 * kept in {@link #received}.
 */
public final class HeadlessSession implements AutoCloseable {

    private static Injector language;

    public final DiagramWorkspace workspace;
    public final List<Action> received = new CopyOnWriteArrayList<>();
    private final ClientSession session;
    private final GLSPServer server;
    private final boolean ownsWorkspace;

    public static synchronized Injector language() {
        if (language == null) {
            language = new VinfraStandaloneSetup().createInjectorAndDoEMFRegistration();
        }
        return language;
    }

    public HeadlessSession(Path... files) throws Exception {
        this(language(), files);
    }

    /** @param language the language's injector (VinfraStandaloneSetup) */
    public HeadlessSession(Injector language, Path... files) throws Exception {
        this(new DiagramWorkspace(language, List.of(files)), true);
    }

    /** A session on a workspace that stays open when the session closes (the server's own). */
    public HeadlessSession(DiagramWorkspace workspace) throws Exception {
        this(workspace, false, new SimulationOverlayService());
    }

    /** A session on a workspace that stays open, showing the simulation overlay of {@code simulation}. */
    public HeadlessSession(DiagramWorkspace workspace, SimulationOverlayService simulation) throws Exception {
        this(workspace, false, simulation);
    }

    private HeadlessSession(DiagramWorkspace workspace, boolean ownsWorkspace) throws Exception {
        this(workspace, ownsWorkspace, new SimulationOverlayService());
    }

    private HeadlessSession(DiagramWorkspace workspace, boolean ownsWorkspace, SimulationOverlayService simulation) throws Exception {
        DiagramLogging.install();
        this.workspace = workspace;
        this.ownsWorkspace = ownsWorkspace;
        workspace.snapshot();
        Injector injector = Guice.createInjector(new ServerModule().configureDiagramModule(new TopologyDiagramModule(workspace, simulation)));
        server = injector.getInstance(GLSPServer.class);
        server.connect(message -> received.add(message.getAction()));
        InitializeParameters parameters = new InitializeParameters();
        parameters.setApplicationId("test");
        parameters.setProtocolVersion("1.0.0");
        server.initialize(parameters).get(10, TimeUnit.SECONDS);
        server.initializeClientSession(new InitializeClientSessionParameters("test-client", DiagramIds.DIAGRAM_TYPE,
                List.of("message", "setModel", "updateModel", "setMarkers", "setDirtyState", "status", "setEditValidationResult"))).get(10,
                        TimeUnit.SECONDS);
        session = injector.getInstance(ClientSessionManager.class).getSession("test-client").orElseThrow();
        dispatch(new RequestModelAction(Map.of("sourceUri", workspace.mainFile().toString())));
    }

    public ActionDispatcher dispatcher() {
        return session.getActionDispatcher();
    }

    /** Dispatches and waits until the server has handled it (and what it dispatched in turn). */
    public void dispatch(Action action) throws Exception {
        dispatcher().dispatch(action).get(30, TimeUnit.SECONDS);
        // the handler's answers are dispatched after it: wait for the queue to drain
        dispatcher().dispatch(new org.eclipse.glsp.server.actions.SetEditModeAction("editable")).get(30, TimeUnit.SECONDS);
    }

    public GModelRoot root() {
        return session.getInjector().getInstance(GModelState.class).getRoot();
    }

    public GModelElement element(String id) {
        return session.getInjector().getInstance(GModelState.class).getIndex().get(id)
                .orElseThrow(() -> new AssertionError("no element " + id + " in the diagram"));
    }

    public boolean has(String id) {
        return session.getInjector().getInstance(GModelState.class).getIndex().get(id).isPresent();
    }

    /** The messages the server sent since the last call. */
    public List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (Action action : received) {
            if (action instanceof MessageAction message && message.getMessage() != null && !message.getMessage().isEmpty()) {
                messages.add(message.getSeverity() + ": " + message.getMessage());
            }
        }
        received.clear();
        return messages;
    }

    @Override
    public void close() {
        server.shutdown();
        if (ownsWorkspace) {
            workspace.close();
        }
    }
}
