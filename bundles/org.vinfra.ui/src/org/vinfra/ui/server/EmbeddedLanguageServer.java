package org.vinfra.ui.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.vinfra.lang.ide.server.VinfraServerModule;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.vinfra.ui.VinfraUi;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

/**
 * Xtext's language server, running inside Eclipse and called directly (no JSON, no socket): the
 * editor features are thin adapters from Eclipse's text framework to the same services that answer
 * `vinfra lsp` clients, so each feature is written once. The server indexes every .vinfra file under
 * the workspace root, so references across files and projects resolve.
 */
public final class EmbeddedLanguageServer {

    /** Told about the diagnostics of a document each time the server has (re)validated it. */
    public interface DiagnosticsListener {
        void diagnosticsChanged(String uri, List<Diagnostic> diagnostics);
    }

    private static final long REQUEST_TIMEOUT_MS = 5_000;

    private final LanguageServerImpl server;
    private final UriExtensions uris = new UriExtensions();
    private final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
    private final List<DiagnosticsListener> listeners = new CopyOnWriteArrayList<>();

    private org.eclipse.lsp4j.SemanticTokensLegend legend;

    private EmbeddedLanguageServer(LanguageServerImpl server) {
        this.server = server;
    }

    public static EmbeddedLanguageServer start(Injector language, Path workspaceRoot) {
        // Inside OSGi, Xtext's ServiceLoader lookup of languages cannot see our bundle: register the language explicitly.
        ResourceServiceProviderRegistryImpl registry = new ResourceServiceProviderRegistryImpl();
        registry.getExtensionToFactoryMap().put("vinfra", language.getInstance(IResourceServiceProvider.class));
        Injector serverInjector = Guice.createInjector(Modules.override(new VinfraServerModule())
                .with(binder -> binder.bind(IResourceServiceProvider.Registry.class).toInstance(registry)));
        LanguageServerImpl server = serverInjector.getInstance(LanguageServerImpl.class);
        EmbeddedLanguageServer embedded = new EmbeddedLanguageServer(server);
        server.connect(embedded.new Client());
        InitializeParams params = new InitializeParams();
        String root = embedded.uris.toUriString(workspaceRoot.toUri());
        params.setRootUri(root);
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(root, "workspace")));
        params.setCapabilities(capabilities());
        try {
            org.eclipse.lsp4j.InitializeResult result = server.initialize(params).get(60, TimeUnit.SECONDS);
            if (result.getCapabilities().getSemanticTokensProvider() != null) {
                embedded.legend = result.getCapabilities().getSemanticTokensProvider().getLegend();
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the vinfra language server did not start: " + e, e);
        }
        server.initialized(new InitializedParams());
        return embedded;
    }

    private static ClientCapabilities capabilities() {
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
        symbols.setHierarchicalDocumentSymbolSupport(true);
        text.setDocumentSymbol(symbols);
        text.setSemanticTokens(new org.eclipse.lsp4j.SemanticTokensCapabilities(true));
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setWorkspaceEdit(new WorkspaceEditCapabilities());
        return new ClientCapabilities(workspace, text, null);
    }

    /** The server's requests and notifications (textDocument/..., workspace/...). */
    public LanguageServerImpl server() {
        return server;
    }

    /** The names of semantic token types and modifiers, by index (null when the server has none). */
    public org.eclipse.lsp4j.SemanticTokensLegend semanticTokensLegend() {
        return legend;
    }

    /** The URI form the server uses for a file ("file:///..."). */
    public String uriOf(java.net.URI location) {
        return uris.toUriString(location);
    }

    /** The last diagnostics published for a document. */
    public List<Diagnostic> diagnostics(String uri) {
        return diagnostics.getOrDefault(uri, List.of());
    }

    public void addDiagnosticsListener(DiagnosticsListener listener) {
        listeners.add(listener);
    }

    public void removeDiagnosticsListener(DiagnosticsListener listener) {
        listeners.remove(listener);
    }

    /** Waits for a request's answer; a slow or failed request gives the fallback (editors never hang on it). */
    public static <T> T await(CompletableFuture<T> request, T fallback) {
        try {
            T answer = request.get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return answer == null ? fallback : answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        } catch (ExecutionException | TimeoutException e) {
            VinfraUi.log("the vinfra language server did not answer", e);
            return fallback;
        }
    }

    /** A request the server refused on purpose (nothing to rename there, a file with syntax errors...): the message says why. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Waits for the answer of a request that the server may refuse; a refusal (the server's ResponseErrorException,
     * however Xtext's request manager wrapped it) gives its message, for the user, and so does a slow or failed request.
     */
    public static <T> T answer(CompletableFuture<T> request) throws Refused {
        try {
            return request.get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted while waiting for the vinfra language server");
        } catch (TimeoutException e) {
            throw new Refused("the vinfra language server did not answer within " + REQUEST_TIMEOUT_MS / 1000 + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof org.eclipse.lsp4j.jsonrpc.ResponseErrorException refusal) {
                throw new Refused(refusal.getResponseError().getMessage());
            }
            VinfraUi.log("the vinfra language server failed", cause);
            throw new Refused("the vinfra language server failed (details in the Error Log)");
        }
    }

    public void shutdown() {
        try {
            server.shutdown().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            VinfraUi.log("the vinfra language server did not stop cleanly", e);
        }
    }

    private final class Client implements LanguageClient {
        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.put(params.getUri(), List.copyOf(params.getDiagnostics()));
            for (DiagnosticsListener listener : listeners) {
                listener.diagnosticsChanged(params.getUri(), params.getDiagnostics());
            }
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams message) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
