package org.vinfra.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vinfra.ui.tests.Workbench.*;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vinfra.ui.editor.FindReferencesHandler;
import org.vinfra.ui.editor.RenameHandler;
import org.vinfra.ui.editor.VinfraDocuments;
import org.vinfra.ui.editor.VinfraHover;

/** The .vinfra editor in a real workbench, driven with real keystrokes; each test leaves a screenshot. */
class EditorTest {

    static final String HOSTS = """
            host server1 {
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
            """;

    static final String VMS = """
            import "hosts.vinfra"

            vm web on server1 {
            	vcpus 4
            	memory 4 GiB
            }

            vm db on server1 {
            	vcpus 2
            	memory 8 GiB
            }
            """;

    private IProject project;
    private IFile hosts;
    private IFile vms;

    @BeforeAll
    static void window() {
        noCompletionWhileTyping();
        maximize();
    }

    @BeforeEach
    void files() throws CoreException {
        project = project("editing");
        hosts = file(project, "hosts.vinfra", HOSTS);
        vms = file(project, "vms.vinfra", VMS);
        build();
    }

    @AfterEach
    void close() {
        page().closeAllEditors(false);
        settle(100);
    }

    @Test
    void opensInTheGenericEditorWithHighlighting() throws CoreException {
        ITextEditor editor = open(vms);
        assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
        assertNotNull(VinfraDocuments.uriOf(document(editor)), "the document is open on the language server");
        // keywords bold purple, the reference to server1 (semantic) in teal italics
        waitUntil("the reference to server1 is highlighted", 10_000, () -> styleAt(editor, "server1").fontStyle == SWT.ITALIC);
        StyleRange keyword = styleAt(editor, "vcpus");
        assertEquals(SWT.BOLD, keyword.fontStyle & SWT.BOLD);
        assertEquals(new Color(127, 0, 85), keyword.foreground);
        screenshot("editor-highlighting");
    }

    @Test
    void anErrorAppearsWhileTypingAndGoesAwayWhenFixed() throws CoreException {
        ITextEditor editor = open(vms);
        caretAfter(editor, "vcpus 4");
        type("0");
        waitUntil("the vcpus error marker appears", 10_000, () -> hasMarker(vms, "vinfra.vcpus-exceed-host"));
        assertTrue(document(editor).get().contains("vcpus 40"));
        screenshot("editor-error-while-typing");
        key(SWT.BS, '\b');
        assertTrue(document(editor).get().contains("vcpus 4\n"), document(editor).get());
        waitUntil("the vcpus error marker goes away", 10_000, () -> !hasMarker(vms, "vinfra.vcpus-exceed-host"));
        screenshot("editor-error-fixed");
    }

    @Test
    void contentAssistProposesAndInsertsAKeyword() throws CoreException {
        ITextEditor editor = open(vms);
        caretAfter(editor, "memory 8 GiB");
        type("\n\tgu");
        chord(' ', SWT.CTRL);
        waitForPopup("the completion proposals show");
        screenshot("editor-content-assist");
        acceptSelectedProposal();
        waitUntil("the proposal is inserted", 5_000, () -> document(editor).get().contains("\tguest\n}"), () -> document(editor).get());
    }

    @Test
    void theLinkOnAReferenceOpensItsDeclarationInTheOtherFile() throws CoreException {
        ITextEditor editor = open(vms);
        waitUntil("the server knows the file", 10_000, () -> styleAt(editor, "server1").fontStyle == SWT.ITALIC);
        int reference = document(editor).get().indexOf("server1", document(editor).get().indexOf("vm db"));
        var links = new org.vinfra.ui.editor.VinfraHyperlinks().detectHyperlinks(viewer(editor), new org.eclipse.jface.text.Region(reference + 2, 0), false);
        assertNotNull(links, "Ctrl+hover over the reference shows a link");
        assertEquals(reference, links[0].getHyperlinkRegion().getOffset());
        assertEquals("server1".length(), links[0].getHyperlinkRegion().getLength());
        links[0].open(); // what Ctrl+click does
        waitUntil("hosts.vinfra is the active editor", 5_000, () -> page().getActiveEditor() != null
                && page().getActiveEditor().getEditorInput().getName().equals("hosts.vinfra"));
        ITextEditor target = (ITextEditor) page().getActiveEditor();
        var selection = (org.eclipse.jface.text.ITextSelection) target.getSelectionProvider().getSelection();
        assertEquals("server1", selection.getText());
        screenshot("editor-ctrl-click-navigation");
    }

    @Test
    void f3OpensTheDeclaration() throws CoreException {
        ITextEditor editor = open(vms);
        waitUntil("the server knows the file", 10_000, () -> styleAt(editor, "server1").fontStyle == SWT.ITALIC);
        caretAfter(editor, "vm web on serv");
        key(SWT.F3, '\0');
        waitUntil("hosts.vinfra is the active editor", 5_000, () -> page().getActiveEditor().getEditorInput().getName().equals("hosts.vinfra"));
    }

