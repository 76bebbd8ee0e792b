package org.vinfra.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.DocumentRewriteSession;
import org.eclipse.jface.text.DocumentRewriteSessionType;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Applies the language server's edits (formatting, quick fixes, rename) to documents: to the editor's
 * document when the file is open (the editor becomes dirty, undo works), else to the file, saved.
 */
public final class TextEdits {

    private TextEdits() {
    }

    /** Applies edits to one document, last first so that earlier offsets stay valid, as one undoable change. */
    public static void apply(IDocument document, List<? extends TextEdit> edits) throws BadLocationException {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((TextEdit edit) -> Positions.start(document, edit.getRange())).reversed());
        DocumentRewriteSession session = document instanceof IDocumentExtension4 extension
                ? extension.startRewriteSession(DocumentRewriteSessionType.UNRESTRICTED_SMALL)
                : null;
        try {
            for (TextEdit edit : sorted) {
                document.replace(Positions.start(document, edit.getRange()), Positions.length(document, edit.getRange()), edit.getNewText());
            }
        } finally {
            if (session != null) {
                ((IDocumentExtension4) document).stopRewriteSession(session);
            }
        }
    }

    /** Applies a workspace edit (several files); files not open in an editor are saved. */
    public static void apply(WorkspaceEdit edit) throws CoreException, BadLocationException {
        if (edit.getChanges() != null) {
            for (Map.Entry<String, List<TextEdit>> change : edit.getChanges().entrySet()) {
                apply(change.getKey(), change.getValue());
            }
        }
        if (edit.getDocumentChanges() != null) {
            for (var change : edit.getDocumentChanges()) {
                if (change.isLeft()) {
                    TextDocumentEdit documentEdit = change.getLeft();
                    apply(documentEdit.getTextDocument().getUri(), documentEdit.getEdits().stream().filter(e -> e.isLeft()).map(e -> e.getLeft()).toList());
                }
            }
        }
    }

    private static void apply(String uri, List<? extends TextEdit> edits) throws CoreException, BadLocationException {
        IDocument open = VinfraDocuments.documentOf(uri);
        if (open != null) {
            apply(open, edits);
            return;
        }
        IFile file = VinfraDocuments.fileOf(uri);
        if (file == null) {
            return;
        }
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        manager.connect(file.getFullPath(), LocationKind.IFILE, new NullProgressMonitor());
        try {
            ITextFileBuffer buffer = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
            apply(buffer.getDocument(), edits);
            buffer.commit(new NullProgressMonitor(), true);
        } finally {
            manager.disconnect(file.getFullPath(), LocationKind.IFILE, new NullProgressMonitor());
        }
    }
}
