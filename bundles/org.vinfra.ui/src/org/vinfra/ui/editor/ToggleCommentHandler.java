package org.vinfra.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;

/** Toggle comment (Ctrl+/): comments out the selected lines with "// ", or uncomments them when all are comments. */
public final class ToggleCommentHandler extends AbstractHandler {

    private static final String PREFIX = "//";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        ActiveEditor active = ActiveEditor.of(event);
        if (active == null || !(active.editor().getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
            return null;
        }
        IDocument document = active.document();
        try {
            int first = document.getLineOfOffset(selection.getOffset());
            int last = document.getLineOfOffset(selection.getOffset() + Math.max(0, selection.getLength() - 1));
            boolean allCommented = true;
            for (int line = first; line <= last; line++) {
                String text = lineText(document, line);
                allCommented &= text.isBlank() || text.stripLeading().startsWith(PREFIX);
            }
            for (int line = last; line >= first; line--) {
                String text = lineText(document, line);
                int offset = document.getLineOffset(line);
                if (allCommented) {
                    int at = text.indexOf(PREFIX);
                    if (at >= 0) {
                        int length = text.startsWith(PREFIX + " ", at) ? PREFIX.length() + 1 : PREFIX.length();
                        document.replace(offset + at, length, "");
                    }
                } else if (!text.isBlank()) {
                    document.replace(offset, 0, PREFIX + " ");
                }
            }
        } catch (BadLocationException e) {
            throw new ExecutionException("the selection is outside the text", e);
        }
        return null;
    }

    private static String lineText(IDocument document, int line) throws BadLocationException {
        return document.get(document.getLineOffset(line), document.getLineLength(line));
    }
}
