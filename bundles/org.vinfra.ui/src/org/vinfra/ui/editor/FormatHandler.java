package org.vinfra.ui.editor;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;
import org.vinfra.ui.server.EmbeddedLanguageServer.Refused;

/**
 * Format (Ctrl+Shift+F): the language's formatter, the same as `vinfra format`; comments are kept. A file with syntax
 * errors is never formatted: the text stays as it is and the status line says so and where the first syntax error is
 * (the server's refusal), until the next message.
 */
public final class FormatHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        ActiveEditor active = ActiveEditor.of(event);
        if (active == null) {
            return null;
        }
        IStatusLineManager status = active.editor().getEditorSite().getActionBars().getStatusLineManager();
        DocumentFormattingParams params = new DocumentFormattingParams(new TextDocumentIdentifier(active.uri()), new FormattingOptions(4, false));
        List<? extends TextEdit> edits;
        try {
            edits = EmbeddedLanguageServer.answer(VinfraUi.get().languageServer().server().formatting(params));
        } catch (Refused refused) {
            status.setErrorMessage(refused.getMessage());
            return null;
        }
        status.setErrorMessage(null);
        try {
            TextEdits.apply(active.document(), edits == null ? List.of() : edits);
        } catch (BadLocationException e) {
            throw new ExecutionException("the formatter's edits do not fit the text", e);
        }
        return null;
    }
}
