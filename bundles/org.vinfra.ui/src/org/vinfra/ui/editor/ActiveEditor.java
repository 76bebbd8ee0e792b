package org.vinfra.ui.editor;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/** The .vinfra editor a command was given in: its document, server URI and cursor. */
record ActiveEditor(ITextEditor editor, IDocument document, String uri, int offset) {

    /** Null when the active part is not an editor on a .vinfra document. */
    static ActiveEditor of(ExecutionEvent event) {
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        if (!(part instanceof ITextEditor editor)) {
            return null;
        }
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        String uri = VinfraDocuments.uriOf(document);
        if (uri == null) {
            return null;
        }
        int offset = editor.getSelectionProvider().getSelection() instanceof ITextSelection selection ? selection.getOffset() : 0;
        return new ActiveEditor(editor, document, uri, offset);
    }
}
