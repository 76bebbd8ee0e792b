package org.vinfra.lang.edit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;

/**
 * What a model edit answers: either the text edits to apply ({@link Applied}), or why the model
 * cannot take the change ({@link Refused}), in which case no file is to be changed.
 */
public sealed interface EditResult permits EditResult.Applied, EditResult.Refused {

    /**
     * The edit is possible: apply {@code edits} (per file URI; each file's list is non-overlapping, in
     * text order, with offsets into that file's current text) as one undoable change.
     *
     * @param edits       text edits per file; one file for most operations, several for a rename or a
     *                    delete whose references live in other files; empty when nothing needs to change
     * @param description one line for undo menus and logs, e.g. "Rename host 'rack' to node"
     * @param notes       what the user should know: what else was changed (the vNICs removed with a
     *                    network, with file:line) or what is still missing (a container without image)
     */
    record Applied(Map<URI, List<TextEdit>> edits, String description, List<String> notes) implements EditResult {

        public Applied {
            Map<URI, List<TextEdit>> copy = new LinkedHashMap<>();
            edits.forEach((uri, list) -> copy.put(uri, List.copyOf(list)));
            edits = Collections.unmodifiableMap(copy);
            notes = List.copyOf(notes);
        }

        /** The edits of one file, empty when the file is not touched. */
        public List<TextEdit> editsOf(URI uri) {
            return edits.getOrDefault(uri, List.of());
        }

        /** The text of {@code uri} after the edits, given its current text. */
        public String apply(URI uri, String text) {
            return TextEdit.apply(text, editsOf(uri));
        }

        /** Whether nothing changes (e.g. a rename to the current name). */
        public boolean isEmpty() {
            return edits.values().stream().allMatch(List::isEmpty);
        }

        /** All edits of all files, for logs and tests. */
        public List<TextEdit> allEdits() {
            List<TextEdit> all = new ArrayList<>();
            edits.values().forEach(all::addAll);
            return all;
        }
    }

    /**
     * The model cannot take the edit; nothing is to be changed.
     *
     * @param reason a message that teaches: what is wrong, why, and how to fix it
     */
    record Refused(String reason) implements EditResult {
    }

    default boolean isApplied() {
        return this instanceof Applied;
    }
}
