package org.vinfra.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;

/**
 * Drives menus, wizards and dialogs as a user does, from a driver thread while the UI thread keeps
 * dispatching events (a wizard or dialog runs its own modal event loop, which would stop a test
 * running on the UI thread). Buttons, tree items and text fields get real mouse clicks and keys
 * (Display.post); menus are opened and their items chosen by the events SWT sends when a user opens
 * a menu and picks an item (Show, then Selection), as SWTBot does: the items are the ones the
 * workbench really contributes, with their enablement and visibility.
 */
final class Ui {

    /** Steps run on the driver thread. */
    interface Script {
        void run() throws Exception;
    }

    private Ui() {
    }

    /** Runs the script on a driver thread; the UI thread dispatches events meanwhile. Rethrows what the script threw. */
    static void drive(long timeoutMs, Script script) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread driver = new Thread(() -> {
            try {
                script.run();
            } catch (Throwable e) {
                failure.set(e);
                // a dialog left open would keep the UI thread in its modal loop: close what the steps opened
                ui(() -> {
                    Workbench.screenshot("failed-" + e.getClass().getSimpleName());
                    Shell main = PlatformUI.getWorkbench().getActiveWorkbenchWindow() == null ? null
                            : PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
                    for (Shell shell : display().getShells()) {
                        if (shell != main && !shell.isDisposed() && shell.isVisible() && shell.getParent() != null) {
                            shell.close();
                        }
                    }
                });
            }
        }, "vinfra-ui-driver");
        driver.setDaemon(true);
        driver.start();
        Workbench.waitUntil("the driven steps end", timeoutMs, () -> !driver.isAlive());
        Workbench.settle(200);
        if (failure.get() instanceof AssertionError error) {
            throw error;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get().toString(), failure.get());
        }
    }

    static Display display() {
        return PlatformUI.getWorkbench().getDisplay();
    }

    /** Runs on the UI thread and waits for the result. */
    static <T> T ui(Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> error = new AtomicReference<>();
        display().syncExec(() -> {
            try {
                result.set(action.get());
            } catch (RuntimeException e) {
                error.set(e);
            }
        });
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    static void ui(Runnable action) {
        ui(() -> {
            action.run();
            return null;
        });
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls (on the UI thread) until the supplier gives a non-null value other than false. */
    static <T> T await(String what, long timeoutMs, Supplier<T> condition) {
        long end = System.currentTimeMillis() + timeoutMs;
        while (true) {
            T value = ui(condition);
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.currentTimeMillis() > end) {
                String name = what.replaceAll("[^A-Za-z0-9]+", "-");
                ui(() -> Workbench.screenshot("timed-out-" + name.substring(0, Math.min(80, name.length()))));
                fail("timed out after " + timeoutMs + " ms waiting until " + what + "; open shells: " + ui(Ui::shellTitles));
            }
            sleep(50);
        }
    }

    static List<String> shellTitles() {
        List<String> titles = new ArrayList<>();
        for (Shell shell : display().getShells()) {
            if (shell.isVisible()) {
                titles.add(shell.getText());
            }
        }
        return titles;
    }

    /** Waits for a visible shell with this title (a dialog or wizard) and gives it. */
    static Shell shell(String title) {
        return await("a window titled '" + title + "' is open", 20_000, () -> {
            for (Shell shell : display().getShells()) {
                if (shell.isVisible() && title.equals(shell.getText())) {
                    return shell;
                }
            }
            return null;
        });
    }

    static void awaitClosed(Shell shell, long timeoutMs) {
        await("'" + ui(() -> shell.isDisposed() ? "" : shell.getText()) + "' closes", timeoutMs, () -> shell.isDisposed() || !shell.isVisible());
    }

    // --- menus -------------------------------------------------------------------------------

    /** Opens the menu bar's menus along the path and chooses the last item: {@code menu("File", "New", "Other...")}. */
    static void menuBar(String... path) {
        Menu bar = ui(() -> PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell().getMenuBar());
        choose(bar, path);
    }

    /** The labels of a menu bar menu's items, as a user sees them after opening it. */
    static List<String> menuBarItems(String... path) {
        Menu bar = ui(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar());
        Menu menu = bar;
        for (String label : path) {
            Menu parent = menu;
            MenuItem item = ui(() -> item(parent, label));
            menu = ui(() -> item.getMenu());
            Menu shown = menu;
            ui(() -> shown.notifyListeners(SWT.Show, new Event()));
        }
        Menu last = menu;
        List<String> labels = ui(() -> {
            List<String> all = new ArrayList<>();
            for (MenuItem each : last.getItems()) {
                if ((each.getStyle() & SWT.SEPARATOR) == 0) {
                    all.add(label(each));
                }
            }
            return all;
        });
        ui(() -> last.notifyListeners(SWT.Hide, new Event()));
        return labels;
    }

    /**
     * Opens the menu (shown, so its contributions are filled in), then the submenus along the path,
     * and chooses the last item; the item runs after this returns (it may open a modal dialog).
     */
    static void choose(Menu menu, String... path) {
        Menu current = menu;
        for (int i = 0; i < path.length; i++) {
            Menu parent = current;
            String label = path[i];
            MenuItem item = await("the menu item '" + label + "' is there", 5_000, () -> {
                if ((parent.getStyle() & SWT.BAR) == 0) {
                    parent.notifyListeners(SWT.Show, new Event());
                }
                return item(parent, label);
            });
            if (i < path.length - 1) {
                current = ui(() -> item.getMenu());
                if (current == null) {
                    fail("'" + label + "' has no submenu");
                }
                Menu sub = current;
                ui(() -> {
                    item.notifyListeners(SWT.Arm, new Event());
                    sub.notifyListeners(SWT.Show, new Event());
                });
            } else {
                if (!ui(() -> item.isEnabled())) {
                    fail("the menu item '" + label + "' is disabled");
                }
                display().asyncExec(() -> {
                    item.notifyListeners(SWT.Arm, new Event());
                    if ((item.getStyle() & (SWT.CHECK | SWT.RADIO)) != 0) {
                        item.setSelection(!item.getSelection());
                    }
                    item.notifyListeners(SWT.Selection, new Event());
                });
                sleep(200);
            }
        }
    }

    /** The item of a menu with this label (mnemonics and accelerators ignored; "1 vinfra Simulation" matches "vinfra Simulation"). */
    static MenuItem item(Menu menu, String label) {
        for (MenuItem each : menu.getItems()) {
            String text = label(each);
            if (text.equals(label) || text.replaceFirst("^\\d+ ", "").equals(label)) {
                return each;
            }
        }
        return null;
    }

    static String label(MenuItem item) {
        String text = item.getText().replace("&", "");
        int tab = text.indexOf('\t');
        return (tab >= 0 ? text.substring(0, tab) : text).strip();
    }

    /** Hides a popup menu left open. */
    static void hide(Menu menu) {
        ui(() -> {
            if (!menu.isDisposed()) {
                menu.setVisible(false);
                menu.notifyListeners(SWT.Hide, new Event());
            }
        });
    }

    // --- widgets -----------------------------------------------------------------------------

    static <T extends Control> T find(Control root, Class<T> type, Predicate<T> matches) {
        if (type.isInstance(root) && root.isVisible() && matches.test(type.cast(root))) {
            return type.cast(root);
        }
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                T found = find(child, type, matches);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static Button button(Shell shell, String label) {
        return await("the button '" + label + "'", 10_000, () -> find(shell, Button.class, b -> b.getText().replace("&", "").equals(label)));
    }

    /** The text field after a label (as a wizard page lays them out). */
    static Text textAfter(Shell shell, String labelText) {
        return await("a text field after '" + labelText + "'", 10_000, () -> {
            Label label = find(shell, Label.class, l -> l.getText().replace("&", "").strip().equals(labelText));
            if (label == null) {
                return null;
            }
            Control[] siblings = label.getParent().getChildren();
            for (int i = java.util.Arrays.asList(siblings).indexOf(label) + 1; i < siblings.length; i++) {
                if (siblings[i] instanceof Text text) {
                    return text;
                }
            }
            return null;
        });
    }

    /** A real left click in the middle of a control. */
    static void click(Control control) {
        Point center = ui(() -> {
            Rectangle bounds = control.getBounds();
            return control.getParent().toDisplay(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
        });
        click(center, 1);
    }

    /** Presses a button with a real click, once it is enabled. */
    static void press(Shell shell, String label) {
        Button button = button(shell, label);
        await("'" + label + "' is enabled", 20_000, button::isEnabled);
        click(button);
    }

    /** A real click on a tree item (1: left, 3: right). */
    static void click(TreeItem item, int button) {
        Point point = ui(() -> {
            item.getParent().showItem(item);
            Rectangle bounds = item.getBounds();
            return item.getParent().toDisplay(bounds.x + Math.min(bounds.width / 2, 40), bounds.y + bounds.height / 2);
        });
        click(point, button);
    }

    static void click(Point point, int button) {
        ui(() -> {
            Event move = new Event();
            move.type = SWT.MouseMove;
            move.x = point.x;
            move.y = point.y;
            display().post(move);
        });
        sleep(100);
        for (int type : new int[] { SWT.MouseDown, SWT.MouseUp }) {
            ui(() -> {
                Event event = new Event();
                event.type = type;
                event.button = button;
                if (!display().post(event)) {
                    fail("the display refused a mouse event (no XTest?)");
                }
            });
            sleep(50);
        }
        sleep(200);
    }

    /** Clicks into a text field, selects what it holds and types over it, key by key. */
    static void typeInto(Text text, String typed) {
        click(text);
        ui(() -> {
            text.setFocus();
            text.selectAll();
        });
        type(typed);
        await("the field holds what was typed", 5_000, () -> text.getText().equals(typed) || text.getText().endsWith(typed));
    }

    /** Types text key by key with real key events. */
    static void type(String text) {
        for (char c : text.toCharArray()) {
            char character = c == '\n' ? '\r' : c;
            int keyCode = c == '\n' ? SWT.CR : c;
            for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
                ui(() -> {
                    Event event = new Event();
                    event.type = type;
                    event.keyCode = keyCode;
                    event.character = character;
                    if (!display().post(event)) {
                        fail("the display refused a key event (no XTest?)");
                    }
                });
            }
            sleep(15);
        }
        sleep(150);
    }

    /** The tree item with this label among the visible items (expanded ones included). */
    static TreeItem treeItem(Tree tree, String label) {
        return await("the tree item '" + label + "'", 10_000, () -> treeItem(tree.getItems(), label));
    }

    private static TreeItem treeItem(TreeItem[] items, String label) {
        for (TreeItem item : items) {
            if (item.getText().equals(label) || item.getText().startsWith(label + " ")) {
                return item;
            }
            if (item.getExpanded()) {
                TreeItem found = treeItem(item.getItems(), label);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A screenshot from the driver thread. */
    static void screenshot(String name) {
        sleep(300);
        ui(() -> Workbench.screenshot(name));
    }

    /** Shells that report a failure: error dialogs and "Problem Occurred". */
    static List<String> errorDialogs() {
        return ui(() -> {
            List<String> found = new ArrayList<>();
            for (Shell shell : display().getShells()) {
                String title = shell.getText();
                if (shell.isVisible() && (title.contains("Problem Occurred") || title.contains("Error") || title.equals("vinfra Course Labs")
                        && find(shell, Label.class, l -> l.getText().contains("could not be created")) != null)) {
                    found.add(title);
                }
            }
            return found;
        });
    }
}
