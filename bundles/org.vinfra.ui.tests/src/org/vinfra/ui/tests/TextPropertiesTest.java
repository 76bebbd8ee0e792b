package org.vinfra.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.ui.tests.Workbench.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Properties view follows the text editor's caret: on a VM, a host or a network it shows the
 * element's settings as written. The caret is moved with real arrow keys. Screenshot:
 * target/screenshots/properties-text-editor.png.
 */
class TextPropertiesTest {

    private IProject project;

    @BeforeAll
    static void window() {
        maximize();
    }

    @AfterEach
    void cleanUp() throws Exception {
        page().closeAllEditors(false);
        var properties = page().findViewReference("org.eclipse.ui.views.PropertySheet");
        if (properties != null) {
            page().hideView(properties);
        }
        project.delete(true, true, null);
    }

    @Test
    void thePropertiesViewShowsTheElementUnderTheCaret() throws Exception {
        project = project("properties");
        file(project, "hosts.vinfra", EditorTest.HOSTS);
        IFile vms = file(project, "vms.vinfra", EditorTest.VMS);
        ITextEditor editor = open(vms);
        IViewPart properties = page().showView("org.eclipse.ui.views.PropertySheet", null, IWorkbenchPage.VIEW_VISIBLE);
        page().activate(editor);
        caretAfter(editor, "vm db on ser");
        key(SWT.ARROW_DOWN, '\0'); // into the VM's block, with a real key
        settle(500);
        waitUntil("the Properties view shows the VM db", 10_000, () -> rows(properties).containsValue("db"), () -> rows(properties).toString());
        Map<String, String> rows = rows(properties);
        assertEquals("VirtualMachine", rows.get("kind"));
        assertEquals("vms.vinfra:" + line(editor, "vm db"), rows.get("declared at"));
        assertEquals("2", rows.get("vcpus"), "the settings as written: " + rows);
        assertEquals("server1", rows.get("host"), rows.toString());
        screenshot("properties-text-editor");

        caretAfter(editor, "vm web on ser");
        key(SWT.ARROW_RIGHT, '\0');
        waitUntil("the Properties view follows the caret to the VM web", 10_000, () -> "web".equals(rows(properties).get("name")),
                () -> rows(properties).toString());
        assertEquals("4", rows(properties).get("vcpus"));
    }

    private static int line(ITextEditor editor, String text) throws Exception {
        var document = document(editor);
        return document.getLineOfOffset(document.get().indexOf(text)) + 1;
    }

    /** The rows of the Properties view (expanded categories): property name to value. */
    private static Map<String, String> rows(IViewPart view) {
        Map<String, String> rows = new LinkedHashMap<>();
        var page = ((org.eclipse.ui.part.PageBookView) view).getCurrentPage();
        if (page == null || !(page.getControl() instanceof Tree tree)) {
            return rows;
        }
        for (TreeItem category : tree.getItems()) {
            for (TreeItem item : category.getItems()) {
                rows.put(item.getText(0), item.getText(1));
            }
            if (category.getItemCount() == 0) {
                rows.put(category.getText(0), category.getText(1));
            }
        }
        return rows;
    }
}
