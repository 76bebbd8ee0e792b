package org.vinfra.ui.properties;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.properties.PropertySheetPage;
import org.eclipse.xtext.resource.XtextResource;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.ui.VinfraUi;

/**
 * The Properties view's page for a .vinfra text editor: when the caret moves, the element around it
 * (the innermost host, VM, network, container, NIC...) with its settings as written. The text is
 * parsed again only when it changed since the last caret move.
 */
final class TextEditorPropertySheetPage extends PropertySheetPage {

    private final ITextEditor editor;
    private String parsedText;
    private XtextResource parsed;

    TextEditorPropertySheetPage(ITextEditor editor) {
        this.editor = editor;
    }

    @Override
    public void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (part == editor && selection instanceof ITextSelection text) {
            TextElement element = elementAt(text.getOffset());
            super.selectionChanged(part, element == null ? StructuredSelection.EMPTY : new StructuredSelection(element));
        } else if (part != editor) {
            super.selectionChanged(part, selection);
        }
    }

    private TextElement elementAt(int offset) {
        IDocument document = editor.getDocumentProvider() == null ? null : editor.getDocumentProvider().getDocument(editor.getEditorInput());
        if (document == null || !(Adapters.adapt(editor.getEditorInput(), IFile.class) instanceof IFile file) || file.getLocation() == null) {
            return null;
        }
        Path path = file.getLocation().toPath();
        String text = document.get();
        if (!text.equals(parsedText)) {
            try {
                parsed = VinfraUi.get().injector().getInstance(ModelSet.class).loadText(path.toString(), text);
                parsedText = text;
            } catch (IOException e) {
                VinfraUi.log("cannot parse " + path + " for the Properties view", e);
                return null;
            }
        }
        return TextElement.at(parsed, path, offset);
    }
}
