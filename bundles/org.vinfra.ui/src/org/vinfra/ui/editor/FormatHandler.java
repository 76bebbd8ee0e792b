package org.vinfra.ui.editor;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/** Format (Ctrl+Shift+F): the language's formatter, the same as `vinfra format`; comments are kept. */
public final class FormatHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        ActiveEditor active = ActiveEditor.of(event);
        if (active == null) {
            return null;
        }
        DocumentFormattingParams params = new DocumentFormattingParams(new TextDocumentIdentifier(active.uri()), new FormattingOptions(4, false));
        List<? extends TextEdit> edits = EmbeddedLanguageServer.await(VinfraUi.get().languageServer().server().formatting(params), List.of());
        try {
            TextEdits.apply(active.document(), edits);
        } catch (BadLocationException e) {
            throw new ExecutionException("the formatter's edits do not fit the text", e);
        }
        return null;
    }
}
