package org.vinfra.diagram.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.IFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.text.undo.DocumentUndoManagerRegistry;
import org.eclipse.text.undo.IDocumentUndoManager;
import org.eclipse.swt.widgets.Display;
import org.vinfra.diagram.server.text.DiskTextStore;
import org.vinfra.diagram.server.text.TextStore;

/**
 * The diagram's texts as the workbench's documents: a .vinfra file of the workspace is read from and
 * written into its file buffer, the same document its text editor shows (so a diagram operation shows
 * in the open text editor at once, makes it dirty, and is undone by its Ctrl+Z); anything else (the
 * layout sidecar, files outside the workspace) goes to disk as on the command line.
 *
 * <p>Documents are touched only on the UI thread: the diagram server's threads get there with
 * {@code syncExec}. The UI thread must therefore never wait for the diagram server (it does not: the
 * editor calls the server from a background thread).
 */
final class DocumentTextStore implements TextStore {

    /** Told when a document changed, by the user or by the diagram (offsets of the change's document). */
    interface ChangeListener {
        void documentChanged(Path file, boolean byDiagram);
    }

    private final Display display;
    private final ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
    private final DiskTextStore disk = new DiskTextStore();
    /** The buffers this store connected (file -> its workspace path), disconnected by {@link #dispose()}. */
    private final Map<Path, IPath> connected = new LinkedHashMap<>();
    private final Map<IDocument, Path> documents = new LinkedHashMap<>();
    private final AtomicLong stamp = new AtomicLong();
    /** The documents in the order of their last change (most recent first), for undo across files. */
    private final Deque<IDocument> changed = new ArrayDeque<>();
    private final Deque<IDocument> undone = new ArrayDeque<>();
    private final ChangeListener listener;
    private boolean writing;
    private boolean undoing;
    private int operationDepth;

