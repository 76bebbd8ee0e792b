package org.vinfra.diagram.server.text;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.resource.XtextResource;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

import com.google.inject.Injector;

/**
 * The .vinfra files one diagram shows, shared by every browser tab of one server: it parses them
 * (with the files they import) into snapshots, writes each diagram operation into them atomically,
 * keeps the undo and redo steps, and watches the files so that a change made elsewhere (a text
 * editor, git) redraws the diagram.
 *
 * <p>The text on disk is the source of truth: a snapshot is re-parsed from disk after every change,
 * and an operation is written only when the files still hold the text it was computed from.
 */
public final class DiagramWorkspace implements AutoCloseable {

    /** Told when the files changed: on disk by someone else, or by an operation of another tab. */
    public interface Listener {
        void filesChanged();

        /** The embedding (an IDE) asks the diagram to select these elements (diagram ids), e.g. at the text editor's caret. */
        default void select(List<String> ids) {
        }

        /** The embedding's Select All (Ctrl+A in the IDE). */
        default void selectAll() {
        }

        /** The embedding's Delete: delete what is selected in the diagram, as the diagram's own Delete does. */
        default void deleteSelected() {
        }
    }

    /** The files as parsed at one moment, with their diagnostics. */
    public record Snapshot(ModelSet models, List<Problem> problems, Map<Path, String> texts, long version) {

        /** The text of a file as parsed ({@code null} when the file is not part of the model). */
        public String text(Path file) {
            return texts.get(normalize(file));
        }

        /** The file a resource was parsed from. */
        public static Path fileOf(Resource resource) {
            return normalize(Path.of(resource.getURI().toFileString()));
        }
    }

    /** What became of an operation, an undo or a redo. */
    public sealed interface Result {
        String message();
    }

    public record Applied(TextChange change, String message) implements Result {
    }

    public record Refused(String message) implements Result {
    }

    private static final int HISTORY_LIMIT = 200;

    private final Injector language;
    private final List<Path> files;
    private final TextStore store;
    /** For steps of ours outside the store's history (a pinned position): the history's stamp after them. */
    private final Map<TextChange, Long> stamps = new IdentityHashMap<>();
    private final List<Consumer<List<String>>> selectionListeners = new CopyOnWriteArrayList<>();
    private final Deque<TextChange> undo = new ArrayDeque<>();
    private final Deque<TextChange> redo = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Every file we watch -> the text we last saw or wrote there ({@code null} = absent). */
    private final Map<Path, String> known = new LinkedHashMap<>();
    private final Set<Path> extraWatched = new LinkedHashSet<>();
    private Snapshot snapshot;
    private long version;
    private boolean stale = true;
    private WatchService watchService;
    private Thread watcher;
    private final Set<Path> watchedFolders = new HashSet<>();

    /**
     * @param language the language's injector (VinfraStandaloneSetup)
     * @param files    the .vinfra files the diagram shows
     */
    public DiagramWorkspace(Injector language, List<Path> files) {
        this(language, files, new DiskTextStore());
    }

    /**
     * @param language the language's injector (VinfraStandaloneSetup)
     * @param files    the .vinfra files the diagram shows
     * @param store    where the texts are read and written (an IDE's documents)
     */
    public DiagramWorkspace(Injector language, List<Path> files, TextStore store) {
        this.language = language;
        this.files = files.stream().map(DiagramWorkspace::normalize).toList();
        this.store = store;
    }

    /** Where the texts are read and written. */
    public TextStore store() {
        return store;
    }

