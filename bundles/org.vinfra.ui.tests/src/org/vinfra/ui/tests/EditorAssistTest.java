package org.vinfra.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.ui.tests.Workbench.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completion, hover, Outline icons, Mark Occurrences, and the refusals of Rename and Format in the .vinfra editor, as a
 * user meets them: real keystrokes and mouse moves; each test leaves a screenshot of what it checks.
 */
class EditorAssistTest {

    static final String LAB = """
            // rack7 runs both VMs; "rack7" in this comment is no reference
            host rack7 {
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

            network lan on rack7 {
            	mode nat
            	cidr 192.168.100.0/24
            	gateway 192.168.100.1
            }

            vm shop on rack7 {
            	vcpus 4
            	memory 4 GiB
            }

            vm cache on rack7 {
            	vcpus 2
            	memory 8 GiB
            }
            """;

    private static final String GENERIC_EDITOR = "org.eclipse.ui.genericeditor";
    private static final String[] COMPLETION_PREFERENCES = { "contentAssistant.autoActivation", "contentAssistant.autoActivationOnType" };
    private static final List<String> TOP_LEVEL_SNIPPETS = List.of("host-kvm", "vm", "compose-service", "lxc-container", "network-nat");

    private static IProject project;
    private static String[] savedPreferences = new String[COMPLETION_PREFERENCES.length];
    private IFile lab;

    @BeforeAll
    static void window() throws CoreException {
        maximize();
        project = project("assist");
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(GENERIC_EDITOR);
        for (int i = 0; i < COMPLETION_PREFERENCES.length; i++) {
            savedPreferences[i] = node.get(COMPLETION_PREFERENCES[i], null);
        }
    }

    @AfterAll
    static void cleanUp() throws CoreException {
        completionWhileTyping(savedPreferences);
        project.delete(true, true, null);
    }

    @BeforeEach
    void files() throws CoreException {
        noCompletionWhileTyping();
        lab = file(project, "lab.vinfra", LAB);
        build();
    }

    @AfterEach
    void close() {
        for (Shell shell : display().getShells()) {
            if (shell != workbenchShell() && shell.isVisible() && shell.getParent() == workbenchShell()) {
                shell.setVisible(false); // a completion or hover popup left open
            }
        }
        page().closeAllEditors(false);
        settle(100);
    }

    /** The Generic Editor's defaults (completion pops up while typing), as a new user has them; null values restore the defaults. */
    private static void completionWhileTyping(String... values) {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(GENERIC_EDITOR);
        for (int i = 0; i < COMPLETION_PREFERENCES.length; i++) {
            if (values[i] == null) {
                node.remove(COMPLETION_PREFERENCES[i]);
            } else {
                node.put(COMPLETION_PREFERENCES[i], values[i]);
            }
        }
    }

    // --- completion ----------------------------------------------------------------------------

    @Test
    void typingANumberThenEnterStartsANewLineEvenWithCompletionWhileTypingOn() throws CoreException {
        completionWhileTyping(null, null);
        ITextEditor editor = open(lab);
        waitUntil("the server knows the file", 10_000, () -> org.vinfra.ui.editor.VinfraDocuments.uriOf(document(editor)) != null);
        caretAfter(editor, "memory 8 GiB");
        type("\nvcpus 999"); // the editor keeps the indentation
        settle(800); // longer than the Generic Editor's auto-activation delay
        assertFalse(popupShows(), "no completion popup opens by itself while typing");
        type("\n");
        type("memory");
        settle(800);
        assertFalse(popupShows(), "no completion popup opens by itself after a keyword");
        type("\n");
        settle(300);
        screenshot("assist-typing-number-enter");
        String text = document(editor).get();
        assertTrue(text.contains("\tmemory 8 GiB\n\tvcpus 999\n\tmemory\n"), text);
        assertFalse(text.contains("999disk") || text.contains("999 "), text);
    }

