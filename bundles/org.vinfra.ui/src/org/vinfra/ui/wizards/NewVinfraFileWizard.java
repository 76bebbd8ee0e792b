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

    static final String STARTER = """
            // A physical host with a type-1 hypervisor, and one VM on it.
            // Ctrl+Space proposes what can come next; hover over a word to learn what it means.
            host server1 {
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

            vm web on server1 {
            	vcpus 2
            	memory 4 GiB
            }
            """;

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
                return new ByteArrayInputStream(STARTER.getBytes(StandardCharsets.UTF_8));
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