    public static Path normalize(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** The language's injector (ModelEdits, ModelSet). */
    public Injector language() {
        return language;
    }

    /** The files given, absolute. */
    public List<Path> files() {
        return files;
    }

    /** The first file given: where new elements go, and whose layout sidecar holds the positions. */
    public Path mainFile() {
        return files.get(0);
    }

    /** Parses the files now (to report unreadable ones before serving). */
    public synchronized Snapshot snapshot() throws ModelSet.UnreadableFileException {
        if (stale || snapshot == null) {
            ModelSet models = language.getInstance(ModelSet.class);
            models.load(files, store.unsaved());
            List<Problem> problems = models.validate();
            Map<Path, String> texts = new LinkedHashMap<>();
            for (Resource resource : List.copyOf(models.resourceSet().getResources())) {
                if (resource instanceof XtextResource xtext && resource.getURI().isFile()) {
                    texts.put(Snapshot.fileOf(resource), textOf(xtext));
                }
            }
            snapshot = new Snapshot(models, problems, Map.copyOf(texts), ++version);
            stale = false;
            texts.forEach(known::put);
            watchFoldersOf(texts.keySet());
        }
        return snapshot;
    }

    private static String textOf(XtextResource resource) {
        if (resource.getParseResult() == null) {
            return "";
        }
        ICompositeNode root = resource.getParseResult().getRootNode();
        return root == null ? "" : root.getText();
    }

    /** Also watch this file (e.g. the layout sidecar), which is not a model file. */
    public synchronized void watchAlso(Path file) {
        Path normalized = normalize(file);
        if (extraWatched.add(normalized)) {
            known.put(normalized, store.read(normalized));
            watchFoldersOf(List.of(normalized));
        }
    }

    /** The text on disk now, {@code null} when the file does not exist. */
    public static String readOrNull(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (MalformedInputException e) {
            return "\u0000not UTF-8";
        } catch (IOException e) {
            return "\u0000unreadable: " + e.getMessage();
        }
    }

    /**
     * Writes the change when every file still holds the text it was computed from, and records it as
     * one undo step.
     *
     * @param origin the listener of the tab that made it (not told: it redraws anyway), or null
     */
    public synchronized Result apply(TextChange change, Listener origin) {
        if (change.isEmpty()) {
            return new Applied(change, "");
        }
        String conflict = conflict(change.before());
        if (conflict != null) {
            stale = true;
            notifyListeners(null);
            return new Refused(change.label() + " was not written: " + conflict + " changed on disk since the diagram was drawn; the diagram is redrawn, try again");
        }
        String failure = write(change.after(), change.before());
        if (failure != null) {
            return new Refused(change.label() + " was not written: " + failure);
        }
        push(undo, change);
        redo.clear();
        notifyListeners(origin);
        return new Applied(change, String.join("\n", change.messages()));
    }

    /**
     * Makes the last {@code count} undo steps one (an operation written in several steps).
     *
     * @param label what the whole operation did
     */
    public synchronized void mergeLast(int count, String label) {
        if (count < 2 || undo.size() < count) {
            return;
        }
        List<TextChange> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(0, undo.pop());
        }
        TextChange merged = steps.get(0);
        for (TextChange step : steps.subList(1, steps.size())) {
            merged = merged.then(step);
        }
        push(undo, new TextChange(label, merged.before(), merged.after(), merged.messages()));
    }

    /** Takes back the last {@code count} steps (an operation refused half-way): they leave no trace in the history. */
    public synchronized void rollBack(int count, Listener origin) {
        for (int i = 0; i < count && !undo.isEmpty(); i++) {
            TextChange step = undo.peek();
            if (conflict(step.after()) != null || write(step.before(), step.after()) != null) {
                break;
            }
            undo.pop();
        }
        notifyListeners(origin);
    }

    /** Pushes a step; outside the store's history, notes the history's stamp after it. */
    private void push(Deque<TextChange> steps, TextChange change) {
        steps.push(change);
        while (steps.size() > HISTORY_LIMIT) {
            stamps.remove(steps.removeLast());
        }
        TextStore.History history = store.history();
        if (history != null) {
            stamps.put(change, history.stamp());
        }
    }

    /** With a store's history: whether the step is ours to undo or redo (outside the texts, and nothing happened since). */
    private boolean ours(TextChange step) {
        TextStore.History history = store.history();
        if (history == null) {
            return true;
        }
        if (step == null || step.changedFiles().stream().anyMatch(history::covers)) {
            return false;
        }
        Long stamp = stamps.get(step);
        return stamp != null && stamp == history.stamp();
    }

