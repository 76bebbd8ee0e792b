package org.vinfra.ui.builder;

import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;
import org.eclipse.ui.handlers.HandlerUtil;
import org.vinfra.formats.OutputWriter;
import org.vinfra.ui.VinfraUi;

/**
 * vinfra > Generate Now (also in the Project Explorer's and the editor's context menus): validates and
 * exports the projects of the selected files, folders or projects at once, through the builder's own
 * {@link VinfraBuilder#generate}. Problems become markers (the Problems view opens when there are
 * errors); what was written is printed in the "vinfra Generate" console and summed up in the status line.
 */
public final class GenerateHandler extends AbstractHandler {

    /** The console's name. */
    public static final String CONSOLE = "vinfra Generate";

    @Override
    public Object execute(ExecutionEvent event) {
        Set<IProject> projects = projectsOf(HandlerUtil.getCurrentSelection(event), HandlerUtil.getActivePart(event));
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        if (projects.isEmpty()) {
            status(window, "vinfra: select a .vinfra file, a folder or a project to generate");
            return null;
        }
        for (IProject project : projects) {
            WorkspaceJob job = new WorkspaceJob("vinfra: generating " + project.getName()) {
                @Override
                public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                    VinfraBuilder.Outcome outcome = VinfraBuilder.generate(project, true, monitor);
                    report(window, project, outcome);
                    return Status.OK_STATUS;
                }
            };
            job.setRule(project);
            job.setUser(true);
            job.schedule();
        }
        return null;
    }

    /** The projects of the selection; of the active editor's file when the editor is the active part. */
    static Set<IProject> projectsOf(ISelection selection, IWorkbenchPart part) {
        Set<IProject> projects = new LinkedHashSet<>();
        if (part instanceof IEditorPart editor && Adapters.adapt(editor.getEditorInput(), IFile.class) instanceof IFile file) {
            projects.add(file.getProject());
        } else if (selection instanceof IStructuredSelection structured) {
            for (Object each : structured) {
                if (Adapters.adapt(each, IResource.class) instanceof IResource resource && resource.getProject() != null
                        && resource.getProject().isOpen()) {
                    projects.add(resource.getProject());
                }
            }
        }
        return projects;
    }

    private static void report(IWorkbenchWindow window, IProject project, VinfraBuilder.Outcome outcome) {
        StringBuilder text = new StringBuilder();
        String line;
        if (outcome.errors() > 0) {
            line = project.getName() + ": " + outcome.errors() + (outcome.errors() == 1 ? " error" : " errors")
                    + ", nothing exported: the previous exports are unchanged. The Problems view lists them; fix them and generate again.";
        } else if (outcome.written() == null) {
            line = project.getName() + ": nothing exported (the Problems view says why)";
        } else {
            OutputWriter.Summary summary = outcome.written();
            line = project.getName() + ": " + summary.written().size() + " written, " + summary.unchanged().size() + " unchanged, "
                    + summary.removed().size() + " removed in " + outcome.output().getFullPath()
                    + (outcome.warnings() > 0 ? " (" + outcome.warnings() + " warnings in the Problems view)" : "");
            for (String written : summary.written()) {
                text.append("  wrote ").append(outcome.output().getFullPath()).append('/').append(written).append('\n');
            }
            for (String removed : summary.removed()) {
                text.append("  removed ").append(outcome.output().getFullPath()).append('/').append(removed).append('\n');
            }
        }
        String details = text.toString();
        // with errors, the Problems view comes to the front, not the console
        try (MessageConsoleStream out = console(outcome.errors() == 0).newMessageStream()) {
            out.println(line);
            out.print(details);
        } catch (java.io.IOException e) {
            VinfraUi.log("cannot write to the console " + CONSOLE, e);
        }
        status(window, line);
        if (outcome.errors() > 0 && window != null) {
            window.getShell().getDisplay().asyncExec(() -> {
                IWorkbenchPage page = window.getActivePage();
                if (page != null) {
                    try {
                        page.showView("org.eclipse.ui.views.ProblemView", null, IWorkbenchPage.VIEW_VISIBLE);
                    } catch (PartInitException e) {
                        VinfraUi.log("cannot show the Problems view", e);
                    }
                }
            });
        }
    }

    /** The "vinfra Generate" console (what Generate Now and File > Export wrote), created on first use and brought to the front. */
    public static MessageConsole console() {
        return console(true);
    }

    private static MessageConsole console(boolean show) {
        var manager = ConsolePlugin.getDefault().getConsoleManager();
        MessageConsole found = null;
        for (IConsole each : manager.getConsoles()) {
            if (CONSOLE.equals(each.getName()) && each instanceof MessageConsole console) {
                found = console;
            }
        }
        if (found == null) {
            found = new MessageConsole(CONSOLE, null);
            manager.addConsoles(new IConsole[] { found });
        }
        if (show) {
            manager.showConsoleView(found);
        }
        return found;
    }

    private static void status(IWorkbenchWindow window, String message) {
        if (window == null) {
            return;
        }
        Display display = window.getShell().getDisplay();
        display.asyncExec(() -> {
            IWorkbenchPage page = window.getActivePage();
            IWorkbenchPart part = page == null ? null : page.getActivePart();
            var bars = part instanceof IViewPart view ? view.getViewSite().getActionBars()
                    : part instanceof IEditorPart editor ? editor.getEditorSite().getActionBars() : null;
            if (bars != null) {
                bars.getStatusLineManager().setMessage(message);
            }
        });
    }
}
