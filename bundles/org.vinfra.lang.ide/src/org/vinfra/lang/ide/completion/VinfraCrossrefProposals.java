package org.vinfra.lang.ide.completion;

import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.vinfra.lang.ide.symbols.ElementKinds;

/** A proposal that refers to an element carries the element's kind ({@link ElementKinds}), so editors show its icon. */
public class VinfraCrossrefProposals extends IdeCrossrefProposalProvider {

    @Override
    protected ContentAssistEntry createProposal(IEObjectDescription candidate, CrossReference crossRef, ContentAssistContext context) {
        ContentAssistEntry entry = super.createProposal(candidate, crossRef, context);
        if (entry != null) {
            entry.setKind(ElementKinds.completionKind(candidate.getEClass()));
        }
        return entry;
    }
}
