package org.vinfra.ui.editor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.server.EmbeddedLanguageServer;

/**
 * The .vinfra documents open in editors, kept in step with the language server: opened, changed
 * keystroke by keystroke (incremental changes) and closed. The server re-validates after each change
 * and publishes diagnostics, which {@link DiagnosticMarkers} turn into markers.
 */
public final class VinfraDocuments {

    private static final Map<IDocument, Synchronized> OPEN = new ConcurrentHashMap<>();

    private VinfraDocuments() {
    }

    /** The server URI of an open document, or null when it is not a .vinfra file open in an editor. */
    public static String uriOf(IDocument document) {
        Synchronized sync = document == null ? null : OPEN.get(document);
        return sync == null ? null : sync.uri;
    }

    /** The open document with this server URI, or null. */
    public static IDocument documentOf(String uri) {
        for (Map.Entry<IDocument, Synchronized> entry : OPEN.entrySet()) {
            if (entry.getValue().uri.equals(uri)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The workspace file of a server URI, or null when it is outside the workspace. */
    public static IFile fileOf(String uri) {
        IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(java.net.URI.create(uri));
        return files.length == 0 ? null : files[0];
    }

    static void open(IDocument document) {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
        if (buffer == null) {
            return;
        }
        Synchronized already = OPEN.get(document);
        if (already != null) {
            already.editors++;
            return;
        }
        EmbeddedLanguageServer server = VinfraUi.get().languageServer();
        String uri = server.uriOf(buffer.getFileStore().toURI());
        Synchronized sync = new Synchronized(uri, server);
        OPEN.put(document, sync);
        server.server().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "vinfra", sync.version, document.get())));
        document.addDocumentListener(sync);
    }

    static void close(IDocument document) {
        Synchronized sync = OPEN.get(document);
        if (sync != null && --sync.editors == 0) {
            OPEN.remove(document);
            document.removeDocumentListener(sync);
            sync.server.server().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(sync.uri)));
        }
    }

    /** Sends each change as it happens: positions are taken before the change, the text after. */
    private static final class Synchronized implements IDocumentListener {
        final String uri;
        final EmbeddedLanguageServer server;
        int version = 1;
        /** Editors showing the document (two editors on one file share it). */
        int editors = 1;
        private Range changed;

        Synchronized(String uri, EmbeddedLanguageServer server) {
            this.uri = uri;
            this.server = server;
        }

        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
            try {
                IDocument document = event.getDocument();
                changed = new Range(Positions.toPosition(document, event.getOffset()), Positions.toPosition(document, event.getOffset() + event.getLength()));
            } catch (BadLocationException e) {
                changed = null;
            }
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            TextDocumentContentChangeEvent change = changed == null
                    ? new TextDocumentContentChangeEvent(event.getDocument().get())
                    : new TextDocumentContentChangeEvent(changed, event.getText() == null ? "" : event.getText());
            version++;
            server.server().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), java.util.List.of(change)));
        }
    }
}