    @Test
    void formatReindentsAndKeepsComments() throws CoreException {
        IFile messy = file(project, "messy.vinfra", "// my lab\nhost   tiny {\nmemory 2 GiB\n   // small\n}\n");
        ITextEditor editor = open(messy);
        caretAfter(editor, "tiny");
        chord('f', SWT.CTRL, SWT.SHIFT);
        waitUntil("the text is formatted", 5_000, () -> document(editor).get().contains("\n\tmemory 2 GiB\n"), () -> document(editor).get());
        String text = document(editor).get();
        assertTrue(text.startsWith("// my lab\nhost tiny {\n"), text);
        assertTrue(text.contains("// small"), text);
        screenshot("editor-formatted");
    }

    @Test
    void quickFixLowersTheVcpusToTheHostsLogicalCpus() throws CoreException {
        IFile tooMany = file(project, "vms.vinfra", VMS.replace("vcpus 4", "vcpus 64"));
        build();
        ITextEditor editor = open(tooMany);
        waitUntil("the vcpus error is known", 10_000, () -> hasMarker(tooMany, "vinfra.vcpus-exceed-host"));
        String uri = VinfraDocuments.uriOf(document(editor));
        int line = document(editor).get().substring(0, document(editor).get().indexOf("vcpus 64")).split("\n", -1).length - 1;
        waitUntil("the language offers a fix", 10_000, () -> !org.vinfra.ui.editor.VinfraQuickFixes.fixes(uri, document(editor), line).isEmpty());
        caretAfter(editor, "vcpus 6");
        chord('1', SWT.CTRL);
        waitForPopup("the quick fixes show");
        screenshot("editor-quick-fix");
        acceptSelectedProposal();
        waitUntil("the fix is applied", 5_000, () -> document(editor).get().contains("vcpus 16"), () -> document(editor).get());
        waitUntil("the error goes away", 10_000, () -> !hasMarker(tooMany, "vinfra.vcpus-exceed-host"));
    }

    @Test
    void hoverExplainsTheHostInTheCoursesTerms() throws CoreException {
        ITextEditor editor = open(vms);
        waitUntil("the server knows the file", 10_000, () -> styleAt(editor, "server1").fontStyle == SWT.ITALIC);
        ITextHover hover = new VinfraHover();
        int offset = document(editor).get().indexOf("on server1") + 5;
        waitUntil("the hover answers", 10_000, () -> new VinfraHover().getHoverInfo(viewer(editor), new VinfraHover().getHoverRegion(viewer(editor), offset)) != null);
        IRegion region = hover.getHoverRegion(viewer(editor), offset);
        String info = hover.getHoverInfo(viewer(editor), region);
        assertNotNull(info);
        assertTrue(info.contains("type-1") && info.contains("16 logical CPUs"), info);
    }

    @Test
    void outlineShowsTheElementsAndFollowsTheCursor() throws CoreException {
        ITextEditor editor = open(vms);
        ContentOutline outline = (ContentOutline) page().showView("org.eclipse.ui.views.ContentOutline");
        page().activate(editor);
        IContentOutlinePage outlinePage = (IContentOutlinePage) outline.getCurrentPage();
        assertNotNull(outlinePage, "an outline page for the .vinfra editor");
        var tree = (org.eclipse.swt.widgets.Tree) outlinePage.getControl();
        waitUntil("the outline lists web and db", 10_000, () -> tree.getItemCount() >= 2);
        List<String> names = java.util.Arrays.stream(tree.getItems()).map(item -> item.getText()).toList();
        assertTrue(names.stream().anyMatch(n -> n.startsWith("web")) && names.stream().anyMatch(n -> n.startsWith("db")), names.toString());
        caretAfter(editor, "vm db on server1 {\n\tvc");
        waitUntil("the outline selects db", 5_000, () -> tree.getSelection().length == 1 && tree.getSelection()[0].getText().startsWith("db"));
        screenshot("editor-outline");
    }

    @Test
    void renameChangesTheDeclarationAndEveryReferenceInAllFiles() throws Exception {
        ITextEditor editor = open(hosts);
        waitUntil("the server knows the file", 10_000, () -> styleAt(editor, "server1").fontStyle == SWT.BOLD);
        String uri = VinfraDocuments.uriOf(document(editor));
        assertEquals(2, FindReferencesHandler.find(uri, document(editor), document(editor).get().indexOf("server1")).size(),
                "both VMs refer to server1");
        assertTrue(RenameHandler.rename(uri, document(editor), document(editor).get().indexOf("server1"), "rack1"));
        assertTrue(document(editor).get().startsWith("host rack1 {"));
        String other = new String(vms.getContents().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(other.contains("server1"), other);
        assertTrue(other.contains("vm web on rack1") && other.contains("vm db on rack1"), other);
    }

    /** The style of a word in the editor; for "server1", of its first reference ("on server1") or else its declaration. */
    private static StyleRange styleAt(ITextEditor editor, String word) {
        String text = document(editor).get();
        int offset = text.indexOf(word);
        if (word.equals("server1") && text.contains(" on server1")) {
            offset = text.indexOf(" on server1") + 4;
        }
        StyleRange style = text(editor).getStyleRangeAtOffset(offset);
        return style == null ? new StyleRange() : style;
    }
}
