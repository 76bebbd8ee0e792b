package org.vinfra.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.vinfra.lang.ide.server.VinfraServerModule;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.inject.Guice;

/**
 * The language server (Xtext's, as {@code ./vinfra lsp} runs it) under random sequences of edits and
 * requests at any position, in range or not: every request is answered (an error only in vinfra's
 * words, never with the document's text), positions are clamped as the protocol says (the document
 * the server holds is the one a client computes), and diagnostics are in vinfra's words.
 */
class LanguageServerFuzzTest {

    /** The server, with access to the documents it holds. */
    static final class Server extends LanguageServerImpl {
        WorkspaceManager workspace() {
            return getWorkspaceManager();
        }
    }

    private static Server server;
    private static Path root;
    private static final List<Diagnostic> diagnostics = new CopyOnWriteArrayList<>();
    private static int documents;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory("vinfra-fuzz-lsp");
        server = Guice.createInjector(new VinfraServerModule()).getInstance(Server.class);
        server.connect(new Client());
        InitializeParams params = new InitializeParams();
        params.setRootUri(root.toUri().toString());
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "fuzz")));
        params.setCapabilities(new ClientCapabilities());
        server.initialize(params).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    @AfterAll
    static void stop() throws IOException {
        server.shutdown();
        Files.deleteIfExists(root);
    }

    @FuzzTest
    void editsAndRequests(FuzzedDataProvider data) throws Exception {
        Choices input = Choices.of(data);
        int steps = input.next(1, 10);
        int[][] choices = new int[steps][];
        String[] words = new String[steps];
        for (int i = 0; i < steps; i++) {
            // positions mostly within a small model, some past its lines and its end, some negative
            choices[i] = new int[] { input.next(0, 15), input.next(-3, 60), input.next(-3, 90), input.next(-3, 60), input.next(-3, 90) };
            words[i] = input.word();
        }
        String text = input.text;
        String uri = root.resolve("fuzz" + documents++ + ".vinfra").toUri().toString();
        TextDocumentIdentifier document = new TextDocumentIdentifier(uri);
        diagnostics.clear();
        server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "vinfra", 1, text)));
        int version = 1;
        // every text the document held: a diagnostic may be about an earlier one, and may quote it
        StringBuilder texts = new StringBuilder(text);
        try {
            for (int i = 0; i < steps; i++) {
                int[] c = choices[i];
                Position start = new Position(c[1], c[2]);
                Position end = new Position(c[3], c[4]);
                Range range = new Range(start, end);
                String context = text + words[i];
                switch (c[0]) {
                    case 0, 1, 2 -> {
                        // the protocol's rule: the range's positions clamp to the line's end and the document's end
                        version++;
                        TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(range, words[i]);
                        server.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
                        text = Clamped.apply(text, range, words[i]);
                        texts.append('\n').append(text);
                        String expected = text;
                        assertEquals(expected, held(uri), "the server holds another text than the client after an edit at " + range);
                    }
                    case 3 -> answer(server.hover(new HoverParams(document, start)), context);
                    case 4 -> answer(server.completion(new CompletionParams(document, start)), context);
                    case 5 -> answer(server.definition(new DefinitionParams(document, start)), context);
                    case 6 -> answer(server.references(new ReferenceParams(document, start, new ReferenceContext(true))), context);
                    case 7 -> answer(server.documentSymbol(new DocumentSymbolParams(document)), context);
                    case 8 -> answer(server.formatting(new DocumentFormattingParams(document, new FormattingOptions(4, false))), context);
                    case 9 -> answer(server.rangeFormatting(new DocumentRangeFormattingParams(document, new FormattingOptions(4, true), range)), context);
                    case 10 -> answer(server.rename(new RenameParams(document, start, words[i])), context);
                    case 11 -> answer(server.prepareRename(new PrepareRenameParams(document, start)), context);
                    case 12 -> answer(server.documentHighlight(new DocumentHighlightParams(document, start)), context);
                    case 13 -> answer(server.foldingRange(new FoldingRangeRequestParams(document)), context);
                    case 14 -> answer(server.codeAction(new CodeActionParams(document, range, new CodeActionContext(List.copyOf(diagnostics)))), context);
                    default -> answer(server.semanticTokensFull(new SemanticTokensParams(document)), context);
                }
            }
            // a read request runs after the edits' validation: by then their diagnostics are published
            answer(server.documentSymbol(new DocumentSymbolParams(document)), text);
            for (Diagnostic diagnostic : diagnostics) {
                Fuzzing.checkMessage(texts + String.join("", words),
                        diagnostic.getMessage().isLeft() ? diagnostic.getMessage().getLeft() : diagnostic.getMessage().getRight().getValue());
            }
        } finally {
            server.didClose(new DidCloseTextDocumentParams(document));
        }
    }

    /** The text the server holds, read as a request does: after the edits before it. */
    private static String held(String uri) throws Exception {
        org.eclipse.emf.common.util.URI resource = org.eclipse.emf.common.util.URI.createURI(uri);
        return server.getRequestManager().<String>runRead(cancel -> server.workspace().doRead(resource, (doc, res) -> doc.getContents()))
                .get(30, TimeUnit.SECONDS);
    }

    /** Waits for the answer: a fault of the server is a finding; an error answer must be in vinfra's words. */
    private static void answer(CompletableFuture<?> request, String context) throws InterruptedException {
        try {
            request.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException) {
                cause = cause.getCause(); // a refactoring's refusal comes wrapped twice
            }
            if (cause instanceof ResponseErrorException error) {
                Fuzzing.checkMessage(context, error.getMessage());
                assertTrue(error.getResponseError().getData() == null || !String.valueOf(error.getResponseError().getData()).contains("\tat "),
                        () -> "a stack trace in an answer: " + error.getMessage());
            } else {
                throw new AssertionError("the server failed: " + cause, cause);
            }
        } catch (TimeoutException e) {
            fail("no answer in 30 s");
        }
    }

    /** The protocol's positions, computed independently of the server: what a client expects. */
    static final class Clamped {
        static String apply(String text, Range range, String inserted) {
            int start = offset(text, range.getStart());
            int end = offset(text, range.getEnd());
            return text.substring(0, Math.min(start, end)) + inserted + text.substring(Math.max(start, end));
        }

        static int offset(String text, Position position) {
            String[] lines = text.split("\n", -1);
            int line = Math.max(0, position.getLine());
            if (line >= lines.length) {
                return text.length();
            }
            int offset = 0;
            for (int i = 0; i < line; i++) {
                offset += lines[i].length() + 1;
            }
            return offset + Math.min(Math.max(0, position.getCharacter()), lines[line].length());
        }
    }

    private static final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.addAll(params.getDiagnostics());
        }

        @Override
        public void showMessage(MessageParams message) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