    @Test
    void ctrlSpaceInsideAVmBlockOffersNoTopLevelSnippetsAndShowsIcons() throws CoreException {
        ITextEditor editor = open(lab);
        caretAfter(editor, "vm cache on rack7 {\n\tvcpus 2");
        type("\n"); // the editor keeps the indentation
        Table table = ctrlSpace();
        List<String> labels = Arrays.stream(table.getItems()).map(TableItem::getText).toList();
        screenshot("assist-completion-in-vm-block");
        assertTrue(labels.stream().anyMatch(label -> label.startsWith("memory")), "the VM's settings are offered: " + labels);
        for (String snippet : TOP_LEVEL_SNIPPETS) {
            assertTrue(labels.stream().noneMatch(label -> label.startsWith(snippet + " - ")), "no top-level snippet " + snippet + " in a VM block: " + labels);
        }
        for (TableItem item : table.getItems()) {
            assertNotNull(item.getImage(), "every proposal has the icon of its kind: " + item.getText());
        }
    }

    @Test
    void ctrlSpaceAtTopLevelOffersTheSnippetsAndTheVmSnippetFillsItsFields() throws CoreException {
        ITextEditor editor = open(lab);
        caretAfter(editor, "memory 8 GiB\n}\n");
        type("\n");
        // read and accept at once: under Xvfb without a window manager this list now and then closes a moment after it
        // shows (seemingly when the template preview beside it opens and takes the focus)
        Table table = ctrlSpace();
        List<String> labels = Arrays.stream(table.getItems()).map(TableItem::getText).toList();
        for (String snippet : TOP_LEVEL_SNIPPETS) {
            assertTrue(labels.stream().anyMatch(label -> label.startsWith(snippet + " - ")), "the snippet " + snippet + " at the top level: " + labels);
        }
        TableItem host = table.getItem(labels.indexOf(labels.stream().filter(l -> l.startsWith("host-kvm - ")).findFirst().get()));
        TableItem vm = table.getItem(labels.indexOf(labels.stream().filter(l -> l.startsWith("vm - ")).findFirst().get()));
        assertNotNull(vm.getImage());
        assertEquals(host.getImage(), vm.getImage(), "snippets share the snippet icon");
        table.setSelection(vm);
        acceptSelectedProposal();
        waitUntil("the vm snippet is inserted", 5_000, () -> document(editor).get().contains("vm name on host {\n\tvcpus 2\n\tmemory 4 GiB\n}"),
                () -> document(editor).get());
        screenshot("assist-vm-snippet-inserted");
    }

    // --- hover ---------------------------------------------------------------------------------

    @Test
    void hoverOnAKeywordExplainsItInFull() throws CoreException {
        ITextEditor editor = open(lab);
        waitUntil("the server knows the file", 10_000, () -> !hoverText(editor, "technique").isEmpty());
        String expected = hoverText(editor, "technique");
        String shown = hoverWithTheMouse(editor, "technique");
        screenshot("assist-hover-keyword");
        assertTrue(shown.contains("technique"), shown);
        assertTrue(shown.contains(lastWords(expected)), "the whole explanation is shown, not cut off; expected the end '" + lastWords(expected)
                + "' in: " + shown);
    }

    @Test
    void hoverOnALineWithAProblemShowsTheProblemAndTheExplanation() throws CoreException {
        IFile tooMany = file(project, "lab.vinfra", LAB.replace("vcpus 4", "vcpus 64"));
        build();
        ITextEditor editor = open(tooMany);
        waitUntil("the vcpus error is known", 10_000, () -> hasMarker(tooMany, "vinfra.vcpus-exceed-host"));
        String shown = hoverWithTheMouse(editor, "vcpus 64");
        screenshot("assist-hover-problem");
        String problem = Arrays.stream(markers(tooMany)).filter(m -> "vinfra.vcpus-exceed-host".equals(m.getAttribute(org.vinfra.ui.builder.ProblemMarkers.CODE, "")))
                .map(m -> m.getAttribute(org.eclipse.core.resources.IMarker.MESSAGE, "")).findFirst().orElseThrow();
        assertTrue(shown.contains(lastWords(problem)), "the problem in full: '" + problem + "' in: " + shown);
        assertTrue(shown.toLowerCase().contains("vcpu") && shown.length() > problem.length() + 40, "and the keyword's explanation: " + shown);
        assertEquals(shown.indexOf(lastWords(problem)), shown.lastIndexOf(lastWords(problem)), "the problem is shown once: " + shown);
    }

