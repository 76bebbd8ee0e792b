package org.vinfra.diagram.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.glsp.server.di.ServerModule;
import org.vinfra.diagram.server.glsp.Pinning;
import org.vinfra.diagram.server.glsp.TopologyDiagramModule;
import org.vinfra.diagram.server.glsp.TopologyServerEndpoint;
import org.vinfra.diagram.server.simulation.SimulationOverlayService;
import org.vinfra.diagram.server.text.DiagramWorkspace;
import org.vinfra.diagram.server.text.DiskTextStore;
import org.vinfra.diagram.server.text.TextStore;
import org.vinfra.diagram.server.web.DiagramWebServer;
import org.vinfra.lang.workspace.ModelSet;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * The live diagram editor of some .vinfra files: parses them, starts following them on disk, and
 * serves the web client and the GLSP server on 127.0.0.1 (see {@link #url()}). Closing stops it.
 *
 * <pre>
 * try (DiagramServer server = DiagramServer.start(language, List.of(Path.of("lab.vinfra")), 0)) {
 *     System.out.println(server.url());
 *     ...
 * }
 * </pre>
 */
public final class DiagramServer implements AutoCloseable {

    private final DiagramWorkspace workspace;
    private final SimulationOverlayService simulation;
    private final DiagramWebServer web;

    private DiagramServer(DiagramWorkspace workspace, SimulationOverlayService simulation, DiagramWebServer web) {
        this.workspace = workspace;
        this.simulation = simulation;
        this.web = web;
    }

    /**
     * @param language the language's injector (VinfraStandaloneSetup)
     * @param files    the .vinfra files to show (with what they import); new elements go to the first
     * @param port     the port on 127.0.0.1, 0 for any free one
     * @throws ModelSet.UnreadableFileException when a file is missing or unreadable (the message says which)
     * @throws IOException                      when the server cannot start (a port taken)
     */
    public static DiagramServer start(Injector language, List<Path> files, int port) throws ModelSet.UnreadableFileException, IOException {
        return start(language, files, port, new DiskTextStore());
    }

    /**
     * The same on texts kept elsewhere: an IDE's documents ({@link TextStore}), so that the diagram edits
     * what its text editors show.
     *
     * @param store where the texts are read and written
     */
    public static DiagramServer start(Injector language, List<Path> files, int port, TextStore store)
            throws ModelSet.UnreadableFileException, IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files");
        }
        DiagramLogging.install();
        DiagramWorkspace workspace = new DiagramWorkspace(language, files, store);
        try {
            workspace.snapshot();
            workspace.watchAlso(Pinning.sidecarOf(workspace.mainFile()));
            workspace.startWatching();
            String title = files.size() == 1 ? files.get(0).getFileName().toString()
                    : files.get(0).getFileName() + " +" + (files.size() - 1);
            SimulationOverlayService simulation = new SimulationOverlayService();
            DiagramWebServer web = new DiagramWebServer(() -> Guice.createInjector(new ServerModule()
                    .configureDiagramModule(new TopologyDiagramModule(workspace, simulation))), TopologyServerEndpoint.class, title);
            web.start(port);
            warmUp(workspace);
            return new DiagramServer(workspace, simulation, web);
        } catch (IOException | RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    /**
     * Draws the diagram once through a GLSP session of its own, in the background, while the user opens
     * the page: the classes of GLSP, Guice and ELK are loaded and their code compiled before the first
     * page asks for the diagram.
     */
    private static void warmUp(DiagramWorkspace workspace) {
        if ("0".equals(System.getenv("VINFRA_DIAGRAM_WARMUP"))) {
            return;
        }
        Thread thread = new Thread(() -> {
            try (HeadlessSession session = new HeadlessSession(workspace)) {
                session.root();
            } catch (Exception | LinkageError e) {
                // only a warm-up: the page draws it anyway
            }
        }, "vinfra diagram warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** The page to open, with the access token: {@code http://127.0.0.1:PORT/?token=...}. */
    public URI url() {
        return web.url();
    }

    /** The GLSP websocket address, with the token. */
    public URI websocketUrl() {
        return web.websocketUrl();
    }

    public int port() {
        return web.port();
    }

    public DiagramWorkspace workspace() {
        return workspace;
    }

    /** The simulation shown over every open diagram: {@link SimulationOverlayService#showSimulation} shows a run. */
    public SimulationOverlayService simulation() {
        return simulation;
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        web.join();
    }

    @Override
    public void close() {
        web.close();
        workspace.close();
    }
}
