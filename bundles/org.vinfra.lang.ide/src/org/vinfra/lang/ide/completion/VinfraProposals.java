package org.vinfra.lang.ide.completion;

import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

/**
 * What completion proposes beyond Xtext's keywords and elements in scope: the {@link Snippets} where a top-level element
 * may start, which is exactly where the keyword {@code host} may come (nowhere inside a block).
 */
public class VinfraProposals extends IdeContentProposalProvider {

    @Override
    protected void _createProposals(Keyword keyword, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        super._createProposals(keyword, context, acceptor);
        AbstractRule rule = GrammarUtil.containingRule(keyword);
        if ("host".equals(keyword.getValue()) && rule != null && "Host".equals(rule.getName())) {
            for (Snippets.Snippet snippet : Snippets.TOP_LEVEL) {
                ContentAssistEntry entry = getProposalCreator().createProposal(snippet.body(), context, ContentAssistEntry.KIND_SNIPPET, e -> {
                    e.setLabel(snippet.name());
                    e.setDescription(snippet.description());
                });
                if (entry != null) {
                    acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry) - 1);
                }
            }
        }
    }

}
