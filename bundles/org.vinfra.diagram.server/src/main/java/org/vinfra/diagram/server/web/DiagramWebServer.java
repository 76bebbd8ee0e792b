package org.vinfra.diagram.server.web;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.util.function.Supplier;

import org.eclipse.glsp.server.websocket.GLSPConfigurator;
import org.eclipse.glsp.server.websocket.GLSPServerEndpoint;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import com.google.inject.Injector;

import jakarta.websocket.server.ServerEndpointConfig;

/**
 * A small Jetty 12 server on 127.0.0.1 only: the web client's files and the GLSP websocket
 * ({@code /glsp}) on the same origin, every request guarded by the {@link AccessToken}. Started and
 * stopped by its owner (unlike GLSP's {@code WebsocketServerLauncher}, which blocks and exits the
 * JVM on failure).
 */
public final class DiagramWebServer implements AutoCloseable {

    /** Where the client connects its websocket. */
    public static final String GLSP_PATH = "/glsp";
    /** The largest text message of the GLSP websocket: 8 MiB, as GLSP 2.3 allows. */
    public static final int MAX_MESSAGE = GLSPServerEndpoint.MAX_TEXT_MESSAGE_BUFFER_SIZE;

    private final Server server;
    private final AccessToken token;
    private final TokenGuard guard;
    private int port;

    /**
     * @param injectors makes a new GLSP server injector for each websocket connection
     * @param endpoint  the GLSP endpoint class the injector creates
     * @param title     the page title
     */
    public DiagramWebServer(Supplier<Injector> injectors, Class<? extends GLSPServerEndpoint> endpoint, String title) {
        this.token = AccessToken.random();
        QueuedThreadPool threads = new QueuedThreadPool(32, 2, 60_000);
        threads.setName("vinfra-diagram-http");
        threads.setDaemon(true);
        server = new Server(threads);
        server.setStopAtShutdown(false);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("client", new ClientFilesServlet(token, title)), "/");
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setDefaultMaxTextMessageBufferSize(MAX_MESSAGE);
            container.setDefaultMaxSessionIdleTimeout(0);
            container.addEndpoint(ServerEndpointConfig.Builder.create(endpoint, GLSP_PATH)
                    .configurator(new GLSPConfigurator(injectors))
                    .build());
        });
        guard = new TokenGuard(token, context);
        server.setHandler(guard);
    }

    /**
     * Binds 127.0.0.1:{@code port} (0: any free port) and starts serving.
     *
     * @throws IOException when the port is taken or the server cannot start (the message says which)
     */
    public void start(int port) throws IOException {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        try {
            server.start();
        } catch (BindException e) {
            stopQuietly();
            throw new IOException("port " + port + " on 127.0.0.1 is taken (" + e.getMessage() + "); choose another with --port, or 0 for any free port");
        } catch (IOException e) {
            stopQuietly();
            throw e;
        } catch (Exception e) {
            stopQuietly();
            throw new IOException("the diagram server did not start: " + e.getMessage(), e);
        }
        this.port = connector.getLocalPort();
        guard.port(this.port);
    }

    public int port() {
        return port;
    }

    public AccessToken token() {
        return token;
    }

    /** The page to open: {@code http://127.0.0.1:PORT/?token=...}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/?token=" + token.value());
    }

    /** The GLSP websocket address, with the token. */
    public URI websocketUrl() {
        return URI.create("ws://127.0.0.1:" + port + GLSP_PATH + "?token=" + token.value());
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }
}
