package org.vinfra.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.vinfra.ui.tests.Workbench.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vinfra.sim.results.SimulationResult;
import org.vinfra.ui.launch.SimulationLaunchShortcut;
import org.vinfra.ui.launch.SimulationResultsView;

/**
 * The Simulation Results view as a user meets it: the report of a run drawn in the view's browser (the
 * same page as {@code ./vinfra simulate --format html}), the stale mark after an edit, Re-run from the
 * view's toolbar, a failed run said so with the previous results marked, and Export... through the
 * file dialog. Screenshots: simulation-report-*.png.
 */
class SimulationResultsViewTest {

    private IProject project;
    private IFile lab;

    @BeforeEach
    void lab() throws Exception {
        maximize();
        noCompletionWhileTyping();
        project = project("report-view");
        try (InputStream in = FileLocator.openStream(Platform.getBundle("org.vinfra.ui"), new org.eclipse.core.runtime.Path("examples/overload-lab.vinfra"),
                false)) {
            lab = file(project, "overload-lab.vinfra", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void close() throws Exception {
        page().closeAllEditors(false);
        var view = page().findView(SimulationResultsView.ID);
        if (view != null) {
            page().hideView(view);
        }
        project.delete(true, true, null);
        settle(200);
    }

    @Test
    void theViewShowsTheReportMarksItStaleRerunsFailsAndExports() throws Exception {
        ITextEditor editor = open(lab);
        DebugUITools.launch(SimulationLaunchShortcut.configurationFor(lab), ILaunchManager.RUN_MODE);
        SimulationResultsView view = awaitView();
        waitUntil("the report is drawn in the view", 60_000, () -> rendered(view) > 0, () -> "rendered: " + rendered(view) + "; status: " + view.status());
        SimulationResult first = view.result();
        assertEquals(6, rendered(view), "the six charts of a run with hosts and VMs");
        Object paths = view.browser().evaluate("return document.querySelectorAll('.chart svg path').length");
        assertTrue(((Number) paths).intValue() > 60, "the charts have lines: " + paths);
        Object rows = view.browser().evaluate("return document.querySelectorAll('#workloads tbody tr').length");
        assertEquals(first.workloads().size(), ((Number) rows).intValue(), "a row per workload outcome");
        Object marks = view.browser().evaluate("return document.querySelectorAll('#chart-host-memory svg path[stroke-dasharray]').length");
        assertTrue(((Number) marks).intValue() > 0, "the run's events are marked");
        assertTrue(view.status().contains("overload-lab.vinfra, run at") && view.status().contains("completed"), view.status());
        shot(view, "simulation-report-view", false);

        // an edit, saved: the results are marked stale
        caretAfter(editor, "and the host failure.");
        type("\n// edited");
        chord('s', SWT.CTRL);
        waitUntil("the view marks its results stale", 10_000, () -> view.status().startsWith("STALE: report-view/overload-lab.vinfra changed"),
                view::status);
        shot(view, "simulation-report-stale", false);

        // Re-run from the view's toolbar: current again, a new result
        click(toolItem(SimulationResultsView.class, "Re-run the last simulation"));
        waitUntil("the re-run's results", 60_000, () -> view.result() != first && !view.status().startsWith("STALE"), view::status);
        SimulationResult second = view.result();
        assertNotSame(first, second);
        assertTrue(view.status().contains("completed"), view.status());

        // a run that fails (an error in the model): said so, the previous results kept but marked
        page().activate(editor);
        var area = text(editor).getClientArea();
        click(text(editor).toDisplay(area.width / 2, area.height / 2)); // the keyboard to the editor, as a user's click gives it
        caretAfter(editor, "// edited");
        type("\nvm broken on nowhere { }");
        chord('s', SWT.CTRL);
        page().activate(view);
        settle(500);
        // under load a click right after the Console came to the front was seen lost: the button is clicked again if no run started
        for (int attempt = 0; attempt < 3 && !view.status().contains("FAILED"); attempt++) {
            click(toolItem(SimulationResultsView.class, "Re-run the last simulation"));
            long until = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < until && !view.status().contains("FAILED")) {
                settle(200);
            }
        }
        waitUntil("the view says the run failed", 30_000, () -> view.status().contains("FAILED"), view::status);
        assertTrue(view.status().contains("error") && view.status().contains("nothing simulated"), view.status());
        assertTrue(view.status().contains("the results of the PREVIOUS run"), view.status());
        assertSame(second, view.result(), "the previous results stay, marked as such");
        waitUntil("the console has the run's errors", 10_000, () -> console().contains("nothing simulated"), () -> console());
        shot(view, "simulation-report-failed", false);

        // Export...: the file dialog, a path typed as a user does; the report is written whole
        Path folder = Files.createTempDirectory("vinfra-export");
        Path exported = folder.resolve("overload-report.html");
        typeInDialogLater(exported.toString());
        click(toolItem(SimulationResultsView.class, "Export the report as one HTML file..."));
        waitUntil("the report is exported", 20_000, () -> Files.exists(exported), () -> "files: " + list(folder));
        String html = Files.readString(exported);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("id=\"vinfra-report-data\"") && html.endsWith("</html>\n"), "the whole page");
        assertTrue(html.contains("\"seed\": 1"), "the run's data");
        assertEquals(1, list(folder).split(",").length, "no temporary file left: " + list(folder));
        // the view as a user maximizes it: the failure said, the previous run's charts below
        shot(view, "simulation-report-maximized", true);
    }

    /** The text of the run's console. */
    private static String console() {
        for (var each : org.eclipse.ui.console.ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
            if (each.getName().contains("report-view/overload-lab.vinfra") && each instanceof org.eclipse.ui.console.TextConsole text) {
                return text.getDocument().get();
            }
        }
        return "";
    }

    /**
     * A screenshot of the view in front, maximized (then restored) if asked, and scrolled to the first chart, so the
     * report is seen as a user looks at it; taken once WebKit has painted the page (it paints late on a busy machine).
     */
    private static void shot(SimulationResultsView view, String name, boolean maximized) {
        page().activate(view);
        var reference = page().getReference(view);
        if (maximized) {
            page().setPartState(reference, org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
            settle(500);
        }
        view.browser().execute("document.querySelector('.charts').scrollIntoView()");
        waitUntil("WebKit has painted the report", 20_000, () -> painted(view.browser()));
        settle(300);
        screenshot(name);
        if (maximized) {
            page().setPartState(reference, org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
            settle(300);
        }
    }

    /** Whether the browser's area on the screen is mostly painted (WebKit leaves it black until it paints). */
    private static boolean painted(org.eclipse.swt.browser.Browser browser) {
        var bounds = browser.getBounds();
        Point origin = browser.getParent().toDisplay(bounds.x, bounds.y);
        var image = new org.eclipse.swt.graphics.Image(display(), bounds.width, bounds.height);
        var gc = new org.eclipse.swt.graphics.GC(display());
        try {
            gc.copyArea(image, origin.x, origin.y);
            var data = image.getImageData();
            int black = 0;
            int samples = 0;
            for (int y = 0; y < data.height; y += 8) {
                for (int x = 0; x < data.width; x += 8) {
                    samples++;
                    black += (data.getPixel(x, y) & 0xffffff) == 0 ? 1 : 0;
                }
            }
            return black < samples / 10;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static String list(Path folder) {
        try (var files = Files.list(folder)) {
            return String.join(",", files.map(p -> p.getFileName().toString()).toList());
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static SimulationResultsView awaitView() {
        waitUntil("the Simulation Results view shows a run", 60_000,
                () -> page().findView(SimulationResultsView.ID) instanceof SimulationResultsView results && results.result() != null);
        return (SimulationResultsView) page().findView(SimulationResultsView.ID);
    }

    /** How many charts the page in the view has drawn (0 while it is loading). */
    private static int rendered(SimulationResultsView view) {
        try {
            Object value = view.browser().evaluate("return document.documentElement.dataset.rendered || '0'");
            return Integer.parseInt(String.valueOf(value));
        } catch (org.eclipse.swt.SWTException e) {
            return 0;
        }
    }

    /** The centre, on the display, of the view's toolbar button with this tooltip. */
    private static Point toolItem(Class<?> view, String tooltip) {
        Shell shell = page().getWorkbenchWindow().getShell();
        // the Console shares the view's stack and comes to the front by itself when a run writes to it
        waitUntil("the view's toolbar button '" + tooltip + "' is shown", 10_000, () -> {
            page().activate(page().findView(SimulationResultsView.ID));
            settle(200);
            return find(shell, tooltip) != null;
        });
        ToolItem item = find(shell, tooltip);
        if (item == null) {
            fail("no toolbar button '" + tooltip + "' in the workbench window");
        }
        Rectangle bounds = item.getBounds();
        return item.getParent().toDisplay(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
    }

    private static ToolItem find(Control control, String tooltip) {
        if (control instanceof ToolBar bar && bar.isVisible()) {
            for (ToolItem item : bar.getItems()) {
                if (tooltip.equals(item.getToolTipText()) && item.isEnabled()) {
                    return item;
                }
            }
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (Control child : composite.getChildren()) {
                ToolItem found = find(child, tooltip);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The file dialog runs its own event loop on this (the UI) thread: a helper thread waits for it to
     * open, then types the path into its name field, as a user does, and presses Enter.
     */
    private static void typeInDialogLater(String path) {
        var display = display();
        Thread typist = new Thread(() -> {
            sleep(2500);
            post(display, SWT.CTRL, '\0', SWT.KeyDown);
            post(display, 'a', 'a', SWT.KeyDown);
            post(display, 'a', 'a', SWT.KeyUp);
            post(display, SWT.CTRL, '\0', SWT.KeyUp);
            for (char c : path.toCharArray()) {
                post(display, c, c, SWT.KeyDown);
                post(display, c, c, SWT.KeyUp);
            }
            sleep(500);
            post(display, SWT.CR, '\r', SWT.KeyDown);
            post(display, SWT.CR, '\r', SWT.KeyUp);
        }, "types into the file dialog");
        typist.setDaemon(true);
        typist.start();
    }

    private static void post(org.eclipse.swt.widgets.Display display, int keyCode, char character, int type) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        display.post(event);
        sleep(20);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
