package org.vinfra.lang.ide;

import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;
import org.vinfra.lang.ide.codeactions.VinfraCodeActionService;
import org.vinfra.lang.ide.completion.VinfraCompletion;
import org.vinfra.lang.ide.completion.VinfraCrossrefProposals;
import org.vinfra.lang.ide.completion.VinfraProposals;
import org.vinfra.lang.ide.formatting.VinfraFormattingService;
import org.vinfra.lang.ide.highlighting.VinfraSemanticHighlighting;
import org.vinfra.lang.ide.hover.VinfraDocumentationProvider;
import org.vinfra.lang.ide.hover.VinfraHoverService;
import org.vinfra.lang.ide.rename.VinfraRenameService;
import org.vinfra.lang.ide.symbols.VinfraSymbolKinds;
import org.vinfra.lang.ide.symbols.VinfraSymbolNames;

/** The bindings of the editor services (language server and Eclipse); no logic here. */
public class VinfraIdeModule extends AbstractVinfraIdeModule {

    public Class<? extends IEObjectDocumentationProvider> bindIEObjectDocumentationProvider() {
        return VinfraDocumentationProvider.class;
    }

    public Class<? extends ICodeActionService2> bindICodeActionService2() {
        return VinfraCodeActionService.class;
    }

    public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
        return VinfraSemanticHighlighting.class;
    }

    public Class<? extends org.eclipse.xtext.ide.server.ICapabilitiesContributor> bindICapabilitiesContributor() {
        return org.vinfra.lang.ide.highlighting.ClientTokenTypes.class;
    }

    public Class<? extends IHoverService> bindIHoverService() {
        return VinfraHoverService.class;
    }

    public Class<? extends FormattingService> bindFormattingService() {
        return VinfraFormattingService.class;
    }

    public Class<? extends ContentAssistService> bindContentAssistService() {
        return VinfraCompletion.class;
    }

    public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
        return VinfraProposals.class;
    }

    public Class<? extends IdeCrossrefProposalProvider> bindIdeCrossrefProposalProvider() {
        return VinfraCrossrefProposals.class;
    }

    @Override
    public Class<? extends IRenameService2> bindIRenameService2() {
        return VinfraRenameService.class;
    }

    public Class<? extends DocumentSymbolMapper.DocumentSymbolKindProvider> bindDocumentSymbolMapper$DocumentSymbolKindProvider() {
        return VinfraSymbolKinds.class;
    }

    public Class<? extends DocumentSymbolMapper.DocumentSymbolNameProvider> bindDocumentSymbolMapper$DocumentSymbolNameProvider() {
        return VinfraSymbolNames.class;
    }
}
