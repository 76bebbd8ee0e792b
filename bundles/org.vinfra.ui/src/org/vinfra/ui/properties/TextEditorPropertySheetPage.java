package org.vinfra.ui.properties;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.properties.PropertySheetPage;
import org.eclipse.xtext.resource.XtextResource;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.ui.VinfraUi;

/**
 * The Properties view's page for a .vinfra text editor: when the caret moves, the element around it
 * (the innermost host, VM, network, container, NIC...) with its settings as written. The text is
 * parsed in the background (never while typing on the UI thread), and again only when it changed.
 */
final class TextEditorPropertySheetPage extends PropertySheetPage {

    private final ITextEditor editor;
    private Job pending;
    /** The last text parsed and its parse; touched only by the (serial) jobs. */
    private String parsedText;
    private XtextResource parsed;

    TextEditorPropertySheetPage(ITextEditor editor) {
        this.editor = editor;
    }

    @Override
    public void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (part == editor && selection instanceof ITextSelection text) {
            showElementAt(part, text.getOffset());
        } else if (part != editor) {
            super.selectionChanged(part, selection);
        }
    }

    private void showElementAt(IWorkbenchPart part, int offset) {
        IDocument document = editor.getDocumentProvider() == null ? null : editor.getDocumentProvider().getDocument(editor.getEditorInput());
        if (document == null || !(Adapters.adapt(editor.getEditorInput(), IFile.class) instanceof IFile file) || file.getLocation() == null) {
            return;
        }
        Path path = file.getLocation().toPath();
        String text = document.get();
        Display display = getControl() == null ? null : getControl().getDisplay();
        if (display == null) {
            return;
        }
        if (pending != null) {
            pending.cancel();
        }
        Job job = Job.create("vinfra: the element under the caret", monitor -> {
            TextElement element = elementAt(path, text, offset);
            if (!monitor.isCanceled()) {
                display.asyncExec(() -> {
                    if (getControl() != null && !getControl().isDisposed()) {
                        super.selectionChanged(part, element == null ? StructuredSelection.EMPTY : new StructuredSelection(element));
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.setRule(new SerialRule(this));
        pending = job;
        job.schedule(100);
    }

    private TextElement elementAt(Path path, String text, int offset) {
        synchronized (this) {
            if (!text.equals(parsedText)) {
                try {
                    parsed = VinfraUi.get().injector().getInstance(ModelSet.class).loadText(path.toString(), text);
                    parsedText = text;
                } catch (IOException e) {
                    VinfraUi.log("cannot parse " + path + " for the Properties view", e);
                    return null;
                }
            }
            return TextElement.at(parsed, path, offset);
        }
    }

    @Override
    public void dispose() {
        if (pending != null) {
            pending.cancel();
        }
        super.dispose();
    }

    /** One job at a time per page. */
    private record SerialRule(Object page) implements org.eclipse.core.runtime.jobs.ISchedulingRule {
        @Override
        public boolean contains(org.eclipse.core.runtime.jobs.ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(org.eclipse.core.runtime.jobs.ISchedulingRule rule) {
            return rule instanceof SerialRule other && other.page == page;
        }
    }
}
