package org.vinfra.diagram.server.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a diagram reads and writes the texts of its files: the files on disk (the command line,
 * {@link DiskTextStore}), or, in an IDE, the documents its text editors show, so that a diagram
 * operation lands in the open editor (undoable there, saved once) instead of behind its back.
 *
 * <p>Paths are absolute and normalized. Implementations are called from the diagram server's threads.
 */
public interface TextStore {

    /** The text now (an open document's, unsaved changes included), {@code null} when the file does not exist. */
    String read(Path file);

    /** Writes the text ({@code null} deletes the file), so that readers see the old text or the new one, never a mix. */
    void write(Path file, String text) throws IOException;

    /**
     * The texts that differ from the files on disk (an IDE's unsaved documents): the diagram parses these
     * instead of the disk. The disk store has none.
     */
    default Map<Path, String> unsaved() {
        return Map.of();
    }

    /** Called before the writes of one diagram operation (several files or steps): they make one undo step. */
    default void beginOperation(String label) {
    }

    /** Called after the writes of one diagram operation. */
    default void endOperation() {
    }

    /**
     * The undo history the texts' editors keep, when the store has one: then the diagram's undo and redo
     * are the text editor's (one history for both), or {@code null}: the diagram keeps its own.
     */
    default History history() {
        return null;
    }

    /** An editor's undo history of the texts. */
    interface History {

        /** Whether {@code file} is in this history (an open document), so its changes are undone there. */
        boolean covers(Path file);

        /**
         * A number that changes whenever the history changes (an edit, an undo, a redo), so that the diagram
         * can tell whether one of its own steps (a pinned position, outside the texts) is still the last.
         */
        long stamp();

        boolean canUndo();

        boolean canRedo();

        /** @return what was undone, or null when nothing was */
        String undo();

        /** @return what was redone, or null when nothing was */
        String redo();
    }
}
