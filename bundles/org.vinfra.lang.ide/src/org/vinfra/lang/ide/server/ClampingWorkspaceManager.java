package org.vinfra.lang.ide.server;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Xtext's workspace manager with every document a {@link ClampingDocument}: the documents the
 * editor opened (kept in the map this class creates) and those read from disk.
 */
public class ClampingWorkspaceManager extends WorkspaceManager {

    @Override
    protected Map<URI, Document> createOpenDocuments() {
        return new HashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Document put(URI uri, Document document) {
                return super.put(uri, clamping(document));
            }
        };
    }

    @Override
    protected Document getDocument(XtextResource resource) {
        return clamping(super.getDocument(resource));
    }

    private static Document clamping(Document document) {
        return document == null || document instanceof ClampingDocument ? document
                : new ClampingDocument(document.getVersion(), document.getContents());
    }
}
