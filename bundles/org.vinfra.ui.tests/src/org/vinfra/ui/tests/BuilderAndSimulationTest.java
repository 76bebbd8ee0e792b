package org.vinfra.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.ui.tests.Workbench.*;

import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.TextConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vinfra.ui.launch.SimulationLaunchShortcut;
import org.vinfra.ui.launch.SimulationResultsView;
import org.vinfra.ui.wizards.ExampleProjectWizard;

/** The builder (markers for every file, export on save), the course labs project and Run As > vinfra Simulation. */
class BuilderAndSimulationTest {

    @BeforeAll
    static void window() {
        maximize();
    }

    @AfterEach
    void close() {
        page().closeAllEditors(false);
    }

    @Test
    void theBuilderMarksEveryFileAndExportsOnlyWhenThereIsNoError() throws CoreException, java.io.IOException {
        IProject project = project("building");
        IFile hosts = file(project, "hosts.vinfra", EditorTest.HOSTS);
        IFile vms = file(project, "vms.vinfra", EditorTest.VMS.replace("vcpus 4", "vcpus 99"));
        build();
        assertTrue(hasMarker(vms, "vinfra.vcpus-exceed-host"), "the error is marked on the file that has it");
        IMarker marker = markers(vms)[0];
        assertEquals(4, marker.getAttribute(IMarker.LINE_NUMBER, -1));
        assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("server1"), marker.getAttribute(IMarker.MESSAGE, ""));
        // hosts.vinfra may carry the host-side consequence (the host is overcommitted): validated together, as on the command line
        IFolder output = project.getFolder("vinfra-gen");
        assertFalse(output.exists(), "a model with errors exports nothing");

        file(project, "vms.vinfra", EditorTest.VMS); // saved, fixed
        build();
        assertFalse(hasMarker(vms, "vinfra.vcpus-exceed-host"));
        IFile domain = output.getFile("libvirt/domains/web.xml");
        assertTrue(domain.exists(), "the VM's libvirt domain is exported on save");
        String xml = new String(domain.getContents().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<vcpu") && xml.contains(">4</vcpu>"), xml);
        assertTrue(output.isDerived());

        page().showView("org.eclipse.ui.views.ProblemView");
        file(project, "vms.vinfra", EditorTest.VMS.replace("on server1", "on server9"));
        build();
        assertTrue(hasMarker(vms, "vinfra.unresolved-reference"));
        screenshot("builder-problems-view");
    }

    @Test
    void theCourseLabsProjectValidatesAndSimulates() throws Exception {
        IProject labs = ResourcesPlugin.getWorkspace().getRoot().getProject("vinfra-labs");
        if (labs.exists()) {
            labs.delete(true, true, null);
        }
        ExampleProjectWizard.create(labs, null, null);
        build();
        IFile lab = labs.getFile("simulation-lab.vinfra");
        assertTrue(lab.exists());
        assertTrue(labs.getFile("multi-file/vms.vinfra").exists());
        for (IMarker marker : labs.findMarkers(org.vinfra.ui.builder.ProblemMarkers.TYPE, true, org.eclipse.core.resources.IResource.DEPTH_INFINITE)) {
            assertTrue(marker.getAttribute(IMarker.SEVERITY, 0) != IMarker.SEVERITY_ERROR, "the labs have no errors: " + marker.getAttribute(IMarker.MESSAGE, ""));
        }
        assertTrue(labs.getFolder("vinfra-gen").getFile("wordpress/compose.yaml").exists() || labs.getFolder("vinfra-gen").exists());

        open(lab);
        DebugUITools.launch(SimulationLaunchShortcut.configurationFor(lab), ILaunchManager.RUN_MODE);
        waitUntil("the Simulation Results view shows the run", 60_000, () -> {
            var view = page().findView(SimulationResultsView.ID);
            return view instanceof SimulationResultsView results && results.result() != null;
        });
        SimulationResultsView view = (SimulationResultsView) page().findView(SimulationResultsView.ID);
        assertEquals("completed", view.result().run().outcome());
        assertTrue(view.problemsViewer().getTable().getItemCount() > 0, "the lab's spike and host failure give problems");
        assertTrue(view.result().series().stream().anyMatch(s -> "cpu".equals(s.metric()) && "lab".equals(s.entity())));
        // the report is drawn in the view's browser: its CPU chart names the lab's host
        waitUntil("the report's charts are drawn", 60_000, () -> {
            try {
                return Boolean.TRUE.equals(view.browser().evaluate("return document.querySelector('#chart-host-cpu svg') !== null"
                        + " && [...document.querySelectorAll('#chart-host-cpu svg text')].some(t => t.textContent === 'lab')"));
            } catch (org.eclipse.swt.SWTException e) {
                return false;
            }
        });
        TextConsole console = null;
        for (IConsole each : ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
            if (each.getName().contains("simulation-lab.vinfra")) {
                console = (TextConsole) each;
            }
        }
        assertNotNull(console, "the event log is in a console");
        TextConsole log = console;
        waitUntil("the console has the timeline", 10_000, () -> log.getDocument().get().contains("vinfra: completed"));
        page().activate(view);
        view.problemsViewer().getTable().setSelection(0);
        settle(300);
        screenshot("simulation-results");

        // double-click a problem: the model element opens
        var first = (org.vinfra.sim.results.SimulationResult.Problem) view.problemsViewer().getElementAt(0);
        view.problemsViewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(first));
        org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
        view.problemsViewer().getTable().notifyListeners(org.eclipse.swt.SWT.DefaultSelection, event);
        waitUntil("the element of the problem is selected in an editor", 5_000, () -> page().getActiveEditor() != null
                && page().getActiveEditor().getEditorInput().getName().endsWith(".vinfra"));
        assertNotNull(PlatformUI.getWorkbench());
    }
}
