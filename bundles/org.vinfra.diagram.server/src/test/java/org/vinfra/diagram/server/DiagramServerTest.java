package org.vinfra.diagram.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.lang.workspace.ModelSet;

/**
 * The server as a client sees it, without a browser: bound to 127.0.0.1, the token on every request
 * (page, assets, websocket upgrade), the page pointing at its assets with the token, and the GLSP
 * protocol answering on the websocket.
 */
class DiagramServerTest {

    @TempDir
    Path folder;

    private DiagramServer start() throws Exception {
        Path file = folder.resolve("lab.vinfra");
        Files.writeString(file, DiagramOperationsTest.MODEL);
        return DiagramServer.start(HeadlessSession.language(), List.of(file), 0);
    }

    private static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRequestNeedsTheToken() throws Exception {
        try (DiagramServer server = start()) {
            String base = "http://127.0.0.1:" + server.port();
            String token = server.url().getQuery().substring("token=".length());
            assertTrue(token.length() >= 43, "32 random bytes, URL-safe Base64");
            assertEquals(403, get(base + "/").statusCode());
            assertEquals(403, get(base + "/bundle.js").statusCode());
            assertEquals(403, get(base + "/?token=" + token.substring(1)).statusCode());
            assertEquals(403, get(base + "/glsp").statusCode());
            HttpResponse<String> page = get(server.url().toString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("bundle.js?token=" + token), page.body());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
            assertEquals(200, get(base + "/bundle.js?token=" + token).statusCode());
            // only the client's files are served, nothing else of the class path
            assertEquals(404, get(base + "/org/vinfra/diagram/server/DiagramServer.class?token=" + token).statusCode());
            assertEquals(403, get(server.url().toString(), "Origin", "http://evil.example").statusCode(), "other origins are refused");
        }
    }

    @Test
    void theWebsocketNeedsTheTokenAndSpeaksGlsp() throws Exception {
        try (DiagramServer server = start()) {
            URI withoutToken = URI.create("ws://127.0.0.1:" + server.port() + "/glsp");
            CompletionException refused = assertThrows(CompletionException.class,
                    () -> HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(withoutToken, new WebSocket.Listener() {
                    }).join());
            assertTrue(refused.getCause() instanceof WebSocketHandshakeException handshake && handshake.getResponse().statusCode() == 403,
                    String.valueOf(refused.getCause()));

            CompletableFuture<String> answer = new CompletableFuture<>();
            StringBuilder text = new StringBuilder();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(server.websocketUrl(), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        answer.complete(text.toString());
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"applicationId\":\"test\",\"protocolVersion\":\"1.0.0\"}}",
                    true);
            String reply = answer.get(20, TimeUnit.SECONDS);
            assertTrue(reply.contains("\"protocolVersion\":\"1.0.0\"") && reply.contains("vinfra-topology"), reply);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMissingFileIsAPlainError() {
        ModelSet.UnreadableFileException error = assertThrows(ModelSet.UnreadableFileException.class,
                () -> DiagramServer.start(HeadlessSession.language(), List.of(folder.resolve("missing.vinfra")), 0));
        assertTrue(error.getMessage().endsWith("missing.vinfra: no such file"), error.getMessage());
    }
}