    @Test
    void hoverOnTheMarkedTextOfAProblemShowsTheProblemOnce() throws CoreException {
        IFile tooMany = file(project, "lab.vinfra", LAB.replace("vcpus 4", "vcpus 64"));
        build();
        ITextEditor editor = open(tooMany);
        waitUntil("the vcpus error is known", 10_000, () -> hasMarker(tooMany, "vinfra.vcpus-exceed-host"));
        // the 64 is the marked text: the Generic Editor's own problem hover shows the problem there, alone (on one line, so
        // a long message is cut off on the screen: known, see docs/language.md; the vinfra hover on the keyword shows it whole)
        String shown = hoverWithTheMouse(editor, document(editor).get().indexOf("vcpus 64") + "vcpus 6".length());
        screenshot("assist-hover-marked-value");
        String problem = Arrays.stream(markers(tooMany)).filter(m -> "vinfra.vcpus-exceed-host".equals(m.getAttribute(org.vinfra.ui.builder.ProblemMarkers.CODE, "")))
                .map(m -> m.getAttribute(org.eclipse.core.resources.IMarker.MESSAGE, "")).findFirst().orElseThrow();
        assertTrue(shown.contains(lastWords(problem)), "the problem: '" + problem + "' in: " + shown);
        assertEquals(shown.indexOf(lastWords(problem)), shown.lastIndexOf(lastWords(problem)), "the problem is shown once: " + shown);
    }

    // --- outline -------------------------------------------------------------------------------

    @Test
    void outlineShowsAnIconPerKind() throws CoreException {
        ITextEditor editor = open(lab);
        ContentOutline outline = (ContentOutline) page().showView("org.eclipse.ui.views.ContentOutline");
        page().activate(editor);
        IContentOutlinePage outlinePage = (IContentOutlinePage) outline.getCurrentPage();
        Tree tree = (Tree) outlinePage.getControl();
        waitUntil("the outline lists rack7, lan, shop and cache", 10_000, () -> tree.getItemCount() >= 4);
        screenshot("assist-outline-icons");
        TreeItem host = item(tree, "rack7");
        TreeItem network = item(tree, "lan");
        TreeItem vm = item(tree, "shop");
        for (TreeItem item : List.of(host, network, vm)) {
            assertNotNull(item.getImage(), "an icon for " + item.getText());
        }
        assertNotEquals(host.getImage(), vm.getImage(), "a host and a VM have different icons");
        assertNotEquals(network.getImage(), vm.getImage(), "a network and a VM have different icons");
        assertEquals(vm.getImage(), item(tree, "cache").getImage(), "two VMs have the same icon");
        page().hideView(outline);
    }

    // --- occurrences ---------------------------------------------------------------------------

    @Test
    void occurrencesAreTheReferencesNeverTheCommentOrOtherText() throws CoreException {
        ITextEditor editor = open(lab);
        waitUntil("the server knows the file", 10_000, () -> !hoverText(editor, "technique").isEmpty());
        String text = document(editor).get();
        caretAfter(editor, "vm shop on rack");
        waitUntil("the occurrences of rack7 are marked", 10_000, () -> occurrences(editor).size() >= 4, () -> occurrences(editor).toString());
        settle(300);
        screenshot("assist-occurrences");
        List<Integer> expected = new ArrayList<>();
        for (int at = text.indexOf("rack7", text.indexOf("host rack7")); at >= 0; at = text.indexOf("rack7", at + 1)) {
            expected.add(at);
        }
        assertEquals(expected, occurrences(editor), "the declaration and its three references, not the comment's two mentions");
        caretAfter(editor, "\tvcp");
        waitUntil("a keyword marks nothing", 10_000, () -> occurrences(editor).isEmpty(), () -> occurrences(editor).toString());
    }

    // --- rename and format refusals ------------------------------------------------------------

    @Test
    void renameOnAKeywordSaysWhyNothingIsRenamed() throws CoreException {
        ITextEditor editor = open(lab);
        waitUntil("the server knows the file", 10_000, () -> !hoverText(editor, "technique").isEmpty());
        String before = document(editor).get();
        caretAfter(editor, "\tvcp");
        AtomicReference<String> message = new AtomicReference<>();
        whenDialogOpens("Rename", message, "assist-rename-refused");
        chord('r', SWT.ALT, SWT.SHIFT);
        waitUntil("the Rename dialog was shown and closed", 10_000, () -> message.get() != null);
        assertTrue(message.get().contains("Nothing to rename here"), message.get());
        assertEquals(before, document(editor).get(), "nothing changed");
    }

