package org.vinfra.ui.editor;

import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/**
 * The Outline of a .vinfra file: hosts with their NICs, datastores and hypervisor, VMs, networks,
 * images, containers and compose deployments (the server's document symbols), each with the icon of its kind
 * ({@link KindIcons}). Refreshed after each
 * validation; selecting a node selects it in the editor, and moving the cursor selects its node.
 */
public final class VinfraOutlinePage extends ContentOutlinePage implements EmbeddedLanguageServer.DiagnosticsListener {

    private final ITextEditor editor;
    private boolean selectingFromEditor;
    private final ISelectionChangedListener editorSelection = event -> revealCursor();

    public VinfraOutlinePage(ITextEditor editor) {
        this.editor = editor;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer tree = getTreeViewer();
        tree.setContentProvider(new Symbols());
        tree.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                DocumentSymbol symbol = (DocumentSymbol) element;
                return symbol.getDetail() == null || symbol.getDetail().isBlank() ? symbol.getName() : symbol.getName() + " : " + symbol.getDetail();
            }

            @Override
            public Image getImage(Object element) {
                return KindIcons.of(((DocumentSymbol) element).getKind());
            }
        });
        tree.setAutoExpandLevel(2);
        tree.addSelectionChangedListener(this::selectInEditor);
        editor.getSelectionProvider().addSelectionChangedListener(editorSelection);
        EmbeddedLanguageServer server = VinfraUi.get().languageServer();
        server.addDiagnosticsListener(this);
        refresh();
    }

    @Override
    public void dispose() {
        VinfraUi.get().languageServer().removeDiagnosticsListener(this);
        if (editor.getSelectionProvider() != null) {
            editor.getSelectionProvider().removeSelectionChangedListener(editorSelection);
        }
        super.dispose();
    }

    private IDocument document() {
        return editor.getDocumentProvider() == null ? null : editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    @Override
    public void diagnosticsChanged(String uri, List<Diagnostic> diagnostics) {
        Display display = getControl() == null || getControl().isDisposed() ? null : getControl().getDisplay();
        if (display != null && uri.equals(VinfraDocuments.uriOf(document()))) {
            display.asyncExec(this::refresh);
        }
    }

    /** Asks the server for the symbols and shows them (two levels expanded), selecting the cursor's node. */
    public void refresh() {
        String uri = VinfraDocuments.uriOf(document());
        if (uri == null || getControl() == null || getControl().isDisposed()) {
            return;
        }
        Display display = getControl().getDisplay();
        VinfraUi.get().languageServer().server().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))).thenAccept(answer -> display.asyncExec(() -> {
            if (getControl().isDisposed()) {
                return;
            }
            List<DocumentSymbol> symbols = answer.stream().filter(Either::isRight).map(Either::getRight).toList();
            getTreeViewer().setInput(symbols);
            revealCursor();
        }));
    }

    private void selectInEditor(SelectionChangedEvent event) {
        if (selectingFromEditor || !(event.getSelection() instanceof IStructuredSelection selection) || !(selection.getFirstElement() instanceof DocumentSymbol symbol)) {
            return;
        }
        IDocument document = document();
        Range range = symbol.getSelectionRange();
        editor.selectAndReveal(Positions.start(document, range), Positions.length(document, range));
    }

    /** Selects the innermost node that contains the cursor. */
    private void revealCursor() {
        if (getControl() == null || getControl().isDisposed() || !(getTreeViewer().getInput() instanceof List<?> roots)
                || !(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
            return;
        }
        try {
            Position cursor = Positions.toPosition(document(), selection.getOffset());
            DocumentSymbol innermost = null;
            List<?> level = roots;
            search: while (true) {
                for (Object element : level) {
                    DocumentSymbol symbol = (DocumentSymbol) element;
                    if (contains(symbol.getRange(), cursor)) {
                        innermost = symbol;
                        level = symbol.getChildren() == null ? List.of() : symbol.getChildren();
                        continue search;
                    }
                }
                break;
            }
            selectingFromEditor = true;
            getTreeViewer().setSelection(innermost == null ? StructuredSelection.EMPTY : new StructuredSelection(innermost), true);
        } catch (org.eclipse.jface.text.BadLocationException e) {
            // the cursor moved out of a shrinking text
        } finally {
            selectingFromEditor = false;
        }
    }

    private static boolean contains(Range range, Position position) {
        return compare(range.getStart(), position) <= 0 && compare(position, range.getEnd()) <= 0;
    }

    private static int compare(Position a, Position b) {
        return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine()) : Integer.compare(a.getCharacter(), b.getCharacter());
    }

    private static final class Symbols implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return input instanceof List<?> list ? list.toArray() : new Object[0];
        }

        @Override
        public Object[] getChildren(Object element) {
            List<DocumentSymbol> children = ((DocumentSymbol) element).getChildren();
            return children == null ? new Object[0] : children.toArray();
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return getChildren(element).length > 0;
        }
    }

}
