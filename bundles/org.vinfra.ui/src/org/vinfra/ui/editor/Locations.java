package org.vinfra.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Location;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.vinfra.ui.VinfraUi;

/** Opens a place the language server points at (a definition, a reference) in an editor, selected. */
public final class Locations {

    private Locations() {
    }

    public static void open(Location location) {
        IFile file = VinfraDocuments.fileOf(location.getUri());
        if (file == null) {
            return;
        }
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        try {
            IEditorPart editor = IDE.openEditor(page, file, true);
            if (editor instanceof ITextEditor text) {
                IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
                int offset = Positions.start(document, location.getRange());
                text.selectAndReveal(offset, Positions.length(document, location.getRange()));
            }
        } catch (PartInitException e) {
            VinfraUi.log("cannot open " + file.getFullPath(), e);
        }
    }

    /** The text of the line a location starts on, trimmed (for lists of references). */
    public static String lineText(Location location) {
        IFile file = VinfraDocuments.fileOf(location.getUri());
        IDocument open = VinfraDocuments.documentOf(location.getUri());
        try {
            String text = open != null ? open.get() : file == null ? "" : new String(file.getContents().readAllBytes(), file.getCharset());
            String[] lines = text.split("\r?\n", -1);
            int line = location.getRange().getStart().getLine();
            return line < lines.length ? lines[line].strip() : "";
        } catch (Exception e) {
            return "";
        }
    }
}
