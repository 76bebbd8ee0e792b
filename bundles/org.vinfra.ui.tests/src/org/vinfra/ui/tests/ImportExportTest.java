package org.vinfra.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.ui.tests.Ui.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * File > Import... and File > Export... for compose files, Dockerfiles and LXC configs, and vinfra >
 * Generate Now, driven with real clicks and keys. Screenshots: target/screenshots/import-*.png,
 * export-*.png, generate-*.png.
 */
class ImportExportTest {

    private IProject project;
    private Path outside;

    @BeforeAll
    static void window() {
        Workbench.maximize();
    }

    @BeforeEach
    void setUp() throws Exception {
        project = Workbench.project("exchange");
        outside = Path.of("/tmp", "vinfra-ui-exchange-" + ProcessHandle.current().pid());
        deleteOutside();
        Files.createDirectories(outside);
    }

    @AfterEach
    void cleanUp() throws Exception {
        Workbench.page().closeAllEditors(false);
        project.delete(true, true, null);
        deleteOutside();
    }

    private void deleteOutside() throws java.io.IOException {
        if (Files.exists(outside)) {
            try (Stream<Path> all = Files.walk(outside)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void importShowsWhatIsApproximatedBeforeFinishAndWritesTheModel() throws Exception {
        Path broken = Files.writeString(outside.resolve("broken.yaml"), "services:\n  web:\n    image: [nginx\n");
        Path compose = Files.writeString(outside.resolve("compose.yaml"), """
                services:
                  web.frontend:
                    image: nginx:1.27
                    ports:
                      - "8080:80"
                """);
        drive(120_000, () -> {
            menuBar("File", "Import...");
            Shell dialog = shell("Import");
            chooseWizard(dialog, "Compose, Dockerfile or LXC config into a vinfra model");
            screenshot("import-1-select");
            press(dialog, "Next >");
            typeInto(textAfter(dialog, "Into folder:"), "exchange");
            Text files = textAfter(dialog, "Files (one per line):");
            typeInto(files, broken.toString());
            Table problems = await("the importer's errors are listed", 20_000, () -> find(dialog, Table.class, t -> t.getItemCount() > 0));
            assertTrue(ui(() -> problems.getItem(0).getText(0)).startsWith("broken.yaml:"), "positioned in the file read");
            assertFalse(ui(() -> button(dialog, "Finish").isEnabled()), "a file with errors imports nothing");
            screenshot("import-2-errors");

            typeInto(files, compose.toString());
            String where = await("the approximation is listed", 20_000, () -> {
                for (org.eclipse.swt.widgets.TableItem item : problems.getItems()) {
                    if (item.getText(2).contains("'web.frontend'")) {
                        return item.getText(0);
                    }
                }
                return null;
            });
            assertTrue(where.startsWith("compose.yaml:2:"), "positioned at the service in the file read: " + where);
            assertEquals("vinfra-ui-exchange-" + ProcessHandle.current().pid() + ".vinfra", ui(() -> textAfter(dialog, "Model file:").getText()),
                    "the model is named after the compose project's folder");
            typeInto(textAfter(dialog, "Model file:"), "web.vinfra");
            await("Finish is enabled", 10_000, () -> button(dialog, "Finish").isEnabled());
            screenshot("import-3-warnings");
            press(dialog, "Finish");
            awaitClosed(dialog, 30_000);
            assertEquals(List.of(), errorDialogs());
        });
        IFile model = project.getFile("web.vinfra");
        assertTrue(model.exists(), "the model is written");
        String text = new String(model.getContents().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("nginx:1.27") && text.contains("8080"), text);
        Workbench.waitUntil("the model opens", 10_000, () -> Workbench.page().getActiveEditor() != null
                && "web.vinfra".equals(Workbench.page().getActiveEditor().getEditorInput().getName()));
        Workbench.build();
        assertEquals(List.of(), WizardsTest.errors(project), "the imported model validates");
        Workbench.screenshot("import-4-model");
    }

    @Test
    void exportRefusesAModelWithErrorsAndWritesTheFilesOfAValidOne() throws Exception {
        Workbench.file(project, "hosts.vinfra", EditorTest.HOSTS);
        Workbench.file(project, "vms.vinfra", EditorTest.VMS);
        Workbench.file(project, "bad.vinfra", "vm lost on nowhere {\n\tvcpus 2\n\tmemory 1 GiB\n}\n");
        Workbench.build();
        Path target = outside.resolve("out");
        drive(120_000, () -> {
            menuBar("File", "Export...");
            Shell dialog = shell("Export");
            chooseWizard(dialog, "vinfra model to compose, Dockerfile, LXC or libvirt files");
            screenshot("export-1-select");
            press(dialog, "Next >");
            typeInto(textAfter(dialog, "To folder:"), target.toString());
            Text model = textAfter(dialog, "Model:");
            typeInto(model, "/exchange/bad.vinfra");
            Table problems = await("the model's errors are listed", 20_000, () -> find(dialog, Table.class, t -> t.getItemCount() > 0));
            assertTrue(ui(() -> problems.getItem(0).getText(0)).startsWith("bad.vinfra:1:"), "positioned");
            assertTrue(ui(() -> problems.getItem(0).getText(1)).equals("vinfra.unresolved-reference"), ui(() -> problems.getItem(0).getText(1)));
            assertFalse(ui(() -> button(dialog, "Finish").isEnabled()), "a model with errors is not exported");
            screenshot("export-2-refused");

            typeInto(model, "/exchange/vms.vinfra");
            await("Finish is enabled", 20_000, () -> button(dialog, "Finish").isEnabled() && problems.getItemCount() == 0);
            Button compose = button(dialog, "compose files");
            assertTrue(ui(compose::getSelection));
            screenshot("export-3-ready");
            press(dialog, "Finish");
            awaitClosed(dialog, 30_000);
            assertEquals(List.of(), errorDialogs());
        });
        Path web = target.resolve("libvirt/domains/web.xml");
        assertTrue(Files.isRegularFile(web), "the VM's libvirt domain is written");
        assertTrue(Files.readString(web).contains(">4</vcpu>"), Files.readString(web));
        assertFalse(Files.exists(target.resolve("libvirt/domains/lost.xml")), "only the chosen model is exported");
        try (Stream<Path> left = Files.walk(target)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
        assertTrue(console("vinfra Generate").contains("exported to " + target), console("vinfra Generate"));
    }

    @Test
    void generateNowExportsFromTheMenuAndMarksErrorsFromTheContextMenu() throws Exception {
        Workbench.file(project, "hosts.vinfra", EditorTest.HOSTS);
        IFile vms = Workbench.file(project, "vms.vinfra", EditorTest.VMS);
        Workbench.build();
        IFolder output = project.getFolder("vinfra-gen");
        if (output.exists()) {
            output.delete(true, null);
        }
        IWorkspaceDescription description = ResourcesPlugin.getWorkspace().getDescription();
        boolean autoBuilding = description.isAutoBuilding();
        description.setAutoBuilding(false); // so what happens below is Generate Now's doing, not the builder's
        ResourcesPlugin.getWorkspace().setDescription(description);
        try {
            CommonNavigator explorer = (CommonNavigator) Workbench.page().showView(ProductTest.PROJECT_EXPLORER);
            explorer.getCommonViewer().expandToLevel(project, 1);
            Workbench.settle(300);
            Tree tree = explorer.getCommonViewer().getTree();
            drive(120_000, () -> {
                TreeItem file = treeItem(tree, "vms.vinfra");
                Ui.click(file, 1);
                await("vms.vinfra is selected", 5_000, () -> tree.getSelectionCount() == 1);
                menuBar("vinfra", "Generate Now");
                await("the exports are written", 30_000, () -> output.getFile("libvirt/domains/web.xml").exists());
                await("the console says what was written", 10_000, () -> console("vinfra Generate").contains("exchange: "));
                screenshot("generate-1-menu");
            });
            assertTrue(console("vinfra Generate").contains("wrote /exchange/vinfra-gen/libvirt/domains/web.xml"), console("vinfra Generate"));

            Workbench.file(project, "vms.vinfra", EditorTest.VMS.replace("vcpus 4", "vcpus 99"));
            drive(120_000, () -> {
                TreeItem file = treeItem(tree, "vms.vinfra");
                Ui.click(file, 1);
                Ui.click(file, 3);
                Menu menu = await("the context menu", 5_000, tree::getMenu);
                sleep(500);
                screenshot("generate-2-context-menu");
                choose(menu, "Generate vinfra Exports");
                hide(menu);
                await("the error is marked", 30_000, () -> Workbench.hasMarker(vms, "vinfra.vcpus-exceed-host"));
                await("the console says nothing was exported", 10_000, () -> console("vinfra Generate").contains("nothing exported"));
                screenshot("generate-3-error");
            });
            assertEquals(4, Workbench.markers(vms)[0].getAttribute(org.eclipse.core.resources.IMarker.LINE_NUMBER, -1), "positioned");
            String xml = new String(output.getFile("libvirt/domains/web.xml").getContents().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains(">4</vcpu>"), "the previous export stays as it was: " + xml);
        } finally {
            description.setAutoBuilding(autoBuilding);
            ResourcesPlugin.getWorkspace().setDescription(description);
        }
    }

    /** In the Import or Export dialog's first page: the wizard found by typing in the filter and clicked. */
    private static void chooseWizard(Shell dialog, String wizard) {
        Text filter = await("the wizard filter", 10_000, () -> find(dialog, Text.class, t -> true));
        typeInto(filter, wizard.substring(0, 12));
        Tree tree = await("the wizard tree", 10_000, () -> find(dialog, Tree.class, t -> true));
        click(treeItem(tree, wizard), 1);
        await("'" + wizard + "' is selected", 5_000, () -> tree.getSelectionCount() == 1 && tree.getSelection()[0].getText().equals(wizard));
    }

    static String console(String name) {
        return ui(() -> {
            for (IConsole each : ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
                if (each.getName().equals(name) && each instanceof TextConsole text) {
                    return text.getDocument().get();
                }
            }
            return "";
        });
    }
}
