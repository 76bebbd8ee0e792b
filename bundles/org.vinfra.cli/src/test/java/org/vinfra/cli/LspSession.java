package org.vinfra.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.SemanticTokensCapabilities;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real `vinfra lsp` process and an LSP4J client talking to it over stdio, as an editor (Neovim's built-in client) does:
 * it announces hierarchical document symbols, the semantic token types it colours and prepareRename support.
 */
final class LspSession implements AutoCloseable {

    final LanguageServer server;
    final InitializeResult initialized;
    private final Process process;
    private final Map<String, BlockingQueue<List<Diagnostic>>> diagnostics = new ConcurrentHashMap<>();

    LspSession(Path workspace) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), VinfraCli.class.getName(), "lsp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), process.getInputStream(), process.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
        symbols.setHierarchicalDocumentSymbolSupport(true);
        text.setDocumentSymbol(symbols);
        // as Neovim's client does: the types and modifiers it can colour
        SemanticTokensCapabilities tokens = new SemanticTokensCapabilities(true);
        tokens.setTokenTypes(List.of("namespace", "type", "class", "enum", "interface", "struct", "typeParameter", "parameter", "variable",
                "property", "enumMember", "event", "function", "method", "macro", "keyword", "modifier", "comment", "string", "number",
                "regexp", "operator", "decorator"));
        tokens.setTokenModifiers(List.of("declaration", "definition", "readonly", "static", "deprecated", "abstract", "async", "modification",
                "documentation", "defaultLibrary"));
        tokens.setFormats(List.of("relative"));
        text.setSemanticTokens(tokens);
        RenameCapabilities rename = new RenameCapabilities();
        rename.setPrepareSupport(true);
        text.setRename(rename);
        init.setCapabilities(new ClientCapabilities(null, text, null));
        init.setRootUri(workspace.toUri().toString());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "lab")));
        initialized = server.initialize(init).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            queue(params.getUri()).add(params.getDiagnostics());
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }
    }

    private BlockingQueue<List<Diagnostic>> queue(String uri) {
        return diagnostics.computeIfAbsent(uri.replace("file:///", "file:/"), key -> new LinkedBlockingQueue<>());
    }

    /** The file's URI as the server writes it. */
    static String uri(Path file) {
        return file.toUri().toString();
    }

    void open(Path file, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri(file), "vinfra", 1, text)));
    }

    /** Waits for diagnostics of a file that satisfy a condition; the last ones published if none do within 60 s. */
    List<Diagnostic> diagnostics(Path file, java.util.function.Predicate<List<Diagnostic>> until) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Diagnostic> last = List.of();
        while (System.nanoTime() < deadline) {
            List<Diagnostic> published = queue(uri(file)).poll(1, TimeUnit.SECONDS);
            if (published != null) {
                last = published;
                if (until.test(published)) {
                    return published;
                }
            }
        }
        return last;
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown().get(30, TimeUnit.SECONDS);
            server.exit();
            process.waitFor(30, TimeUnit.SECONDS);
        } finally {
            process.destroyForcibly();
        }
    }
}
