package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.lang.ide.server.VinfraServerModule;

import com.google.inject.Guice;

/**
 * The language server clamps positions as the Language Server Protocol says: a character past the end
 * of a line means the end of that line, a line past the end of the document means its end.
 */
class LanguageServerPositionsTest {

    /** The server, with the text it holds readable as a request reads it. */
    static final class Server extends LanguageServerImpl {
        String held(String uri) throws Exception {
            org.eclipse.emf.common.util.URI resource = org.eclipse.emf.common.util.URI.createURI(uri);
            return getRequestManager().<String>runRead(cancel -> getWorkspaceManager().doRead(resource, (doc, res) -> doc.getContents()))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @TempDir
    Path folder;

    @Test
    void positionsPastTheLineOrTheDocumentAreClamped() throws Exception {
        Server server = Guice.createInjector(new VinfraServerModule()).getInstance(Server.class);
        server.connect(new NoClient());
        InitializeParams init = new InitializeParams();
        init.setRootUri(folder.toUri().toString());
        init.setCapabilities(new ClientCapabilities());
        server.initialize(init).get(60, TimeUnit.SECONDS);
        String uri = folder.resolve("lab.vinfra").toUri().toString();
        server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "vinfra", 1, "host a {\n\tmemory 1 GiB\n}\n")));

        change(server, uri, 2, new Range(new Position(0, 999), new Position(0, 999)), " // end of line 1");
        assertEquals("host a { // end of line 1\n\tmemory 1 GiB\n}\n", server.held(uri));
        change(server, uri, 3, new Range(new Position(99, 5), new Position(120, 0)), "vm v on a { }\n");
        assertEquals("host a { // end of line 1\n\tmemory 1 GiB\n}\nvm v on a { }\n", server.held(uri));
        change(server, uri, 4, new Range(new Position(-1, -4), new Position(0, 4)), "HOST");
        assertEquals("HOST a { // end of line 1\n\tmemory 1 GiB\n}\nvm v on a { }\n", server.held(uri));

        TextDocumentIdentifier document = new TextDocumentIdentifier(uri);
        // answered, not failed: past the end of a line and of the document
        server.hover(new HoverParams(document, new Position(1, 500))).get(30, TimeUnit.SECONDS);
        assertNotNull(server.references(new ReferenceParams(document, new Position(500, 3), new ReferenceContext(true))).get(30, TimeUnit.SECONDS));
        // range formatting (a fuzz finding): a range past the end of a line formats up to the line's end
        change(server, uri, 5, null, "host a {\n\tmemory 1 GiB\n}\n");
        org.eclipse.lsp4j.DocumentRangeFormattingParams range = new org.eclipse.lsp4j.DocumentRangeFormattingParams(document,
                new org.eclipse.lsp4j.FormattingOptions(4, false), new Range(new Position(0, 0), new Position(1, 500)));
        assertNotNull(server.rangeFormatting(range).get(30, TimeUnit.SECONDS));
        // formatting an emptied document (a fuzz finding): nothing to do, not a failure
        change(server, uri, 6, null, "");
        assertEquals(List.of(), server.rangeFormatting(range).get(30, TimeUnit.SECONDS));
        assertEquals(List.of(), server.formatting(new org.eclipse.lsp4j.DocumentFormattingParams(document,
                new org.eclipse.lsp4j.FormattingOptions(4, false))).get(30, TimeUnit.SECONDS));
        server.shutdown().get(30, TimeUnit.SECONDS);
    }

    private static void change(Server server, String uri, int version, Range range, String text) {
        server.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(range, text))));
    }

    private static final class NoClient implements org.eclipse.lsp4j.services.LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(org.eclipse.lsp4j.PublishDiagnosticsParams diagnostics) {
        }

        @Override
        public void showMessage(org.eclipse.lsp4j.MessageParams message) {
        }

        @Override
        public java.util.concurrent.CompletableFuture<org.eclipse.lsp4j.MessageActionItem> showMessageRequest(
                org.eclipse.lsp4j.ShowMessageRequestParams request) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(org.eclipse.lsp4j.MessageParams message) {
        }
    }
}
