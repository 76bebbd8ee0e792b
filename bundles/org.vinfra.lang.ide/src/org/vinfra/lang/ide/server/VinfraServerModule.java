package org.vinfra.lang.ide.server;

import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;
import org.vinfra.lang.ide.highlighting.VinfraSemanticTokens;

import com.google.inject.AbstractModule;

/**
 * The bindings vinfra adds to Xtext's language server (not to the language): use it over Xtext's {@code ServerModule},
 * {@code Modules.override(new ServerModule()).with(new VinfraServerModule())}, wherever a server is created (./vinfra lsp,
 * the Eclipse editor's embedded server). No logic here.
 */
public class VinfraServerModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(SemanticTokensService.class).to(VinfraSemanticTokens.class);
    }
}
