package org.vinfra.lang.ide.completion;

import java.util.Set;

import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.vinfra.lang.model.Units;

/**
 * What completion proposes, beyond Xtext's keywords and elements in scope: the units of a quantity where a unit is
 * expected ({@code memory 4 } then {@code GiB}), and the {@link Snippets} where a top-level element may start, which is
 * exactly where the keyword {@code host} may come (nowhere inside a block).
 */
public class VinfraProposals extends IdeContentProposalProvider {

    private static final Set<String> QUANTITIES = Set.of("Size", "Frequency", "Bandwidth", "Instructions", "Duration");

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

    @Override
    protected void _createProposals(RuleCall ruleCall, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        AbstractRule rule = GrammarUtil.containingRule(ruleCall);
        if ("ID".equals(ruleCall.getRule().getName()) && rule != null && QUANTITIES.contains(rule.getName())) {
            for (String unit : units(rule.getName()).unitNames()) {
                ContentAssistEntry entry = getProposalCreator().createProposal(unit, context, ContentAssistEntry.KIND_UNIT, e -> e.setDescription(
                        units(rule.getName()).quantity()));
                if (entry != null) {
                    acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
                }
            }
            return;
        }
        super._createProposals(ruleCall, context, acceptor);
    }

    private static Units units(String rule) {
        return switch (rule) {
            case "Size" -> Units.SIZE;
            case "Frequency" -> Units.FREQUENCY;
            case "Bandwidth" -> Units.BANDWIDTH;
            case "Instructions" -> Units.INSTRUCTIONS;
            default -> Units.DURATION;
        };
    }
}
