package org.vinfra.ui.server;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.vinfra.ui.VinfraUi;

/** Tells the language server about .vinfra files created, saved or deleted in the workspace, so its index stays true. */
public final class WorkspaceFiles implements IResourceChangeListener {

    private final EmbeddedLanguageServer server;

    private WorkspaceFiles(EmbeddedLanguageServer server) {
        this.server = server;
    }

    public static void install(EmbeddedLanguageServer server) {
        ResourcesPlugin.getWorkspace().addResourceChangeListener(new WorkspaceFiles(server), IResourceChangeEvent.POST_CHANGE);
    }

    @Override
    public void resourceChanged(IResourceChangeEvent event) {
        List<FileEvent> changes = new ArrayList<>();
        try {
            event.getDelta().accept(delta -> {
                IResource resource = delta.getResource();
                if (resource.getType() != IResource.FILE || !"vinfra".equals(resource.getFileExtension()) || resource.getLocationURI() == null) {
                    return true;
                }
                FileChangeType type = switch (delta.getKind()) {
                    case IResourceDelta.ADDED -> FileChangeType.Created;
                    case IResourceDelta.REMOVED -> FileChangeType.Deleted;
                    default -> (delta.getFlags() & IResourceDelta.CONTENT) != 0 ? FileChangeType.Changed : null;
                };
                if (type != null) {
                    changes.add(new FileEvent(server.uriOf(resource.getLocationURI()), type));
                }
                return true;
            });
        } catch (CoreException e) {
            VinfraUi.log("cannot read the workspace changes", e);
        }
        if (!changes.isEmpty()) {
            server.server().didChangeWatchedFiles(new DidChangeWatchedFilesParams(changes));
        }
    }
}
