package org.vinfra.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.window.Window;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;
import org.vinfra.ui.server.EmbeddedLanguageServer.Refused;

/**
 * Rename (Alt+Shift+R): renames the element under the cursor and every reference to it, in all files, keeping their
 * meaning (the language server's rename). The server first says what the cursor names (prepareRename: the name's range
 * and current text, for a replica group only the group's part); where it names nothing, or when the rename is refused
 * (the new name is taken, not a valid name...), a dialog titled "Rename" says why and nothing changes.
 */
public final class RenameHandler extends AbstractHandler {

    static final String TITLE = "Rename";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        ActiveEditor active = ActiveEditor.of(event);
        if (active == null) {
            return null;
        }
        Shell shell = HandlerUtil.getActiveShell(event);
        IDocument document = active.document();
        try {
            Name name = prepare(active.uri(), document, active.offset());
            InputDialog dialog = new InputDialog(shell, TITLE, "New name for '" + name.text() + "' (its references follow):", name.text(),
                    text -> text.matches("\\^?[A-Za-z_][A-Za-z0-9_-]*") ? null : "A name starts with a letter or '_' and has letters, digits, '_' or '-'.");
            if (dialog.open() != Window.OK || dialog.getValue().equals(name.text())) {
                return null;
            }
            apply(active.uri(), document, name.region().getOffset(), dialog.getValue());
        } catch (Refused refused) {
            MessageDialog.openInformation(shell, TITLE, refused.getMessage());
        } catch (BadLocationException | CoreException e) {
            throw new ExecutionException("the rename could not be applied", e);
        }
        return null;
    }

    /** What the cursor names: its region in the text and its current text. */
    record Name(IRegion region, String text) {
    }

    /** Asks the server what a position names; refused where it names nothing that can be renamed. */
    static Name prepare(String uri, IDocument document, int offset) throws Refused, BadLocationException {
        PrepareRenameParams params = new PrepareRenameParams(new TextDocumentIdentifier(uri), Positions.toPosition(document, offset));
        Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> answer = EmbeddedLanguageServer
                .answer(VinfraUi.get().languageServer().server().prepareRename(params));
        IRegion region;
        if (answer == null) {
            throw new Refused("Nothing to rename here: put the cursor on the name of an element (where it is declared, or in a reference to it).");
        } else if (answer.isFirst()) {
            region = new Region(Positions.start(document, answer.getFirst()), Positions.length(document, answer.getFirst()));
        } else if (answer.isSecond()) {
            Range range = answer.getSecond().getRange();
            region = new Region(Positions.start(document, range), Positions.length(document, range));
        } else {
            region = Positions.wordAt(document, offset);
        }
        return new Name(region, document.get(region.getOffset(), region.getLength()));
    }

    /** Renames the element at an offset; false when there is nothing to rename there or the server refuses. */
    public static boolean rename(String uri, IDocument document, int offset, String newName) throws BadLocationException, CoreException {
        try {
            apply(uri, document, offset, newName);
            return true;
        } catch (Refused refused) {
            return false;
        }
    }

    private static void apply(String uri, IDocument document, int offset, String newName) throws Refused, BadLocationException, CoreException {
        RenameParams params = new RenameParams(new TextDocumentIdentifier(uri), Positions.toPosition(document, offset), newName);
        WorkspaceEdit edit = EmbeddedLanguageServer.answer(VinfraUi.get().languageServer().server().rename(params));
        boolean empty = edit == null || (edit.getChanges() == null || edit.getChanges().isEmpty())
                && (edit.getDocumentChanges() == null || edit.getDocumentChanges().isEmpty());
        if (empty) {
            throw new Refused("Nothing to rename here: put the cursor on the name of an element (where it is declared, or in a reference to it).");
        }
        TextEdits.apply(edit);
    }
}
