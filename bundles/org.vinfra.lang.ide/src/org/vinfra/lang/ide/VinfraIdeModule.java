package org.vinfra.lang.ide;

import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.vinfra.lang.ide.codeactions.VinfraCodeActionService;
import org.vinfra.lang.ide.highlighting.VinfraSemanticHighlighting;
import org.vinfra.lang.ide.hover.VinfraDocumentationProvider;

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
}
