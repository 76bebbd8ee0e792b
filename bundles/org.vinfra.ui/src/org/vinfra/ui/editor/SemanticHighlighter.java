package org.vinfra.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.widgets.Display;
import org.vinfra.lang.ide.highlighting.VinfraSemanticHighlighting;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/**
 * Semantic highlighting from the language server's semantic tokens: declared names in bold blue,
 * references to elements in teal. Refreshed each time the server has re-validated the document; in
 * between, the highlighted positions move with the text.
 */
final class SemanticHighlighter implements ITextPresentationListener, EmbeddedLanguageServer.DiagnosticsListener {

    private static final String CATEGORY = "vinfra.semantic";

    private final ITextViewer viewer;

    private SemanticHighlighter(ITextViewer viewer) {
        this.viewer = viewer;
    }

    static void install(ITextViewer viewer) {
        if (viewer instanceof ITextViewerExtension4 extension) {
            SemanticHighlighter highlighter = new SemanticHighlighter(viewer);
            extension.addTextPresentationListener(highlighter);
            EmbeddedLanguageServer server = VinfraUi.get().languageServer();
            server.addDiagnosticsListener(highlighter);
            viewer.getTextWidget().addDisposeListener(e -> server.removeDiagnosticsListener(highlighter));
        }
    }

    /** A declared name or a reference: the position moves with edits. */
    private static final class Highlight extends Position {
        final boolean declaration;

        Highlight(int offset, int length, boolean declaration) {
            super(offset, length);
            this.declaration = declaration;
        }
    }

    @Override
    public void diagnosticsChanged(String uri, List<Diagnostic> diagnostics) {
        Display display = viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed() ? null : viewer.getTextWidget().getDisplay();
        if (display == null) {
            return;
        }
        display.asyncExec(() -> {
            IDocument document = viewer.getDocument();
            if (document == null || !uri.equals(VinfraDocuments.uriOf(document))) {
                return;
            }
            EmbeddedLanguageServer server = VinfraUi.get().languageServer();
            server.server().semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(uri)))
                    .thenAccept(tokens -> display.asyncExec(() -> apply(document, tokens, server.semanticTokensLegend())));
        });
    }

    private void apply(IDocument document, SemanticTokens tokens, SemanticTokensLegend legend) {
        if (tokens == null || legend == null || viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed() || viewer.getDocument() != document) {
            return;
        }
        int declarationBit = 1 << legend.getTokenModifiers().indexOf(VinfraSemanticHighlighting.DECLARATION_MODIFIER);
        List<Integer> data = tokens.getData();
        List<Highlight> highlights = new ArrayList<>();
        int line = 0;
        int character = 0;
        for (int i = 0; i + 4 < data.size(); i += 5) {
            line += data.get(i);
            character = data.get(i) == 0 ? character + data.get(i + 1) : data.get(i + 1);
            try {
                int offset = document.getLineOffset(line) + character;
                highlights.add(new Highlight(offset, data.get(i + 2), (data.get(i + 4) & declarationBit) != 0));
            } catch (BadLocationException stale) {
                return; // the text changed meanwhile: the next round will be right
            }
        }
        try {
            if (document.containsPositionCategory(CATEGORY)) {
                document.removePositionCategory(CATEGORY);
            } else {
                document.addPositionUpdater(new DefaultPositionUpdater(CATEGORY));
            }
            document.addPositionCategory(CATEGORY);
            for (Highlight highlight : highlights) {
                document.addPosition(CATEGORY, highlight);
            }
        } catch (BadLocationException | BadPositionCategoryException e) {
            return;
        }
        viewer.invalidateTextPresentation();
    }

    @Override
    public void applyTextPresentation(TextPresentation presentation) {
        IDocument document = viewer.getDocument();
        if (document == null || !document.containsPositionCategory(CATEGORY)) {
            return;
        }
        IRegion extent = presentation.getExtent();
        try {
            for (Position position : document.getPositions(CATEGORY)) {
                if (position.isDeleted() || !position.overlapsWith(extent.getOffset(), extent.getLength())) {
                    continue;
                }
                boolean declaration = ((Highlight) position).declaration;
                StyleRange style = new StyleRange(position.getOffset(), position.getLength(), declaration ? Colors.DECLARATION : Colors.REFERENCE, null,
                        declaration ? SWT.BOLD : SWT.ITALIC);
                presentation.mergeStyleRange(style);
            }
        } catch (BadPositionCategoryException e) {
            // removed meanwhile
        }
    }
}