    /** Marks the change the editor made to the documents (an undo or redo there): redrawn, other tabs told. */
    private Result delegated(String done, String verb, Listener origin) {
        if (done == null) {
            return new Refused("nothing to " + verb);
        }
        stale = true;
        for (Map.Entry<Path, String> entry : known.entrySet()) {
            entry.setValue(store.read(entry.getKey()));
        }
        notifyListeners(origin);
        return new Applied(new TextChange(done, Map.of(), Map.of()), (verb.equals("undo") ? "undone: " : "redone: ") + done);
    }

    /** Called before the steps of one diagram operation: the store makes them one undo step. */
    public void beginOperation(String label) {
        store.beginOperation(label);
    }

    /** Called after the steps of one diagram operation. */
    public void endOperation() {
        store.endOperation();
    }

    public synchronized boolean canUndo() {
        TextStore.History history = store.history();
        if (history != null && !ours(undo.peek())) {
            return history.canUndo();
        }
        return !undo.isEmpty();
    }

    public synchronized boolean canRedo() {
        TextStore.History history = store.history();
        if (history != null && !ours(redo.peek())) {
            return history.canRedo();
        }
        return !redo.isEmpty();
    }

    /**
     * Restores the texts before the last operation, only if the files still hold what it wrote. With a
     * store's history (an IDE), the last change there is undone, unless the last step was the diagram's own
     * outside the texts (a moved element's position).
     */
    public synchronized Result undo(Listener origin) {
        TextStore.History history = store.history();
        if (history != null && !ours(undo.peek())) {
            return delegated(history.undo(), "undo", origin);
        }
        if (undo.isEmpty()) {
            return new Refused("nothing to undo");
        }
        TextChange step = undo.peek();
        String conflict = conflict(step.after());
        if (conflict != null) {
            return new Refused("cannot undo \u201c" + step.label() + "\u201d: " + conflict
                    + " was changed since (in a text editor?), and undoing would overwrite that change; undo it where it was made");
        }
        String failure = write(step.before(), step.after());
        if (failure != null) {
            return new Refused("cannot undo \u201c" + step.label() + "\u201d: " + failure);
        }
        undo.pop();
        push(redo, step);
        notifyListeners(origin);
        return new Applied(step, "undone: " + step.label());
    }

    /** Writes the texts after the last undone operation again, only if the files still hold what undo wrote. */
    public synchronized Result redo(Listener origin) {
        TextStore.History history = store.history();
        if (history != null && !ours(redo.peek())) {
            return delegated(history.redo(), "redo", origin);
        }
        if (redo.isEmpty()) {
            return new Refused("nothing to redo");
        }
        TextChange step = redo.peek();
        String conflict = conflict(step.before());
        if (conflict != null) {
            return new Refused("cannot redo \u201c" + step.label() + "\u201d: " + conflict + " was changed since the undo");
        }
        String failure = write(step.after(), step.before());
        if (failure != null) {
            return new Refused("cannot redo \u201c" + step.label() + "\u201d: " + failure);
        }
        redo.pop();
        push(undo, step);
        notifyListeners(origin);
        return new Applied(step, "redone: " + step.label());
    }

    /** The first file whose text on disk is not the expected one, as shown to the user; null if none. */
    private String conflict(Map<Path, String> expected) {
        for (Map.Entry<Path, String> entry : expected.entrySet()) {
            if (!Objects.equals(store.read(entry.getKey()), entry.getValue())) {
                return shown(entry.getKey());
            }
        }
        return null;
    }

