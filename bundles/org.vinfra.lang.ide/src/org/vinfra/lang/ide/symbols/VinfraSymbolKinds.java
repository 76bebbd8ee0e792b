package org.vinfra.lang.ide.symbols;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;

/** Document and workspace symbols get the kind of their element ({@link ElementKinds}), so outlines show what each is. */
public class VinfraSymbolKinds extends DocumentSymbolKindProvider {

    @Override
    protected SymbolKind getSymbolKind(EClass type) {
        return ElementKinds.symbolKind(type);
    }
}
