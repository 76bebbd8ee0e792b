package org.vinfra.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.ui.tests.Workbench.chord;
import static org.vinfra.ui.tests.Workbench.click;
import static org.vinfra.ui.tests.Workbench.display;
import static org.vinfra.ui.tests.Workbench.document;
import static org.vinfra.ui.tests.Workbench.page;
import static org.vinfra.ui.tests.Workbench.screenshot;
import static org.vinfra.ui.tests.Workbench.settle;
import static org.vinfra.ui.tests.Workbench.waitUntil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vinfra.diagram.ui.DiagramEditor;
import org.vinfra.diagram.ui.DiagramElement;
import org.vinfra.diagram.ui.DiagramExport;

/**
 * The diagram editor in a real workbench, driven with real clicks and keys (Display.post under Xvfb):
 * a course lab opened as a diagram beside its text editor, a VM created from the palette, the workbench's
 * Ctrl+Z, selection both ways, the Properties view, exports. Screenshots: target/screenshots/diagram-eclipse-*.png.
 */
class DiagramEditorTest {

    private IProject project;
    private IFile lab;
    private String original;

    @BeforeEach
    void openLab() throws Exception {
        Workbench.maximize();
        project = Workbench.project("diagram-lab");
        original = courseLab("virtualbox-laptop-lab.vinfra");
        lab = Workbench.file(project, "virtualbox-laptop-lab.vinfra", original);
    }

    @AfterEach
    void closeAll() {
        page().closeAllEditors(false);
        // the next test class waits for its own run in a Simulation Results view that starts empty
        var results = page().findView(org.vinfra.ui.launch.SimulationResultsView.ID);
        if (results != null) {
            page().hideView(results);
        }
        settle(200);
    }

