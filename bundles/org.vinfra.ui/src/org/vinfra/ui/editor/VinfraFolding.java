package org.vinfra.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.widgets.Display;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/**
 * Folding of blocks and comments, from the language server's folding ranges, refreshed after a
 * validation when the number of lines has changed (a block can only appear or go then; asking on
 * every keystroke would cost the server time that the diagnostics need).
 */
public final class VinfraFolding implements IReconciler, EmbeddedLanguageServer.DiagnosticsListener {

    private ProjectionViewer viewer;
    /** The folded regions shown, by "firstLine:lastLine", so that unchanged ones keep their collapsed state. */
    private final Map<String, ProjectionAnnotation> shown = new HashMap<>();
    /** The number of lines when the folding was last asked for (-1: never). */
    private int askedAtLines = -1;

    @Override
    public void install(ITextViewer textViewer) {
        if (textViewer instanceof ProjectionViewer projection) {
            viewer = projection;
            VinfraUi.get().languageServer().addDiagnosticsListener(this);
        }
    }

    @Override
    public void uninstall() {
        if (viewer != null) {
            VinfraUi.get().languageServer().removeDiagnosticsListener(this);
            viewer = null;
        }
    }

    @Override
    public void diagnosticsChanged(String uri, List<Diagnostic> diagnostics) {
        ProjectionViewer current = viewer;
        if (current == null || current.getTextWidget() == null || current.getTextWidget().isDisposed()) {
            return;
        }
        Display display = current.getTextWidget().getDisplay();
        display.asyncExec(() -> {
            IDocument document = current.getDocument();
            if (document == null || !uri.equals(VinfraDocuments.uriOf(document)) || document.getNumberOfLines() == askedAtLines) {
                return;
            }
            askedAtLines = document.getNumberOfLines();
            VinfraUi.get().languageServer().server().foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri)))
                    .thenAccept(ranges -> display.asyncExec(() -> update(current, document, ranges)));
        });
    }

    private void update(ProjectionViewer current, IDocument document, List<FoldingRange> ranges) {
        ProjectionAnnotationModel model = current.getProjectionAnnotationModel();
        if (model == null || ranges == null || current.getDocument() != document) {
            return;
        }
        Map<String, ProjectionAnnotation> kept = new HashMap<>();
        Map<Annotation, Position> added = new HashMap<>();
        try {
            for (FoldingRange range : ranges) {
                if (range.getEndLine() <= range.getStartLine() || range.getEndLine() >= document.getNumberOfLines()) {
                    continue;
                }
                String key = range.getStartLine() + ":" + range.getEndLine();
                ProjectionAnnotation existing = shown.remove(key);
                if (existing != null) {
                    kept.put(key, existing);
                    continue;
                }
                int start = document.getLineOffset(range.getStartLine());
                int end = document.getLineOffset(range.getEndLine()) + document.getLineLength(range.getEndLine());
                ProjectionAnnotation annotation = new ProjectionAnnotation();
                added.put(annotation, new Position(start, end - start));
                kept.put(key, annotation);
            }
        } catch (BadLocationException stale) {
            return;
        }
        model.modifyAnnotations(shown.values().toArray(Annotation[]::new), added, null);
        shown.clear();
        shown.putAll(kept);
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }
}
