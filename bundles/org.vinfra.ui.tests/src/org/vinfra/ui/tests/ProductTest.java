package org.vinfra.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.ui.tests.Ui.*;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product as its users meet it: its branding (as the launcher reads it), the vinfra perspective (opened
 * from Window > Perspective, reset to its layout), a Help menu whose entries all work, Run As > vinfra Simulation run from
 * the Project Explorer's context menu and offered by the Run menu. Screenshots: target/screenshots/product-*.png.
 */
class ProductTest {

    static final String PERSPECTIVE = "org.vinfra.ui.perspective";
    static final String PROJECT_EXPLORER = "org.eclipse.ui.navigator.ProjectExplorer";

    private IProject project;
    private org.eclipse.ui.IPerspectiveDescriptor before;

    @org.junit.jupiter.api.BeforeEach
    void rememberThePerspective() {
        before = Workbench.page().getPerspective();
    }

    @BeforeAll
    static void window() {
        Workbench.maximize();
    }

    @AfterEach
    void cleanUp() throws Exception {
        IWorkbenchPage page = Workbench.page();
        page.closeAllEditors(false);
        // the perspective the other test classes run in
        if (before != null && !before.getId().equals(page.getPerspective().getId())) {
            org.eclipse.ui.IPerspectiveDescriptor vinfra = page.getPerspective();
            page.setPerspective(before);
            page.closePerspective(vinfra, false, false);
            Workbench.settle(300);
        }
        IViewReference results = page.findViewReference("org.vinfra.ui.simulationResults");
        if (results != null) {
            page.hideView(results);
        }
        ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch launch : launches.getLaunches()) {
            if (launch.isTerminated()) {
                launches.removeLaunch(launch);
            }
        }
        for (ILaunchConfiguration configuration : launches.getLaunchConfigurations()) {
            configuration.delete();
        }
        if (project != null && project.exists()) {
            project.delete(true, true, null);
        }
    }

    @Test
    void theProductIsVinfraAndOpensInTheVinfraPerspective() throws Exception {
        // the workbench of the tests runs the platform's product (the other test classes expect its Resource perspective):
        // the vinfra product is checked as the launcher reads it, its branding extension and its preference defaults
        IExtension product = Platform.getExtensionRegistry().getExtension("org.eclipse.core.runtime.products", "org.vinfra.ui.product");
        assertNotNull(product, "the product org.vinfra.ui.product (releng/org.vinfra.product/vinfra.product) is defined");
        IConfigurationElement branding = product.getConfigurationElements()[0];
        assertEquals("vinfra", branding.getAttribute("name"), "the window title and Help > About name vinfra");
        java.util.Map<String, String> properties = new java.util.HashMap<>();
        for (IConfigurationElement property : branding.getChildren("property")) {
            properties.put(property.getAttribute("name"), property.getAttribute("value"));
        }
        assertEquals("vinfra", properties.get("appName"));
        assertTrue(properties.get("aboutText").startsWith("vinfra"), properties.get("aboutText"));
        org.osgi.framework.Bundle bundle = Platform.getBundle("org.vinfra.ui");
        for (String image : properties.get("windowImages").split(",")) {
            assertNotNull(bundle.getEntry(image), "the window icon " + image + " is in the bundle");
        }
        try (var in = bundle.getEntry(properties.get("preferenceCustomization")).openStream()) {
            String defaults = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(defaults.contains("org.eclipse.ui/defaultPerspectiveId=" + PERSPECTIVE), "the product opens in the vinfra perspective: " + defaults);
        }
        assertEquals(0, java.util.Arrays.stream(Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.ui.intro"))
                .filter(e -> "org.vinfra.ui.product".equals(e.getAttribute("productId"))).count(),
                "no Welcome page is bound to the product (its bundles are not on Maven Central)");

        drive(60_000, () -> {
            menuBar("Window", "Perspective", "Open Perspective", "Other...");
            Shell dialog = shell("Open Perspective");
            Table table = await("the perspectives", 10_000, () -> find(dialog, Table.class, t -> t.getItemCount() > 0));
            TableItem vinfra = await("the vinfra perspective is listed", 5_000, () -> {
                for (TableItem item : table.getItems()) {
                    if (item.getText().startsWith("vinfra")) {
                        return item;
                    }
                }
                return null;
            });
            Ui.click(ui(() -> {
                var bounds = vinfra.getBounds();
                return table.toDisplay(bounds.x + 20, bounds.y + bounds.height / 2);
            }), 1);
            screenshot("product-1-open-perspective");
            press(dialog, "Open");
            awaitClosed(dialog, 10_000);
            // the perspective as the product lays it out (tests before may have closed some of its views)
            menuBar("Window", "Perspective", "Reset Perspective...");
            Shell reset = shell("Reset Perspective");
            press(reset, ui(() -> find(reset, org.eclipse.swt.widgets.Button.class, b -> b.getText().replace("&", "").startsWith("Reset")) != null)
                    ? ui(() -> find(reset, org.eclipse.swt.widgets.Button.class, b -> b.getText().replace("&", "").startsWith("Reset")).getText().replace("&", ""))
                    : "OK");
            awaitClosed(reset, 10_000);
        });
        IWorkbenchPage page = Workbench.page();
        assertEquals(PERSPECTIVE, page.getPerspective().getId());
        for (String view : List.of(PROJECT_EXPLORER, "org.eclipse.ui.views.ContentOutline", "org.eclipse.ui.views.PropertySheet",
                "org.eclipse.ui.views.ProblemView", "org.eclipse.ui.console.ConsoleView", "org.vinfra.ui.simulationResults")) {
            assertNotNull(page.findViewReference(view), view + " is in the vinfra perspective");
        }
        drive(30_000, () -> {
            List<String> run = menuBarItems("Run");
            assertTrue(run.contains("Run As") && run.contains("Run Configurations..."), "a Run menu: " + run);
            assertTrue(ui(() -> runToolItem() != null), "a Run button in the toolbar");
        });
        Workbench.screenshot("product-2-vinfra-perspective");
    }

    @Test
    void everyHelpEntryWorks() {
        drive(60_000, () -> {
            List<String> help = menuBarItems("Help");
            assertFalse(help.stream().anyMatch(label -> label.startsWith("Cheat Sheets")), "no entries of bundles the product does not have: " + help);
            assertTrue(help.contains("Help Contents"), help.toString());
            menuBar("Help", "Help Contents");
            await("the guide opens", 10_000, () -> Workbench.page().getActiveEditor() != null
                    && "eclipse.md".equals(Workbench.page().getActiveEditor().getEditorInput().getName()));
            screenshot("product-3-help-contents");
        });
        String guide = Workbench.document((org.eclipse.ui.texteditor.ITextEditor) Workbench.page().getActiveEditor()).get();
        assertTrue(guide.contains("Run As") && guide.contains("Generate Now"), "the guide to the IDE");
    }

    @Test
    void runAsVinfraSimulationFromTheProjectExplorerAndOfferedByTheRunMenu() throws Exception {
        PlatformUI.getWorkbench().showPerspective(PERSPECTIVE, PlatformUI.getWorkbench().getActiveWorkbenchWindow()); // its Run menu
        project = Workbench.project("run-as");
        IFile hosts = Workbench.file(project, "hosts.vinfra", EditorTest.HOSTS);
        Workbench.file(project, "vms.vinfra", EditorTest.VMS);
        Workbench.build();
        CommonNavigator explorer = (CommonNavigator) Workbench.page().showView(PROJECT_EXPLORER);
        explorer.getCommonViewer().expandToLevel(project, 1);
        Workbench.settle(300);
        Tree tree = explorer.getCommonViewer().getTree();
        List<ILaunch> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.eclipse.debug.core.ILaunchListener listener = new org.eclipse.debug.core.ILaunchListener() {
            @Override
            public void launchAdded(ILaunch launch) {
                runs.add(launch);
            }

            @Override
            public void launchRemoved(ILaunch launch) {
            }

            @Override
            public void launchChanged(ILaunch launch) {
            }
        };
        DebugPlugin.getDefault().getLaunchManager().addLaunchListener(listener);
        try {
            drive(120_000, () -> {
                TreeItem file = treeItem(tree, "vms.vinfra");
                Ui.click(file, 1);
                await("vms.vinfra is selected", 5_000, () -> tree.getSelectionCount() == 1 && tree.getSelection()[0].getText().startsWith("vms.vinfra"));
                Ui.click(file, 3);
                Menu menu = await("the context menu", 5_000, tree::getMenu);
                sleep(500);
                screenshot("product-5-context-menu");
                choose(menu, "Run As", "vinfra Simulation");
                hide(menu);
                await("the simulation ran", 60_000, () -> runs.size() == 1 && completedRuns() == 1);
                screenshot("product-6-run-as-explorer");

                // the run shows its console and results views a moment later: let them, then select the file again in the explorer
                sleep(2_000);
                Ui.click(treeItem(tree, "vms.vinfra"), 1);
                await("the explorer is active with the file selected", 10_000, () -> Workbench.page().getActivePart() instanceof CommonNavigator
                        && String.valueOf(Workbench.page().getSelection()).contains("vms.vinfra"));
                sleep(500);
                await("the explorer is still active", 10_000, () -> Workbench.page().getActivePart() instanceof CommonNavigator);
                List<String> runAs = menuBarItems("Run", "Run As");
                assertTrue(runAs.stream().anyMatch(label -> label.replaceFirst("^\\d+ ", "").equals("vinfra Simulation")),
                        "the Run menu's Run As offers the simulation of the selected file: " + runAs);
                // NOT done here: choosing the item. Neither the Run As submenu's items (a legacy pulldown's copies) nor Run > Run
                // started a launch when chosen with this driver's synthetic Show/Selection events (no error logged either); the
                // Project Explorer's Run As above runs the same launch shortcut.
            });
        } finally {
            DebugPlugin.getDefault().getLaunchManager().removeLaunchListener(listener);
        }
        assertEquals(1, runs.size(), "one run from the context menu");
        for (ILaunch run : runs) {
            assertEquals("/run-as/vms.vinfra", run.getLaunchConfiguration().getAttribute(org.vinfra.ui.launch.SimulationLaunch.FILE, ""), "the selected file is simulated");
        }
        Workbench.screenshot("product-7-after-the-run");
        assertTrue(hosts.exists());
    }

    private static ToolItem runToolItem() {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        List<ToolBar> bars = new ArrayList<>();
        collect(shell, bars);
        for (ToolBar bar : bars) {
            for (ToolItem item : bar.getItems()) {
                String tip = item.getToolTipText();
                if (tip != null && (tip.equals("Run") || tip.startsWith("Run "))) {
                    return item;
                }
            }
        }
        return null;
    }

    private static void collect(org.eclipse.swt.widgets.Control control, List<ToolBar> bars) {
        if (control instanceof ToolBar bar) {
            bars.add(bar);
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
                collect(child, bars);
            }
        }
    }

    /** How many runs of run-as/vms.vinfra its console reports as completed (a console per file, each run appended). */
    private static int completedRuns() {
        for (IConsole each : ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
            if (each.getName().endsWith("run-as/vms.vinfra") && each instanceof TextConsole text) {
                return text.getDocument().get().split("vinfra: completed", -1).length - 1;
            }
        }
        return 0;
    }
}