    /** A lab as the course ships it (the IDE bundle carries the repository's examples). */
    private static String courseLab(String name) throws IOException {
        try (InputStream in = FileLocator.openStream(Platform.getBundle("org.vinfra.ui"), new org.eclipse.core.runtime.Path("examples/" + name), false)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private DiagramEditor openDiagram() throws PartInitException {
        DiagramEditor diagram = DiagramEditor.open(page(), lab);
        waitUntil("the diagram is drawn in the browser", 60_000, () -> drawnNodes(diagram) > 0, () -> "failure: " + diagram.startFailure()
                + "; page: " + diagram.browser().getUrl() + "; threads:\n" + threads());
        fit(diagram);
        return diagram;
    }

    /** Clicks the page's Fit button: the whole lab in view (the client draws only what is in view). */
    private static void fit(DiagramEditor diagram) {
        Object box = diagram.browser().evaluate("var r = document.getElementById('vinfra-fit').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];");
        Object[] xy = (Object[]) box;
        click(diagram.browser().toDisplay((int) ((Number) xy[0]).doubleValue(), (int) ((Number) xy[1]).doubleValue()));
        settle(700);
    }

    private static String threads() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().contains("vinfra") || java.util.Arrays.stream(stack).anyMatch(frame -> frame.getClassName().startsWith("org.vinfra.diagram"))) {
                dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
            }
        });
        return dump.toString();
    }

    private static int drawnNodes(DiagramEditor diagram) {
        Browser browser = diagram.browser();
        if (browser == null || browser.isDisposed()) {
            return 0;
        }
        Object count = browser.evaluate("return document.body && document.body.dataset.vinfraLoaded === 'true' ? document.querySelectorAll('.vinfra-node').length : 0;");
        return count instanceof Number number ? number.intValue() : 0;
    }

    /** The centre of a diagram element on the display, or null when it is not drawn. */
    private static Point centre(DiagramEditor diagram, String id) {
        Object box = diagram.browser().evaluate("var e = document.querySelector('[id=\"vinfra-diagram_" + id + "\"]');"
                + "if (!e) return null; var r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + Math.min(r.height / 2, 12)];");
        if (!(box instanceof Object[] xy)) {
            return null;
        }
        return diagram.browser().toDisplay((int) Math.round(((Number) xy[0]).doubleValue()), (int) Math.round(((Number) xy[1]).doubleValue()));
    }

    /** Empty space inside a host, below its header, on the right (where the lab has nothing), on the display. */
    private static Point insideCorner(DiagramEditor diagram, String id) {
        Object box = diagram.browser().evaluate("var e = document.querySelector('[id=\"vinfra-diagram_" + id + "\"]');"
                + "if (!e) return null; var r = e.getBoundingClientRect(); return [r.right - 60, Math.min(r.bottom - 12, r.top + 150)];");
        if (!(box instanceof Object[] xy)) {
            throw new AssertionError(id + " is not drawn");
        }
        return diagram.browser().toDisplay((int) Math.round(((Number) xy[0]).doubleValue()), (int) Math.round(((Number) xy[1]).doubleValue()));
    }

    private static Point paletteTool(DiagramEditor diagram, String label) {
        Object box = diagram.browser().evaluate("var b = Array.from(document.querySelectorAll('.tool-palette .tool-button')).find(b => b.textContent.trim() === '"
                + label + "'); if (!b) return null; var r = b.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];");
        if (!(box instanceof Object[] xy)) {
            throw new AssertionError("no palette tool '" + label + "'");
        }
        return diagram.browser().toDisplay((int) Math.round(((Number) xy[0]).doubleValue()), (int) Math.round(((Number) xy[1]).doubleValue()));
    }

    /** The ids of the VMs drawn, for messages. */
    private static String drawnVms(DiagramEditor diagram) {
        Object ids = diagram.browser().evaluate("return Array.from(document.querySelectorAll('[id^=\"vinfra-diagram_vm\"]')).map(e => e.id).join(' ');");
        return String.valueOf(ids);
    }

    private static Point centreOf(DiagramEditor diagram, String id) {
        Point point = centre(diagram, id);
        if (point == null) {
            throw new AssertionError(id + " is not drawn; the VMs drawn: " + drawnVms(diagram));
        }
        return point;
    }

    private static boolean selectedInDiagram(DiagramEditor diagram, String id) {
        Object selected = diagram.browser().evaluate("var e = document.querySelector('[id=\"vinfra-diagram_" + id + "\"]');"
                + "return !!e && e.classList.contains('selected');");
        return Boolean.TRUE.equals(selected);
    }

    @Test
    void aVmCreatedFromThePaletteIsWrittenIntoTheOpenTextEditorAndUndoneWithCtrlZ() throws Exception {
        ITextEditor text = Workbench.open(lab);
        IDocument document = document(text);
        DiagramEditor diagram = openDiagram();
        screenshot("diagram-eclipse-1-lab");

        click(paletteTool(diagram, "VM"));
        click(insideCorner(diagram, "host:laptop"));
        waitUntil("the new VM is in the text editor's document", 15_000, () -> document.get().contains("vm vm1 on laptop {"),
                () -> document.get().substring(Math.max(0, document.get().length() - 200)));
        waitUntil("the new VM is drawn", 10_000, () -> centre(diagram, "vm:vm1") != null);
        assertTrue(text.isDirty(), "the text editor shows the unsaved change");
        assertTrue(diagram.isDirty(), "the diagram editor is dirty too");
        assertEquals(original, Files.readString(lab.getLocation().toPath()), "nothing is saved before Ctrl+S");
        screenshot("diagram-eclipse-2-created-vm");

        // the workbench's Ctrl+Z, with the diagram focused, undoes it in the shared document
        diagram.setFocus();
        settle(100);
        chord('z', SWT.CTRL);
        waitUntil("Ctrl+Z in the diagram takes the VM out of the text", 10_000, () -> document.get().equals(original),
                () -> document.get().substring(Math.max(0, document.get().length() - 200)));
        waitUntil("the VM is gone from the diagram", 10_000, () -> centre(diagram, "vm:vm1") == null);
        screenshot("diagram-eclipse-3-undone");

        // and Ctrl+Y brings it back
        chord('y', SWT.CTRL);
        waitUntil("Ctrl+Y in the diagram writes the VM again", 10_000, () -> document.get().contains("vm vm1 on laptop {"));

        // Ctrl+S in the diagram saves once, for both editors
        chord('s', SWT.CTRL);
        waitUntil("both editors are saved", 10_000, () -> !text.isDirty() && !diagram.isDirty());
        assertTrue(Files.readString(lab.getLocation().toPath()).contains("vm vm1 on laptop {"), "the file on disk has the VM");
    }

    @Test
    void anEditInTheTextEditorRedrawsTheDiagram() throws Exception {
        ITextEditor text = Workbench.open(lab);
        DiagramEditor diagram = openDiagram();
        IDocument document = document(text);
        int at = document.get().indexOf("vm ubuntu on laptop");
        long started = System.nanoTime();
        document.replace(at + "vm ".length(), "ubuntu".length(), "desktop");
        waitUntil("the renamed VM is drawn", 10_000, () -> centre(diagram, "vm:desktop") != null, () -> drawnVms(diagram) + "\n" + threads());
        long redrawMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Workbench.record("diagram-redraw-after-text-edit.txt", "text edit to diagram redrawn: " + redrawMs + " ms\n");
        assertTrue(centre(diagram, "vm:ubuntu") == null, "the old name is gone from the diagram");
        screenshot("diagram-eclipse-4-text-edit");
    }

    @Test
    void selectionFollowsBothWaysAndThePropertiesViewShowsTheElement() throws Exception {
        ITextEditor text = Workbench.open(lab);
        IDocument document = document(text);
        DiagramEditor diagram = openDiagram();
        page().showView(IPageLayout.ID_PROP_SHEET);
        page().activate(diagram);
        settle(300);

        // diagram -> text caret and Properties
        click(centreOf(diagram, "vm:ubuntu"));
        int ubuntuName = document.get().indexOf("vm ubuntu on laptop") + "vm ".length();
        waitUntil("the text editor's caret is on the VM's name", 10_000,
                () -> ((ITextSelection) text.getSelectionProvider().getSelection()).getOffset() == ubuntuName,
                () -> "caret at " + ((ITextSelection) text.getSelectionProvider().getSelection()).getOffset());
        waitUntil("the diagram's selection is the VM", 5_000, () -> diagram.getSite().getSelectionProvider().getSelection() instanceof IStructuredSelection s
                && s.getFirstElement() instanceof DiagramElement e && e.id().equals("vm:ubuntu"));
        DiagramElement element = (DiagramElement) ((IStructuredSelection) diagram.getSite().getSelectionProvider().getSelection()).getFirstElement();
        assertTrue(element.settings().stream().anyMatch(s -> s.name().equals("vcpus") && s.value().equals("2")), element.settings().toString());
        screenshot("diagram-eclipse-5-selected-properties");

        // caret -> diagram
        page().activate(text);
        int web = document.get().indexOf("vm web on laptop") + 4;
        text.selectAndReveal(web, 0);
        settle(1_000);
        // the diagram is the other tab of the editor area: the user looks at it
        page().activate(diagram);
        fit(diagram);
        waitUntil("the VM at the caret is selected in the diagram", 10_000, () -> selectedInDiagram(diagram, "vm:web"), () -> drawnVms(diagram) + "\n" + threads());
        screenshot("diagram-eclipse-5b-selected-from-caret");
        assertFalse(selectedInDiagram(diagram, "vm:ubuntu"));
    }

    /** Waits for an export while the event loop runs (the export needs the UI thread for the documents and the PNG). */
    private static <T> T done(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        waitUntil("the export is written", 30_000, future::isDone);
        return future.get();
    }

    @Test
    void theDiagramExportsAsSvgAndPng() throws Exception {
        DiagramEditor diagram = openDiagram();
        Path folder = Files.createTempDirectory("vinfra-export");
        Path svg = done(DiagramExport.export(diagram, DiagramExport.Format.SVG, folder.resolve("lab.svg")));
        String drawing = Files.readString(svg);
        assertTrue(drawing.startsWith("<?xml") || drawing.startsWith("<svg"), drawing.substring(0, 40));
        assertTrue(drawing.contains("ubuntu") && drawing.contains("natnet"), "the SVG names the lab's VMs and networks");
        Path png = done(DiagramExport.export(diagram, DiagramExport.Format.PNG, folder.resolve("lab.png")));
        ImageData image = new ImageLoader().load(png.toString())[0];
        assertTrue(image.width > 300 && image.height > 150, "a PNG of the diagram's size: " + image.width + "x" + image.height);
        Files.copy(png, Path.of(System.getProperty("vinfra.screenshots", "target/screenshots")).resolve("diagram-eclipse-export.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of(), List.of(folder.toFile().list()).stream().filter(name -> name.endsWith(".tmp")).toList(), "no temporary file left");
    }

    @Test
    void closingTheDiagramUnsavedKeepsTheChangeInTheTextEditor() throws CoreException, Exception {
        ITextEditor text = Workbench.open(lab);
        IDocument document = document(text);
        DiagramEditor diagram = openDiagram();
        click(paletteTool(diagram, "VM"));
        click(insideCorner(diagram, "host:laptop"));
        waitUntil("the new VM is in the document", 15_000, () -> document.get().contains("vm vm1 on laptop {"));
        assertFalse(diagram.isSaveOnCloseNeeded(), "the text editor still holds the change: no question on closing the diagram");
        page().closeEditor(diagram, false);
        settle(300);
        assertTrue(text.isDirty() && document.get().contains("vm vm1 on laptop {"), "the change stays in the text editor, unsaved");
    }

    @Test
    void runAsSimulationColoursTheDiagramAndMarksWhatFailed() throws Exception {
        lab = Workbench.file(project, "overload-lab.vinfra", courseLab("overload-lab.vinfra"));
        DiagramEditor diagram = openDiagram();
        // Run As > vinfra Simulation, as the explorer's menu runs it
        new org.vinfra.ui.launch.SimulationLaunchShortcut().launch(new org.eclipse.jface.viewers.StructuredSelection(lab), "run");
        waitUntil("the simulation overlay is drawn", 60_000, () -> Boolean.TRUE.equals(diagram.browser().evaluate(
                "return document.body.classList.contains('vinfra-simulation') && document.querySelectorAll('.sim-badge, [class*=\"sim-oom\"], [class*=\"sim-crash\"]').length > 0;")),
                () -> String.valueOf(diagram.browser().evaluate("return document.body.className;")));
        // the user picks a time on the slider: the end of the run
        diagram.browser().evaluate("var s = document.querySelector('.sim-slider'); s.value = s.max; s.dispatchEvent(new Event('input', {bubbles: true})); return true;");
        settle(800);
        Object badges = diagram.browser().evaluate("return document.querySelectorAll('[class*=\"sim-\"]').length;");
        assertTrue(badges instanceof Number n && n.intValue() > 3, "loads and problems are drawn: " + badges);
        screenshot("diagram-eclipse-6-simulation");
        // a change of the text marks the run as out of date
        ITextEditor text = (ITextEditor) page().openEditor(new org.eclipse.ui.part.FileEditorInput(lab), "org.eclipse.ui.genericeditor.GenericEditor", true,
                org.eclipse.ui.IWorkbenchPage.MATCH_ID | org.eclipse.ui.IWorkbenchPage.MATCH_INPUT);
        document(text).replace(0, 0, "// edited\n");
        page().activate(diagram);
        waitUntil("the overlay says it is out of date", 10_000, () -> Boolean.TRUE.equals(diagram.browser().evaluate(
                "return document.body.classList.contains('vinfra-simulation-stale');")));
        screenshot("diagram-eclipse-7-simulation-stale");
    }
}
