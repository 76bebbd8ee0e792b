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
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Completion that inserts nothing unasked. Right after a number ({@code vcpus 999}) nothing is proposed, so an editor
 * that completes as one types cannot turn Enter into {@code 999disk}; where the number needs a unit ({@code memory 4})
 * only the units are proposed, written after a space. No proposal has commit characters. Each proposal has a kind
 * (keyword, snippet, unit, or the kind of the element it names: {@code ElementKinds}), so editors show icons.
 */
public class VinfraCompletion extends ContentAssistService {

    @Override
    public CompletionList createCompletionList(Document document, XtextResource resource, CompletionParams params, CancelIndicator cancelIndicator) {
        CompletionList list = super.createCompletionList(document, resource, params, cancelIndicator);
        int caret = document.getOffSet(params.getPosition());
        if (afterNumber(document.getContents(), caret)) {
            List<CompletionItem> units = new ArrayList<>();
            Position at = params.getPosition();
            for (CompletionItem item : list.getItems()) {
                if (item.getKind() == CompletionItemKind.Unit) {
                    item.setTextEdit(Either.forLeft(new TextEdit(new Range(at, at), " " + item.getLabel())));
                    units.add(item);
                }
            }
            list.setItems(units);
        }
        for (CompletionItem item : list.getItems()) {
            item.setCommitCharacters(null);
        }
        return list;
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