    @Test
    void formatOfAFileWithASyntaxErrorLeavesItAndSaysWhy() throws CoreException {
        String broken = "host scratch {\nmemory 2 GiB\n  nic eth0 {\n   cidr 192 . 168 . 100 . 0 / 24\n  }\n}\n";
        IFile file = file(project, "broken.vinfra", broken);
        ITextEditor editor = open(file);
        waitUntil("the server knows the file", 10_000, () -> org.vinfra.ui.editor.VinfraDocuments.uriOf(document(editor)) != null);
        caretAfter(editor, "scratch");
        chord('f', SWT.CTRL, SWT.SHIFT);
        waitUntil("the status line says why the file is not formatted", 10_000, () -> statusLineText().contains("not formatted"), EditorAssistTest::statusLineText);
        screenshot("assist-format-refused");
        assertEquals(broken, document(editor).get(), "the text is unchanged");
        assertTrue(statusLineText().contains("broken.vinfra"), statusLineText());
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Shell workbenchShell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    private static boolean popupShows() {
        return Arrays.stream(display().getShells()).anyMatch(shell -> shell != workbenchShell() && shell.isVisible() && shell.getParent() == workbenchShell()
                && find(shell, Table.class) != null);
    }

    /**
     * Presses Ctrl+Space and gives the completion popup's table once the proposals are computed (the Generic Editor
     * computes them in the background). Under Xvfb a popup now and then closes before showing its proposals: then the
     * user's next Ctrl+Space, at most twice more.
     */
    private static Table ctrlSpace() {
        for (int attempt = 0; attempt < 3; attempt++) {
            chord(' ', SWT.CTRL);
            long end = System.currentTimeMillis() + 8_000;
            while (System.currentTimeMillis() < end) {
                Table table = proposalTable();
                if (table != null && table.getItemCount() > 0 && !table.getItem(0).getText().startsWith("Computing proposals")) {
                    return table;
                }
                settle(50);
            }
            screenshot("assist-ctrl-space-attempt-" + (attempt + 1) + "-without-proposals");
        }
        throw new AssertionError("Ctrl+Space pressed three times showed no proposals");
    }

    private static Table proposalTable() {
        for (Shell shell : display().getShells()) {
            Table table = shell != workbenchShell() && shell.isVisible() ? find(shell, Table.class) : null;
            if (table != null) {
                return table;
            }
        }
        return null;
    }

    /** What the server's hover says at the first occurrence of a word (HTML from VinfraHover), as plain text; "" when nothing. */
    private static String hoverText(ITextEditor editor, String word) {
        var hover = new org.vinfra.ui.editor.VinfraHover();
        int offset = document(editor).get().indexOf(word) + 1;
        String html = hover.getHoverInfo(viewer(editor), hover.getHoverRegion(viewer(editor), offset));
        return html == null ? "" : html.replaceAll("<[^>]+>", " ").replace("&#8226;", "").replaceAll("&[a-z]+;", " ").replaceAll("\\s+", " ").strip();
    }

    /** The last few words of a text, to check that a popup shows it to its end. */
    private static String lastWords(String text) {
        String[] words = text.replaceAll("[*`]", "").strip().split("\\s+");
        return String.join(" ", Arrays.copyOfRange(words, Math.max(0, words.length - 3), words.length));
    }

    /** Rests the mouse on the first occurrence of a word, waits for the hover popup and gives the text it shows. */
    private static String hoverWithTheMouse(ITextEditor editor, String word) {
        return hoverWithTheMouse(editor, document(editor).get().indexOf(word) + 2);
    }

    /** Rests the mouse on a character of the text, waits for the hover popup and gives the text it shows. */
    private static String hoverWithTheMouse(ITextEditor editor, int offset) {
        StyledText text = text(editor);
        text.setFocus();
        Point at = text.toDisplay(text.getLocationAtOffset(offset));
        int y = at.y + text.getLineHeight(offset) / 2;
        for (int attempt = 0; attempt < 4 && hoverShells().isEmpty(); attempt++) {
            move(at.x - 40, y - 30);
            move(at.x + attempt, y);
            move(at.x + attempt + 1, y);
            long end = System.currentTimeMillis() + 3_000;
            while (hoverShells().isEmpty() && System.currentTimeMillis() < end) {
                settle(50);
            }
        }
        waitUntil("the hover popup shows", 1_000, () -> !hoverShells().isEmpty());
        settle(500);
        StringBuilder shown = new StringBuilder();
        for (Shell shell : hoverShells()) {
            collectText(shell, shown);
        }
        return shown.toString().replaceAll("\\s+", " ");
    }

    private static List<Shell> hoverShells() {
        List<Shell> shells = new ArrayList<>();
        for (Shell shell : display().getShells()) {
            if (shell != workbenchShell() && shell.isVisible() && find(shell, Table.class) == null
                    && (find(shell, StyledText.class) != null || find(shell, Label.class) != null || find(shell, Link.class) != null)) {
                shells.add(shell);
            }
        }
        return shells;
    }

    private static void collectText(Control control, StringBuilder text) {
        if (control instanceof StyledText styled) {
            text.append(styled.getText()).append(' ');
        } else if (control instanceof Label label) {
            text.append(label.getText()).append(' ');
        } else if (control instanceof Link link) {
            text.append(link.getText()).append(' ');
        } else if (control instanceof CLabel label && label.getText() != null) {
            text.append(label.getText()).append(' ');
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collectText(child, text);
            }
        }
    }