    private final IDocumentListener documentListener = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            stamp.incrementAndGet();
            IDocument document = event.getDocument();
            if (!undoing) {
                changed.remove(document);
                changed.push(document);
                undone.clear();
            }
            Path file = documents.get(document);
            if (file != null) {
                listener.documentChanged(file, writing);
            }
        }
    };

    DocumentTextStore(Display display, ChangeListener listener) {
        this.display = display;
        this.listener = listener;
    }

    /** Connects the buffer of a workspace file (on the UI thread), so that its document is shared with its editors. */
    IDocument connect(Path file) throws CoreException {
        checkUiThread();
        IFile resource = workspaceFile(file);
        if (resource == null) {
            return null;
        }
        IPath path = resource.getFullPath();
        if (!connected.containsKey(file)) {
            buffers.connect(path, LocationKind.IFILE, null);
            connected.put(file, path);
            IDocument document = buffers.getTextFileBuffer(path, LocationKind.IFILE).getDocument();
            documents.put(document, file);
            document.addDocumentListener(documentListener);
            DocumentUndoManagerRegistry.connect(document);
        }
        return buffers.getTextFileBuffer(path, LocationKind.IFILE).getDocument();
    }

    /** The workspace file at a path on disk, or null (outside the workspace, or not a .vinfra file). */
    static IFile workspaceFile(Path file) {
        if (!file.getFileName().toString().endsWith(".vinfra")) {
            return null;
        }
        IFile[] found = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toUri());
        for (IFile each : found) {
            if (each.isAccessible()) {
                return each;
            }
        }
        return null;
    }

    private ITextFileBuffer buffer(Path file) {
        IFile resource = workspaceFile(file);
        return resource == null ? null : buffers.getTextFileBuffer(resource.getFullPath(), LocationKind.IFILE);
    }

    @Override
    public String read(Path file) {
        return onUiThread(() -> {
            ITextFileBuffer buffer = buffer(file);
            return buffer != null ? buffer.getDocument().get() : disk.read(file);
        });
    }

    @Override
    public void write(Path file, String text) throws IOException {
        AtomicReference<IOException> failure = new AtomicReference<>();
        onUiThread(() -> {
            try {
                IDocument document = text == null ? null : connect(file);
                if (document == null) {
                    disk.write(file, text);
                    refresh(file);
                } else {
                    replaceMinimally(document, text);
                }
            } catch (IOException e) {
                failure.set(e);
            } catch (CoreException | BadLocationException e) {
                failure.set(new IOException(e.getMessage(), e));
            }
            return null;
        });
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Replaces only what differs (the common start and end stay), so that markers, caret and folding keep their places. */
    private void replaceMinimally(IDocument document, String text) throws BadLocationException {
        String old = document.get();
        int start = 0;
        int max = Math.min(old.length(), text.length());
        while (start < max && old.charAt(start) == text.charAt(start)) {
            start++;
        }
        int end = 0;
        while (end < max - start && old.charAt(old.length() - 1 - end) == text.charAt(text.length() - 1 - end)) {
            end++;
        }
        if (start == old.length() && start == text.length()) {
            return;
        }
        writing = true;
        try {
            document.replace(start, old.length() - end - start, text.substring(start, text.length() - end));
        } finally {
            writing = false;
        }
    }

    private static void refresh(Path file) {
        for (IFile resource : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toUri())) {
            try {
                resource.refreshLocal(IResource.DEPTH_ZERO, null);
            } catch (CoreException e) {
                // the workspace notices on its next refresh
            }
        }
    }

    @Override
    public Map<Path, String> unsaved() {
        return onUiThread(() -> {
            Map<Path, String> texts = new LinkedHashMap<>();
            for (IFileBuffer each : buffers.getFileBuffers()) {
                if (each instanceof ITextFileBuffer text && each.isDirty() && each.getLocation() != null
                        && "vinfra".equals(each.getLocation().getFileExtension())) {
                    IFile resource = ResourcesPlugin.getWorkspace().getRoot().getFile(each.getLocation());
                    if (resource.getLocation() != null) {
                        texts.put(resource.getLocation().toPath().toAbsolutePath().normalize(), text.getDocument().get());
                    }
                }
            }
            return texts;
        });
    }

    @Override
    public void beginOperation(String label) {
        onUiThread(() -> {
            if (operationDepth++ == 0) {
                for (IDocument document : documents.keySet()) {
                    undoManager(document).beginCompoundChange();
                }
            }
            return null;
        });
    }

    @Override
    public void endOperation() {
        onUiThread(() -> {
            if (--operationDepth == 0) {
                for (IDocument document : documents.keySet()) {
                    undoManager(document).endCompoundChange();
                }
            }
            return null;
        });
    }

    private static IDocumentUndoManager undoManager(IDocument document) {
        return DocumentUndoManagerRegistry.getDocumentUndoManager(document);
    }

    /** Saves the documents the diagram changed (Ctrl+S in the diagram, or its Save). */
    void save() throws CoreException {
        checkUiThread();
        for (IPath path : connected.values()) {
            ITextFileBuffer buffer = buffers.getTextFileBuffer(path, LocationKind.IFILE);
            if (buffer != null && buffer.isDirty()) {
                buffer.commit(null, true);
            }
        }
    }

    /** Whether a document the diagram shows or changed has unsaved changes. */
    boolean isDirty() {
        for (IPath path : connected.values()) {
            ITextFileBuffer buffer = buffers.getTextFileBuffer(path, LocationKind.IFILE);
            if (buffer != null && buffer.isDirty()) {
                return true;
            }
        }
        return false;
    }

    /** The files whose documents are connected. */
    List<Path> files() {
        return List.copyOf(connected.keySet());
    }

    @Override
    public History history() {
        return history;
    }

    private final History history = new History() {
        @Override
        public boolean covers(Path file) {
            return onUiThread(() -> connected.containsKey(file) || buffer(file) != null);
        }

        @Override
        public long stamp() {
            return stamp.get();
        }

        @Override
        public boolean canUndo() {
            return onUiThread(() -> changed.stream().anyMatch(document -> undoManager(document).undoable()));
        }

        @Override
        public boolean canRedo() {
            return onUiThread(() -> undone.stream().anyMatch(document -> undoManager(document).redoable()));
        }

        @Override
        public String undo() {
            return onUiThread(() -> {
                for (IDocument document : changed) {
                    IDocumentUndoManager manager = undoManager(document);
                    if (manager.undoable()) {
                        String label = label(OperationHistoryFactory.getOperationHistory().getUndoOperation(manager.getUndoContext()));
                        undoing = true;
                        try {
                            manager.undo();
                        } catch (org.eclipse.core.commands.ExecutionException e) {
                            return null;
                        } finally {
                            undoing = false;
                        }
                        undone.remove(document);
                        undone.push(document);
                        return label;
                    }
                }
                return null;
            });
        }

        @Override
        public String redo() {
            return onUiThread(() -> {
                for (IDocument document : undone) {
                    IDocumentUndoManager manager = undoManager(document);
                    if (manager.redoable()) {
                        String label = label(OperationHistoryFactory.getOperationHistory().getRedoOperation(manager.getUndoContext()));
                        undoing = true;
                        try {
                            manager.redo();
                        } catch (org.eclipse.core.commands.ExecutionException e) {
                            return null;
                        } finally {
                            undoing = false;
                        }
                        return label;
                    }
                }
                return null;
            });
        }

        private String label(IUndoableOperation operation) {
            return operation == null || operation.getLabel() == null || operation.getLabel().isBlank() ? "the last change" : operation.getLabel();
        }
    };

    /** Disconnects what this store connected (on the UI thread); unsaved changes stay in buffers other editors hold. */
    void dispose() {
        checkUiThread();
        for (Map.Entry<IDocument, Path> entry : documents.entrySet()) {
            entry.getKey().removeDocumentListener(documentListener);
            DocumentUndoManagerRegistry.disconnect(entry.getKey());
        }
        documents.clear();
        for (IPath path : connected.values()) {
            try {
                buffers.disconnect(path, LocationKind.IFILE, null);
            } catch (CoreException e) {
                // the buffer is gone already
            }
        }
        connected.clear();
    }

    private <T> T onUiThread(Supplier<T> work) {
        if (Display.getCurrent() == display) {
            return work.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        display.syncExec(() -> result.set(work.get()));
        return result.get();
    }

    private void checkUiThread() {
        if (Display.getCurrent() != display) {
            throw new IllegalStateException("not on the UI thread");
        }
    }
}
