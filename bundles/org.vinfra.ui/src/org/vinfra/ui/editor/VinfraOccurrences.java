package org.vinfra.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.custom.CaretEvent;
import org.eclipse.swt.custom.CaretListener;
import org.eclipse.swt.widgets.Display;
import org.vinfra.ui.VinfraUi;

/**
 * Mark Occurrences for .vinfra files: when the cursor is on an element's name or a reference to it, its declaration
 * and every reference in the file are marked, as the language resolves them (the server's documentHighlight). Comments,
 * strings, keywords and other elements that happen to share the text are never marked; a cursor on anything else marks
 * nothing. Registered as the content type's highlight reconciler, it replaces the Generic Editor's plain-text word
 * matching, and follows its toolbar toggle (Toggle Mark Occurrences).
 */
public final class VinfraOccurrences implements IReconciler, CaretListener {

    /** The Generic Editor's occurrence annotation type and toggle preference, so its colours and toolbar button apply. */
    static final String ANNOTATION_TYPE = "org.eclipse.ui.genericeditor.text";
    private static final String TOGGLE_PREFERENCE = "org.eclipse.ui.genericeditor.togglehighlight";

    private ISourceViewer viewer;
    private Annotation[] marked = new Annotation[0];
    private int request;
    private final IEclipsePreferences.IPreferenceChangeListener toggle = event -> {
        if (TOGGLE_PREFERENCE.equals(event.getKey())) {
            Display.getDefault().asyncExec(this::update);
        }
    };

    @Override
    public void install(ITextViewer textViewer) {
        if (!(textViewer instanceof ISourceViewer source)) {
            return;
        }
        viewer = source;
        viewer.getTextWidget().addCaretListener(this);
        preferences().addPreferenceChangeListener(toggle);
    }

    @Override
    public void uninstall() {
        if (viewer != null) {
            if (!viewer.getTextWidget().isDisposed()) {
                viewer.getTextWidget().removeCaretListener(this);
            }
            preferences().removePreferenceChangeListener(toggle);
            mark(List.of(), viewer.getDocument());
            viewer = null;
        }
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode("org.eclipse.ui.genericeditor");
    }

    @Override
    public void caretMoved(CaretEvent event) {
        update();
    }

    /** Asks the server what the cursor's element is and where it occurs; marks the answer if the cursor has not moved since. */
    private void update() {
        ISourceViewer source = viewer;
        if (source == null || source.getTextWidget() == null || source.getTextWidget().isDisposed()) {
            return;
        }
        IDocument document = source.getDocument();
        String uri = VinfraDocuments.uriOf(document);
        if (uri == null || !preferences().getBoolean(TOGGLE_PREFERENCE, true)) {
            mark(List.of(), document);
            return;
        }
        int caret = source.getSelectedRange().x;
        int current = ++request;
        Display display = source.getTextWidget().getDisplay();
        try {
            DocumentHighlightParams params = new DocumentHighlightParams(new TextDocumentIdentifier(uri), Positions.toPosition(document, caret));
            VinfraUi.get().languageServer().server().documentHighlight(params).whenComplete((highlights, error) -> display.asyncExec(() -> {
                if (current == request && viewer == source && source.getDocument() == document) {
                    mark(error != null || highlights == null ? List.of() : highlights, document);
                }
            }));
        } catch (BadLocationException e) {
            mark(List.of(), document);
        }
    }

    /** Replaces the marked occurrences with the server's highlights. */
    private void mark(List<? extends DocumentHighlight> highlights, IDocument document) {
        IAnnotationModel model = viewer == null ? null : viewer.getAnnotationModel();
        if (model == null || document == null) {
            return;
        }
        Map<Annotation, Position> annotations = new HashMap<>();
        for (DocumentHighlight highlight : highlights) {
            int offset = Positions.start(document, highlight.getRange());
            int length = Positions.length(document, highlight.getRange());
            if (length > 0) {
                annotations.put(new Annotation(ANNOTATION_TYPE, false, "occurrence"), new Position(offset, length));
            }
        }
        if (model instanceof IAnnotationModelExtension extension) {
            extension.replaceAnnotations(marked, annotations);
        } else {
            for (Annotation annotation : marked) {
                model.removeAnnotation(annotation);
            }
            annotations.forEach(model::addAnnotation);
        }
        marked = annotations.keySet().toArray(Annotation[]::new);
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }
}
