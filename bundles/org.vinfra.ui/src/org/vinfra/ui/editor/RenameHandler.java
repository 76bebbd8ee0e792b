package org.vinfra.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.window.Window;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/** Rename (Alt+Shift+R): renames the element under the cursor and every reference to it, in all files. */
public final class RenameHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        ActiveEditor active = ActiveEditor.of(event);
        if (active == null) {
            return null;
        }
        Shell shell = HandlerUtil.getActiveShell(event);
        IRegion word = Positions.wordAt(active.document(), active.offset());
        String oldName = active.document().get().substring(word.getOffset(), word.getOffset() + word.getLength());
        InputDialog dialog = new InputDialog(shell, "Rename", "New name for '" + oldName + "' (its references follow):", oldName,
                text -> text.matches("\\^?[A-Za-z_][A-Za-z0-9_-]*") ? null : "A name starts with a letter or '_' and has letters, digits, '_' or '-'.");
        if (dialog.open() != Window.OK || dialog.getValue().equals(oldName)) {
            return null;
        }
        try {
            if (!rename(active.uri(), active.document(), word.getOffset(), dialog.getValue())) {
                MessageDialog.openInformation(shell, "Rename", "'" + oldName + "' is not the name of an element that can be renamed.");
            }
        } catch (BadLocationException | CoreException e) {
            throw new ExecutionException("the rename could not be applied", e);
        }
        return null;
    }

    /** Renames the element at an offset; false when there is nothing to rename there. */
    public static boolean rename(String uri, org.eclipse.jface.text.IDocument document, int offset, String newName) throws BadLocationException, CoreException {
        RenameParams params = new RenameParams(new TextDocumentIdentifier(uri), Positions.toPosition(document, offset), newName);
        WorkspaceEdit edit = EmbeddedLanguageServer.await(VinfraUi.get().languageServer().server().rename(params), null);
        boolean empty = edit == null || (edit.getChanges() == null || edit.getChanges().isEmpty())
                && (edit.getDocumentChanges() == null || edit.getDocumentChanges().isEmpty());
        if (empty) {
            return false;
        }
        TextEdits.apply(edit);
        return true;
    }
}
