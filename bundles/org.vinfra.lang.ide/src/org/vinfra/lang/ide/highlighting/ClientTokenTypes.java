package org.vinfra.lang.ide.highlighting;

import java.util.List;
import java.util.Set;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.SemanticTokensCapabilities;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.xtext.ide.server.ICapabilitiesContributor;

import com.google.inject.Singleton;

/**
 * The semantic token types the editor says it supports (LSP {@code textDocument.semanticTokens.tokenTypes}), recorded
 * when the server is initialized. The server uses the LSP's predefined types (Xtext's legend); as the protocol asks, it
 * gives a client only the types it announced. A client that announces none (the Eclipse editor, which colours keywords
 * itself) gets the names of elements only.
 */
@Singleton
public class ClientTokenTypes implements ICapabilitiesContributor {

    private volatile Set<String> announced = Set.of();

    @Override
    public ServerCapabilities contribute(ServerCapabilities capabilities, InitializeParams params) {
        SemanticTokensCapabilities tokens = params == null || params.getCapabilities() == null || params.getCapabilities().getTextDocument() == null
                ? null : params.getCapabilities().getTextDocument().getSemanticTokens();
        List<String> types = tokens == null ? null : tokens.getTokenTypes();
        announced = types == null ? Set.of() : Set.copyOf(types);
        return capabilities;
    }

    /** Whether the client announced a token type. */
    public boolean supports(String type) {
        return announced.contains(type);
    }
}
