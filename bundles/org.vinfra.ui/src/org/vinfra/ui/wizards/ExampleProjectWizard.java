package org.vinfra.ui.wizards;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.osgi.framework.Bundle;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.builder.VinfraNature;

/**
 * File > New > Other... > vinfra > vinfra Course Labs: a project with the course's labs (the WordPress compose
 * deployment, an Apache image, an LXC container, a KVM server with SR-IOV, a VirtualBox laptop lab,
 * a simulation lab and a multi-file model), validated and exported by the vinfra builder.
 */
public final class ExampleProjectWizard extends BasicNewResourceWizard {

    /** Where the labs are inside this bundle (copied from the repository's examples/ by the build). */
    static final String EXAMPLES = "examples";

    private WizardNewProjectCreationPage page;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
        super.init(workbench, currentSelection);
        setWindowTitle("vinfra Course Labs");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        page = new WizardNewProjectCreationPage("project");
        page.setTitle("vinfra Course Labs");
        page.setDescription("A project with the course's labs as .vinfra files, ready to edit, export and simulate.");
        page.setInitialProjectName("vinfra-labs");
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        // the page's widgets belong to the UI thread: read them here, before the operation forks
        IProject project = page.getProjectHandle();
        java.net.URI location = page.useDefaults() ? null : page.getLocationURI();
        try {
            getContainer().run(true, false, new WorkspaceModifyOperation() {
                @Override
                protected void execute(IProgressMonitor monitor) throws CoreException, InvocationTargetException {
                    create(project, location, monitor);
                }
            });
        } catch (InvocationTargetException e) {
            VinfraUi.log("cannot create " + project.getName(), e.getCause());
            MessageDialog.openError(getShell(), "vinfra Course Labs", "The project " + project.getName() + " could not be created: "
                    + e.getCause().getMessage() + ". Choose another name or location and press Finish again.");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        IFile first = project.getFile("wordpress-compose.vinfra");
        if (first.exists()) {
            try {
                IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), first, true);
            } catch (CoreException e) {
                VinfraUi.log("cannot open " + first.getFullPath(), e);
            }
        }
        selectAndReveal(project);
        return true;
    }

    /** Creates the project with the labs and the vinfra nature. */
    public static void create(IProject project, java.net.URI location, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Creating " + project.getName(), 3);
        var description = project.getWorkspace().newProjectDescription(project.getName());
        description.setLocationURI(location);
        project.create(description, progress.split(1));
        project.open(progress.split(1));
        Bundle bundle = VinfraUi.get().getBundle();
        Enumeration<URL> entries = bundle.findEntries(EXAMPLES, "*", true);
        List<URL> files = entries == null ? List.of() : Collections.list(entries);
        for (URL entry : files) {
            String path = entry.getPath().substring(entry.getPath().indexOf(EXAMPLES + "/") + EXAMPLES.length() + 1);
            if (path.isEmpty() || path.endsWith("/")) {
                continue;
            }
            IFile file = project.getFile(path);
            createParents(file);
            try (InputStream in = entry.openStream()) {
                file.create(in, IResource.FORCE, null);
            } catch (IOException e) {
                throw new CoreException(VinfraUi.error("cannot copy the lab " + path, e));
            }
        }
        VinfraNature.addTo(project, progress.split(1));
    }

    private static void createParents(IFile file) throws CoreException {
        if (file.getParent() instanceof IFolder folder && !folder.exists()) {
            List<IFolder> missing = new java.util.ArrayList<>();
            IResource parent = folder;
            while (parent instanceof IFolder f && !f.exists()) {
                missing.add(0, f);
                parent = f.getParent();
            }
            for (IFolder f : missing) {
                f.create(true, true, null);
            }
        }
    }
}
