package org.vinfra.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/**
 * Find references (Ctrl+Shift+G): every place, in every file, that names the element under the
 * cursor; the chosen one opens.
 */
public final class FindReferencesHandler extends AbstractHandler {

    /** One reference as listed: "file:line: text". */
    public record Reference(Location location, String label) {
    }

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        ActiveEditor active = ActiveEditor.of(event);
        if (active == null) {
            return null;
        }
        Shell shell = HandlerUtil.getActiveShell(event);
        List<Reference> references;
        org.eclipse.jface.text.IRegion word = Positions.wordAt(active.document(), active.offset());
        String name = active.document().get().substring(word.getOffset(), word.getOffset() + word.getLength());
        try {
            references = find(active.uri(), active.document(), active.offset());
        } catch (BadLocationException e) {
            throw new ExecutionException("the cursor is outside the text", e);
        }
        if (references.isEmpty()) {
            MessageDialog.openInformation(shell, "References", "Nothing refers to '" + name + "'.");
            return null;
        }
        ElementListSelectionDialog dialog = new ElementListSelectionDialog(shell, new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Reference) element).label();
            }
        });
        dialog.setTitle("References to '" + name + "'");
        dialog.setMessage(references.size() + (references.size() == 1 ? " reference" : " references") + "; choose one to open it:");
        dialog.setElements(references.toArray());
        dialog.setMultipleSelection(false);
        if (dialog.open() == ElementListSelectionDialog.OK && dialog.getFirstResult() instanceof Reference chosen) {
            Locations.open(chosen.location());
        }
        return null;
    }

    /** The references to the element at an offset, the declaration excluded. */
    public static List<Reference> find(String uri, org.eclipse.jface.text.IDocument document, int offset) throws BadLocationException {
        ReferenceParams params = new ReferenceParams(new TextDocumentIdentifier(uri), Positions.toPosition(document, offset), new ReferenceContext(false));
        List<? extends Location> locations = EmbeddedLanguageServer.await(VinfraUi.get().languageServer().server().references(params), List.of());
        List<Reference> references = new ArrayList<>();
        for (Location location : locations) {
            IFile file = VinfraDocuments.fileOf(location.getUri());
            String where = (file == null ? location.getUri() : file.getFullPath().makeRelative().toString()) + ":" + (location.getRange().getStart().getLine() + 1);
            references.add(new Reference(location, where + ": " + Locations.lineText(location)));
        }
        return references;
    }
}