    /** Writes the texts (deletes where null); on failure puts back what was written and says why. */
    private String write(Map<Path, String> texts, Map<Path, String> previous) {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> entry : texts.entrySet()) {
            Path file = entry.getKey();
            if (Objects.equals(previous.get(file), entry.getValue())) {
                continue;
            }
            try {
                store.write(file, entry.getValue());
                written.add(file);
                known.put(file, entry.getValue());
            } catch (IOException e) {
                for (Path done : written) {
                    try {
                        String old = previous.get(done);
                        store.write(done, old);
                        known.put(done, old);
                    } catch (IOException ignored) {
                        // reported below; the watcher redraws what is on disk
                    }
                }
                stale = true;
                return "cannot write " + shown(file) + " (" + e.getMessage() + ")";
            }
        }
        stale = true;
        return null;
    }

    /** A path as the user knows it: relative to the working directory when under it. */
    public static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }

    /**
     * Asks every diagram (tab) to select these elements: an IDE follows the text editor's caret with it.
     *
     * @param ids diagram ids ({@code DiagramIds}); unknown ids are ignored by the diagrams
     */
    public void select(List<String> ids) {
        for (Listener listener : listeners) {
            listener.select(ids);
        }
    }

    /** Selects every element of the diagrams (the IDE's Select All). */
    public void selectAll() {
        for (Listener listener : listeners) {
            listener.selectAll();
        }
    }

    /** Deletes what is selected in the diagrams (the IDE's Delete), through the diagram's delete operation. */
    public void deleteSelected() {
        for (Listener listener : listeners) {
            listener.deleteSelected();
        }
    }

    /** Told the diagram ids a user selected in a diagram (for an IDE: the text editor and the Properties view follow). */
    public void addSelectionListener(Consumer<List<String>> listener) {
        selectionListeners.add(listener);
    }

    public void removeSelectionListener(Consumer<List<String>> listener) {
        selectionListeners.remove(listener);
    }

    /** Called when a user selected elements in a diagram. */
    public void selected(List<String> ids) {
        for (Consumer<List<String>> listener : selectionListeners) {
            listener.accept(ids);
        }
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void notifyListeners(Listener except) {
        for (Listener listener : listeners) {
            if (listener != except) {
                listener.filesChanged();
            }
        }
    }

    // ------------------------------------------------------------------------------------ watching

    /** Starts following the files on disk (a daemon thread); changes made elsewhere redraw the diagrams. */
    public synchronized void startWatching() throws IOException {
        if (watchService != null) {
            return;
        }
        watchService = FileSystems.getDefault().newWatchService();
        watchFoldersOf(files);
        watchFoldersOf(extraWatched);
        watcher = new Thread(this::watch, "vinfra diagram file watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watchFoldersOf(Collection<Path> paths) {
        if (watchService == null) {
            return;
        }
        for (Path path : paths) {
            Path folder = path.getParent();
            if (folder != null && watchedFolders.add(folder)) {
                try {
                    folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                } catch (IOException e) {
                    watchedFolders.remove(folder);
                }
            }
        }
    }

    private void watch() {
        WatchService service = watchService;
        try {
            while (true) {
                WatchKey key = service.take();
                boolean relevant = false;
                Path folder = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        synchronized (this) {
                            relevant |= known.containsKey(folder.resolve(name));
                        }
                    } else {
                        relevant = true; // overflow
                    }
                }
                key.reset();
                if (relevant) {
                    // let an editor finish writing (some write in several steps), then compare
                    Thread.sleep(60);
                    drain(service);
                    checkDisk();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private static void drain(WatchService service) {
        WatchKey key;
        while ((key = service.poll()) != null) {
            key.pollEvents();
            key.reset();
        }
    }

    /** Compares the watched files with what we last saw; tells the listeners when one differs. */
    public void checkDisk() {
        boolean changed = false;
        synchronized (this) {
            for (Map.Entry<Path, String> entry : known.entrySet()) {
                String now = store.read(entry.getKey());
                if (!Objects.equals(now, entry.getValue())) {
                    entry.setValue(now);
                    changed = true;
                }
            }
            if (changed) {
                stale = true;
            }
        }
        if (changed) {
            notifyListeners(null);
        }
    }

    @Override
    public synchronized void close() {
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException ignored) {
                // closing
            }
            watchService = null;
        }
        listeners.clear();
    }
}
