package org.vinfra.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.ui.tests.Ui.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vinfra.ui.builder.ProblemMarkers;
import org.vinfra.ui.wizards.ExampleProjectWizard;

/**
 * File > New > Other... > vinfra Course Labs and vinfra File, driven through the New wizard dialog
 * with real clicks and keys, Finish pressed. Screenshots: target/screenshots/wizard-*.png.
 */
class WizardsTest {

    private final List<IProject> created = new ArrayList<>();

    @BeforeAll
    static void window() {
        Workbench.maximize();
    }

    @AfterEach
    void cleanUp() throws CoreException {
        Workbench.page().closeAllEditors(false);
        for (IProject project : created) {
            if (project.exists()) {
                project.delete(true, true, null);
            }
        }
    }

    @Test
    void theCourseLabsWizardCreatesTheProjectWithoutAnError() throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("labs-ui");
        created.add(project);
        drive(120_000, () -> {
            Shell dialog = openNewWizard("vinfra Course Labs (example project)");
            screenshot("wizard-labs-1-select");
            press(dialog, "Next >");
            Text name = textAfter(dialog, "Project name:");
            typeInto(name, "labs-ui");
            screenshot("wizard-labs-2-project");
            press(dialog, "Finish");
            awaitClosed(dialog, 60_000);
            sleep(500);
            assertEquals(List.of(), errorDialogs(), "no error dialog after Finish");
        });
        assertTrue(project.exists() && project.isOpen(), "the project is created");
        assertTrue(project.getFile("simulation-lab.vinfra").exists());
        assertTrue(project.getFile("multi-file/vms.vinfra").exists());
        assertTrue(project.hasNature("org.vinfra.ui.nature"), "the labs are validated and exported by the builder");
        Workbench.waitUntil("the lab opens in an editor", 10_000, () -> Workbench.page().getActiveEditor() != null
                && "wordpress-compose.vinfra".equals(Workbench.page().getActiveEditor().getEditorInput().getName()));
        Workbench.build();
        assertEquals(List.of(), errors(project), "the labs have no errors");
        Workbench.screenshot("wizard-labs-3-created");
    }

    @Test
    void aNewVinfraFileInTheLabsProjectHasNoErrors() throws Exception {
        IProject labs = ResourcesPlugin.getWorkspace().getRoot().getProject("labs-ui2");
        created.add(labs);
        ExampleProjectWizard.create(labs, null, null); // the setting: a project with the labs (the wizard's test is above)
        Workbench.build();
        drive(120_000, () -> {
            Shell dialog = openNewWizard("vinfra File");
            press(dialog, "Next >");
            typeInto(textAfter(dialog, "Enter or select the parent folder:"), "labs-ui2");
            typeInto(textAfter(dialog, "File name:"), "lab2.vinfra");
            screenshot("wizard-file-1-name");
            press(dialog, "Finish");
            awaitClosed(dialog, 30_000);
            sleep(500);
            assertEquals(List.of(), errorDialogs(), "no error dialog after Finish");
        });
        IFile file = labs.getFile("lab2.vinfra");
        assertTrue(file.exists(), "the file is created");
        String text = new String(file.getContents().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("host lab2-server") && text.contains("vm lab2-web on lab2-server"),
                "the starter's names are the file's, so they clash with no other file of the project: " + text);
        Workbench.waitUntil("the new file opens in an editor", 10_000, () -> Workbench.page().getActiveEditor() != null
                && "lab2.vinfra".equals(Workbench.page().getActiveEditor().getEditorInput().getName()));
        Workbench.build();
        assertEquals(List.of(), errors(labs), "a new file gives the labs project no error (no name clash, no export clash)");
        assertFalse(Workbench.hasMarker(file, "vinfra.export-clash"));
        Workbench.screenshot("wizard-file-2-created");
    }

    /** File > New > Other..., the wizard chosen by typing in the filter and clicking it. */
    static Shell openNewWizard(String wizard) {
        menuBar("File", "New", "Other...");
        Shell dialog = shell("New");
        Text filter = await("the wizard filter", 10_000, () -> find(dialog, Text.class, t -> true));
        typeInto(filter, wizard.split(" \\(")[0]);
        Tree tree = await("the wizard tree", 10_000, () -> find(dialog, Tree.class, t -> true));
        click(treeItem(tree, wizard), 1);
        await("'" + wizard + "' is selected", 5_000, () -> tree.getSelectionCount() == 1 && tree.getSelection()[0].getText().startsWith(wizard));
        return dialog;
    }

    static List<String> errors(IProject project) throws CoreException {
        List<String> errors = new ArrayList<>();
        for (IMarker marker : project.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_INFINITE)) {
            if (marker.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR) {
                errors.add(marker.getResource().getName() + ":" + marker.getAttribute(IMarker.LINE_NUMBER, 0) + " "
                        + marker.getAttribute(IMarker.MESSAGE, ""));
            }
        }
        return errors;
    }
}
