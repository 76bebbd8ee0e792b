package org.vinfra.diagram.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Opens the diagram of a .vinfra file: the one selected in the Project Explorer, or the one the active
 * text editor shows (Ctrl+Alt+D there).
 */
public final class OpenDiagramHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IFile file = null;
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        ISelection selection = HandlerUtil.getCurrentSelection(event);
        if (!(part instanceof IEditorPart) && selection instanceof IStructuredSelection structured) {
            file = Adapters.adapt(structured.getFirstElement(), IFile.class);
        }
        if (file == null && HandlerUtil.getActiveEditor(event) != null) {
            file = Adapters.adapt(HandlerUtil.getActiveEditor(event).getEditorInput(), IFile.class);
        }
        if (file == null || !"vinfra".equals(file.getFileExtension())) {
            throw new ExecutionException("Select a .vinfra file (or open one in the text editor) to see its diagram.");
        }
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        try {
            DiagramEditor.open(page, file);
        } catch (PartInitException e) {
            throw new ExecutionException("The diagram of " + file.getFullPath() + " could not be opened: " + e.getMessage(), e);
        }
        return null;
    }
}
