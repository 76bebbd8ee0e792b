package org.vinfra.diagram.server.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of everything the server answers (the page, its assets and the websocket upgrade): a
 * request without the right {@code token} query parameter gets 403 and nothing else. A websocket
 * upgrade must also come from the server's own origin (or from no browser at all), and the Host
 * header must be the loopback address the server is bound to (no DNS rebinding).
 */
final class TokenGuard extends Handler.Wrapper {

    private final AccessToken token;
    private volatile int port;

    TokenGuard(AccessToken token, Handler handler) {
        super(handler);
        this.token = token;
    }

    void port(int port) {
        this.port = port;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String candidate = Request.extractQueryParameters(request).getValue("token");
        if (!token.matches(candidate)) {
            return forbid(response, callback, "403 forbidden: this vinfra diagram server needs the token printed with its URL\n");
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host != null && !host.equals("127.0.0.1:" + port) && !host.equals("localhost:" + port)) {
            return forbid(response, callback, "403 forbidden: unexpected Host\n");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !origin.equals("http://127.0.0.1:" + port) && !origin.equals("http://localhost:" + port)) {
            return forbid(response, callback, "403 forbidden: requests from other origins are refused\n");
        }
        return super.handle(request, response, callback);
    }

    private static boolean forbid(Response response, Callback callback, String text) {
        response.setStatus(HttpStatus.FORBIDDEN_403);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
