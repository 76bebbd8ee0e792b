package org.vinfra.diagram.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the web client from the jar ({@code org/vinfra/diagram/server/client/}): {@code index.html}
 * at {@code /}, with the token written into the addresses of its assets and of the websocket, and
 * the bundle files. Nothing else: no directory listings, no other resources of the class path.
 */
final class ClientFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String ROOT = "org/vinfra/diagram/server/client/";
    private static final Map<String, String> FILES = Map.of(
            "/index.html", "text/html; charset=utf-8",
            "/bundle.js", "text/javascript; charset=utf-8",
            "/bundle.css", "text/css; charset=utf-8",
            "/favicon.svg", "image/svg+xml");

    private final transient AccessToken token;
    /** The files, read from the jar once. */
    private final transient java.util.concurrent.ConcurrentHashMap<String, byte[]> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private final String title;

    ClientFilesServlet(AccessToken token, String title) {
        this.token = token;
        this.title = title;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? request.getServletPath() : request.getServletPath() + request.getPathInfo();
        if (path == null || path.isEmpty() || path.equals("/")) {
            path = "/index.html";
        }
        String type = FILES.get(path);
        byte[] bytes = type == null ? null : cache.computeIfAbsent(path, ClientFilesServlet::readOrEmpty);
        if (bytes != null && bytes.length == 0) {
            bytes = null;
        }
        // the page is made for this token; the bundle is the same for the server's lifetime (and its
        // address carries the token), so the browser may keep it and its compiled code
        response.setHeader("Cache-Control", path.equals("/index.html") ? "no-store" : "private, max-age=86400, immutable");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (bytes == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (path.equals("/index.html")) {
            String encoded = URLEncoder.encode(token.value(), StandardCharsets.UTF_8);
            String html = new String(bytes, StandardCharsets.UTF_8)
                    .replace("@TOKEN@", encoded)
                    .replace("@TITLE@", escape(title));
            bytes = html.getBytes(StandardCharsets.UTF_8);
            int port = request.getLocalPort();
            response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws://127.0.0.1:" + port + " ws://localhost:" + port
                    + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
            response.setHeader("X-Frame-Options", "DENY");
        }
        response.setContentType(type);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static byte[] readOrEmpty(String path) {
        try {
            byte[] bytes = read(path);
            return bytes == null ? new byte[0] : bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = ClientFilesServlet.class.getClassLoader().getResourceAsStream(ROOT + path.substring(1))) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
