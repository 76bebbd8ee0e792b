package org.vinfra.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.vinfra.ui.builder.ProblemMarkers;
import org.vinfra.ui.builder.VinfraNature;

/**
 * Drives the workbench as a user would: real keystrokes through Display.post (under Xvfb), waiting while the event loop runs, and screenshots of the workbench window.
 */
final class Workbench {

    private Workbench() {
    }

    static Display display() {
        return PlatformUI.getWorkbench().getDisplay();
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Runs the event loop until the condition holds; fails saying what was awaited and what is there instead. */
    static void waitUntil(String what, long timeoutMs, BooleanSupplier condition, java.util.function.Supplier<String> instead) {
        try {
            waitUntil(what, timeoutMs, condition);
        } catch (AssertionError e) {
            fail(e.getMessage() + "; instead: " + instead.get());
        }
    }

    /**
     * Completion popups that open by themselves while typing (the Generic Editor's default) would
     * catch the keys the tests type next: the tests turn them off, as a user may in the preferences.
     */
    static void noCompletionWhileTyping() {
        var node = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode("org.eclipse.ui.genericeditor");
        node.putBoolean("contentAssistant.autoActivation", false);
        node.putBoolean("contentAssistant.autoActivationOnType", false);
    }

    /** Waits for a popup (completion or quick fix proposals) to show. */
    static void waitForPopup(String what) {
        Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        waitUntil(what, 5_000, () -> java.util.Arrays.stream(display().getShells())
                .anyMatch(shell -> shell != workbench && shell.isVisible() && shell.getParent() == workbench));
        settle(200);
    }

    /**
     * Accepts the selected proposal of the open popup as a double-click does (under Xvfb without a
     * window manager, an Enter posted while the popup is up does not reach it).
     */
    static void acceptSelectedProposal() {
        Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        for (Shell shell : display().getShells()) {
            if (shell != workbench && shell.isVisible() && shell.getParent() == workbench) {
                org.eclipse.swt.widgets.Table table = find(shell, org.eclipse.swt.widgets.Table.class);
                if (table != null && table.getSelectionCount() == 1) {
                    table.notifyListeners(SWT.DefaultSelection, new Event());
                    settle(200);
                    return;
                }
            }
        }
        fail("no popup with a selected proposal");
    }

    private static <T> T find(org.eclipse.swt.widgets.Control control, Class<T> type) {
        if (type.isInstance(control)) {
            return type.cast(control);
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Runs the event loop until the condition holds; fails with the message after the timeout. */
    static void waitUntil(String what, long timeoutMs, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                screenshot("timed-out-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
                fail("timed out after " + timeoutMs + " ms waiting until " + what);
            }
            if (!display().readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Lets the UI settle: runs pending events for a while. */
    static void settle(long ms) {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            if (!display().readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static IProject project(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        VinfraNature.addTo(project, null);
        return project;
    }

    static IFile file(IProject project, String name, String text) throws CoreException {
        IFile file = project.getFile(name);
        if (file.exists()) {
            file.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
        } else {
            file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
        }
        return file;
    }

    static void build() throws CoreException {
        ResourcesPlugin.getWorkspace().build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        try {
            Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ITextEditor open(IFile file) throws CoreException {
        ITextEditor editor = (ITextEditor) IDE.openEditor(page(), file, true);
        settle(300);
        return editor;
    }

    static IDocument document(ITextEditor editor) {
        return editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    static ISourceViewer viewer(ITextEditor editor) {
        return (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
    }

    static StyledText text(ITextEditor editor) {
        return viewer(editor).getTextWidget();
    }

    /** Puts the cursor at the end of the first occurrence of {@code after} and gives the editor the focus. */
    static void caretAfter(ITextEditor editor, String after) {
        int at = document(editor).get().indexOf(after);
        if (at < 0) {
            fail("'" + after + "' is not in the text");
        }
        editor.selectAndReveal(at + after.length(), 0);
        text(editor).setFocus();
        settle(50);
    }

    static IMarker[] markers(IFile file) {
        try {
            return file.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_ZERO);
        } catch (CoreException e) {
            return new IMarker[0];
        }
    }

    static boolean hasMarker(IFile file, String code) {
        for (IMarker marker : markers(file)) {
            if (code.equals(marker.getAttribute(ProblemMarkers.CODE, ""))) {
                return true;
            }
        }
        return false;
    }

    // --- real input --------------------------------------------------------------------------

    /** Types text key by key. */
    static void type(String text) {
        for (char c : text.toCharArray()) {
            if (c == '\n') {
                key(SWT.CR, '\r');
            } else {
                key(c, c);
            }
        }
    }

    static void key(int keyCode, char character) {
        post(SWT.KeyDown, keyCode, character);
        post(SWT.KeyUp, keyCode, character);
        settle(15);
    }

    /** A key with modifiers held, e.g. chord(' ', SWT.CTRL) for Ctrl+Space. */
    static void chord(int keyCodeOrChar, int... modifiers) {
        for (int modifier : modifiers) {
            post(SWT.KeyDown, modifier, '\0');
        }
        boolean isChar = (keyCodeOrChar & SWT.KEYCODE_BIT) == 0;
        char character = isChar ? (char) keyCodeOrChar : '\0';
        post(SWT.KeyDown, keyCodeOrChar, character);
        post(SWT.KeyUp, keyCodeOrChar, character);
        for (int i = modifiers.length - 1; i >= 0; i--) {
            post(SWT.KeyUp, modifiers[i], '\0');
        }
        settle(50);
    }

    static void click(org.eclipse.swt.graphics.Point point) {
        if (point == null) {
            fail("nothing to click: the element is not drawn");
        }
        click(point.x, point.y);
    }

    /** Appends a measured figure to target/benchmarks/NAME. */
    static void record(String name, String line) {
        try {
            Path folder = Path.of(System.getProperty("vinfra.benchmarks", "target/benchmarks"));
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name), line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A left click at a point of the display, as the mouse does it (move, press, release). */
    static void click(int x, int y) {
        Event move = new Event();
        move.type = SWT.MouseMove;
        move.x = x;
        move.y = y;
        display().post(move);
        settle(60);
        for (int type : new int[] { SWT.MouseDown, SWT.MouseUp }) {
            Event button = new Event();
            button.type = type;
            button.button = 1;
            if (!display().post(button)) {
                fail("the display refused a mouse event (no XTest?)");
            }
            settle(30);
        }
        settle(100);
    }

    private static void post(int type, int keyCode, char character) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        if (!display().post(event)) {
            fail("the display refused a key event (no XTest?)");
        }
    }

    // --- screenshots -------------------------------------------------------------------------

    /** Saves the whole screen (the workbench window and any popups) as target/screenshots/NAME.png. */
    static Path screenshot(String name) {
        settle(200);
        Display display = display();
        Rectangle bounds = display.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, 0, 0);
        } finally {
            gc.dispose();
        }
        try {
            Path folder = Path.of(System.getProperty("vinfra.screenshots", "target/screenshots"));
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".png");
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            image.dispose();
        }
    }

    /** Makes the workbench window fill the screen, in front. */
    static void maximize() {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setBounds(display().getBounds());
        shell.forceActive();
        settle(200);
    }
}