    private static void move(int x, int y) {
        org.eclipse.swt.widgets.Event move = new org.eclipse.swt.widgets.Event();
        move.type = SWT.MouseMove;
        move.x = x;
        move.y = y;
        display().post(move);
        settle(100);
    }

    private static TreeItem item(Tree tree, String name) {
        for (TreeItem item : tree.getItems()) {
            if (item.getText().equals(name) || item.getText().startsWith(name + " ")) {
                return item;
            }
        }
        throw new AssertionError("no outline item " + name + " in " + Arrays.stream(tree.getItems()).map(TreeItem::getText).toList());
    }

    /** The offsets of the marked occurrences, in order. */
    private static List<Integer> occurrences(ITextEditor editor) {
        IAnnotationModel model = viewer(editor).getAnnotationModel();
        List<Integer> offsets = new ArrayList<>();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            if ("org.eclipse.ui.genericeditor.text".equals(annotation.getType()) && !annotation.isMarkedDeleted()) {
                offsets.add(model.getPosition(annotation).getOffset());
            }
        }
        offsets.sort(null);
        return offsets;
    }

    /**
     * When a dialog with this title opens (its event loop runs the timer), records its message, takes a screenshot and
     * presses its OK button.
     */
    private static void whenDialogOpens(String title, AtomicReference<String> message, String screenshot) {
        long end = System.currentTimeMillis() + 10_000;
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            for (Shell shell : display().getShells()) {
                if (shell.isVisible() && title.equals(shell.getText())) {
                    StringBuilder text = new StringBuilder();
                    collectText(shell, text);
                    screenshot(screenshot);
                    message.set(text.toString());
                    org.eclipse.swt.widgets.Button ok = findButton(shell, "OK");
                    if (ok != null) {
                        ok.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                    } else {
                        shell.close();
                    }
                    return;
                }
            }
            if (System.currentTimeMillis() < end) {
                display().timerExec(100, check[0]);
            }
        };
        display().timerExec(100, check[0]);
    }

    private static org.eclipse.swt.widgets.Button findButton(Control control, String label) {
        if (control instanceof org.eclipse.swt.widgets.Button button && label.equals(button.getText().replace("&", ""))) {
            return button;
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                org.eclipse.swt.widgets.Button found = findButton(child, label);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The texts of the workbench window's status line (its CLabels). */
    private static String statusLineText() {
        StringBuilder text = new StringBuilder();
        collectLabels(workbenchShell(), text);
        return text.toString();
    }

    private static void collectLabels(Control control, StringBuilder text) {
        if (control instanceof CLabel label && label.getText() != null && label.isVisible()) {
            text.append(label.getText()).append(" | ");
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collectLabels(child, text);
            }
        }
    }

    private static <T> T find(Control control, Class<T> type) {
        if (type.isInstance(control)) {
            return type.cast(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
