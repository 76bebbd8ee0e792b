package org.vinfra.lang.ide.highlighting;

import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;

/**
 * The language server's semantic tokens with vinfra's legend ({@link VinfraSemanticHighlighting#TOKEN_TYPES} and
 * {@link VinfraSemanticHighlighting#TOKEN_MODIFIERS}) instead of Xtext's three types. A service of the server, not of
 * the language: bound by {@link org.vinfra.lang.ide.server.VinfraServerModule}.
 */
public class VinfraSemanticTokens extends SemanticTokensService {

    @Override
    protected void addTokenTypes() {
        getTokenTypes().addAll(VinfraSemanticHighlighting.TOKEN_TYPES);
    }

    @Override
    protected void addTokenModifiers() {
        getTokenModifiers().addAll(VinfraSemanticHighlighting.TOKEN_MODIFIERS);
    }
}
