package org.vinfra.ui.wizards;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.builder.VinfraNature;

/** File > New > vinfra File: a .vinfra file with a small host to start from; its project gets the vinfra builder. */
public final class NewVinfraFileWizard extends BasicNewResourceWizard {

    /**
     * The starting text of a new file. Its host and VM are named after the file ({@code lab2.vinfra}:
     * {@code lab2-server}, {@code lab2-web}): the names of a project's files share one scope and one
     * export folder, so fixed names would clash with the project's other files at once.
     */
    static String starter(String fileName) {
        String base = fileName.endsWith(".vinfra") ? fileName.substring(0, fileName.length() - ".vinfra".length()) : fileName;
        String prefix = base.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^[^A-Za-z_]+", "");
        if (prefix.isEmpty()) {
            prefix = "lab";
        }
        return """
                // A physical host with a type-1 hypervisor, and one VM on it.
                // Ctrl+Space proposes what can come next; hover over a word to learn what it means.
                host %1$s-server {
                	cpu {
                		sockets 1
                		cores 8
                		threads 2
                		features vt-x
                	}
                	memory 64 GiB
                	hypervisor kvm {
                		type-1
                		technique hardware-assisted
                	}
                }

                vm %1$s-web on %1$s-server {
                	vcpus 2
                	memory 4 GiB
                }
                """.formatted(prefix);
    }

    private WizardNewFileCreationPage page;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
        super.init(workbench, currentSelection);
        setWindowTitle("New vinfra File");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        page = new WizardNewFileCreationPage("file", getSelection()) {
            @Override
            protected InputStream getInitialContents() {
                return new ByteArrayInputStream(starter(getFileName()).getBytes(StandardCharsets.UTF_8));
            }
        };
        page.setTitle("vinfra File");
        page.setDescription("A .vinfra file describes hosts, hypervisors, VMs, networks and containers.");
        page.setFileExtension("vinfra");
        page.setFileName("infrastructure.vinfra");
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        IFile file = page.createNewFile();
        if (file == null) {
            return false;
        }
        try {
            VinfraNature.addTo(file.getProject(), null);
            IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), file, true);
        } catch (PartInitException e) {
            VinfraUi.log("cannot open " + file.getFullPath(), e);
        } catch (CoreException e) {
            VinfraUi.log("cannot enable the vinfra builder on " + file.getProject().getName(), e);
        }
        selectAndReveal(file);
        return true;
    }
}
