package org.vinfra.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextInputListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;

/**
 * Hooked into the Generic Editor as a reconciler: it does no reconciling of its own but keeps the
 * viewer's document open on the language server, which validates after every change (no delay).
 */
public final class VinfraDocumentSync implements IReconciler, ITextInputListener {

    private ITextViewer viewer;

    @Override
    public void install(ITextViewer textViewer) {
        viewer = textViewer;
        viewer.addTextInputListener(this);
        // content assist must know from the first session on whether it was asked for; the viewer installs its content
        // assistant after its reconcilers, so this runs once the viewer is configured, before the user can type
        ITextViewer configured = viewer;
        if (viewer.getTextWidget() != null) {
            viewer.getTextWidget().getDisplay().asyncExec(() -> VinfraContentAssist.watchSessions(configured));
        }
        if (viewer.getDocument() != null) {
            VinfraDocuments.open(viewer.getDocument());
        }
    }

    @Override
    public void uninstall() {
        if (viewer != null) {
            viewer.removeTextInputListener(this);
            if (viewer.getDocument() != null) {
                VinfraDocuments.close(viewer.getDocument());
            }
            viewer = null;
        }
    }

    @Override
    public void inputDocumentAboutToBeChanged(IDocument oldInput, IDocument newInput) {
        if (oldInput != null) {
            VinfraDocuments.close(oldInput);
        }
    }

    @Override
    public void inputDocumentChanged(IDocument oldInput, IDocument newInput) {
        if (newInput != null) {
            VinfraDocuments.open(newInput);
        }
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }
}
