package org.vinfra.lang.ide.completion;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.vinfra.lang.model.Units;

/**
 * Completion that inserts nothing unasked. Right after a number ({@code vcpus 999}) nothing is proposed, so an editor
 * that completes as one types cannot turn Enter into {@code 999disk}; where the number needs a unit ({@code memory 4},
 * {@code memory 4 }) only the units of its quantity are proposed, written after a space. No proposal has commit characters. Each proposal has a kind
 * (keyword, snippet, unit, or the kind of the element it names: {@code ElementKinds}), so editors show icons.
 */
public class VinfraCompletion extends ContentAssistService {

    private static final java.util.Map<String, Units> QUANTITIES = java.util.Map.of("Size", Units.SIZE, "Frequency", Units.FREQUENCY,
            "Bandwidth", Units.BANDWIDTH, "Instructions", Units.INSTRUCTIONS, "Duration", Units.DURATION);

    @Override
    public CompletionList createCompletionList(Document document, XtextResource resource, CompletionParams params, CancelIndicator cancelIndicator) {
        CompletionList list = super.createCompletionList(document, resource, params, cancelIndicator);
        String text = document.getContents();
        int caret = document.getOffSet(params.getPosition());
        boolean touching = afterNumber(text, caret);
        int numberEnd = caret;
        while (numberEnd > 0 && (text.charAt(numberEnd - 1) == ' ' || text.charAt(numberEnd - 1) == '\t')) {
            numberEnd--;
        }
        Units units = afterNumber(text, numberEnd) ? unitExpectedAfter(resource, numberEnd) : null;
        if (touching || units != null) {
            List<CompletionItem> items = new ArrayList<>();
            if (units != null) {
                Position at = params.getPosition();
                for (String unit : units.unitNames()) {
                    CompletionItem item = new CompletionItem(unit);
                    item.setKind(CompletionItemKind.Unit);
                    item.setDetail(units.quantity());
                    item.setTextEdit(Either.forLeft(new TextEdit(new Range(at, at), (touching ? " " : "") + unit)));
                    item.setSortText(String.format(java.util.Locale.ROOT, "%05d", items.size()));
                    items.add(item);
                }
            }
            list.setItems(items);
        }
        for (CompletionItem item : list.getItems()) {
            item.setCommitCharacters(null);
        }
        return list;
    }

    /** The units of the quantity whose number ends at {@code end} and that has no unit yet; null when no unit is expected there. */
    private static Units unitExpectedAfter(XtextResource resource, int end) {
        if (resource.getParseResult() == null || end == 0) {
            return null;
        }
        ILeafNode number = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), end - 1);
        for (INode node = number == null ? null : number.getParent(); node != null; node = node.getParent()) {
            if (node.getGrammarElement() instanceof RuleCall call && call.getRule() instanceof org.eclipse.xtext.ParserRule) {
                Units units = QUANTITIES.get(call.getRule().getName());
                if (units == null && !"Decimal".equals(call.getRule().getName())) {
                    return null;
                }
                if (units != null) {
                    for (ILeafNode leaf : node.getLeafNodes()) {
                        if (!leaf.isHidden() && leaf.getOffset() >= end && leaf.getGrammarElement() instanceof RuleCall unit && "ID".equals(unit.getRule().getName())) {
                            return null;
                        }
                    }
                    return units;
                }
            }
        }
        return null;
    }

    /** Whether the text just before the caret is a number (digits and dots, not the end of a name such as web1). */
    static boolean afterNumber(String text, int caret) {
        int start = caret;
        while (start > 0 && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        if (start == caret || !Character.isDigit(text.charAt(start))) {
            return false;
        }
        return start == 0 || !(Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_' || text.charAt(start - 1) == '-'
                || text.charAt(start - 1) == '^');
    }

    @Override
    protected CompletionItemKind translateKind(ContentAssistEntry entry) {
        if ("STRUCT".equals(entry.getKind())) {
            return CompletionItemKind.Struct;
        }
        if ("FOLDER".equals(entry.getKind())) {
            return CompletionItemKind.Folder;
        }
        return super.translateKind(entry);
    }
}
