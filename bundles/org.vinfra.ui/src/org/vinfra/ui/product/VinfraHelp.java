package org.vinfra.ui.product;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.filesystem.IFileStore;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.help.IContext;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.help.AbstractHelpUI;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.ide.IDE;
import org.vinfra.ui.VinfraUi;

/**
 * The product's help system: Help > Help Contents, Help > Search, Show Contextual Help and F1 open
 * vinfra's guides (the repository's docs/*.md, which the build copies into this bundle) in a text
 * editor. The platform's help system (org.eclipse.help.ui with its web application) is not on Maven
 * Central, so without this the entries of the Help menu did nothing.
 */
public final class VinfraHelp extends AbstractHelpUI {

    /** The guide Help Contents opens: the IDE's own. */
    public static final String GUIDE = "docs/eclipse.md";
    /** Where the guides are in this bundle. */
    static final String DOCS = "docs/";

    @Override
    public void displayHelp() {
        open(GUIDE);
    }

    @Override
    public void displaySearch() {
        open(GUIDE);
    }

    @Override
    public void displayDynamicHelp() {
        open(GUIDE);
    }

    @Override
    public void search(String expression) {
        open(GUIDE);
    }

    @Override
    public void displayContext(IContext context, int x, int y) {
        open(GUIDE);
    }

    /** Opens a guide by its name ({@code docs/language.md}, {@code language.md}); the IDE's guide for anything else. */
    @Override
    public void displayHelpResource(String href) {
        String name = href == null ? "" : href.substring(href.lastIndexOf('/') + 1);
        open(name.endsWith(".md") && VinfraUi.get().getBundle().getEntry(DOCS + name) != null ? DOCS + name : GUIDE);
    }

    @Override
    public boolean isContextHelpDisplayed() {
        return false;
    }

    private static void open(String path) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        URL entry = VinfraUi.get().getBundle().getEntry(path);
        if (page == null || entry == null) {
            VinfraUi.log("the guide " + path + " is not in " + VinfraUi.PLUGIN_ID + " (the build copies docs/*.md into it)", null);
            return;
        }
        try {
            IFileStore store = EFS.getLocalFileSystem().getStore(FileLocator.toFileURL(entry).toURI());
            IDE.openEditor(page, new FileStoreEditorInput(store), "org.eclipse.ui.DefaultTextEditor", true);
        } catch (IOException | URISyntaxException | PartInitException e) {
            VinfraUi.log("cannot open the guide " + path, e);
        }
    }
}
