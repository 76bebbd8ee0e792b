package org.vinfra.diagram.server.text;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One diagram operation as text: for each file it touches, the whole text before and after
 * ({@code null} = the file does not exist). It is also the undo step: undo writes the texts before,
 * redo the texts after, each only when the files still hold what the step left there.
 *
 * @param label    what the operation did, for messages ("create VM vm1")
 * @param before   file -> text before (absolute paths)
 * @param after    file -> text after
 * @param messages what the user is told once it is applied (e.g. what referred to a deleted element)
 */
public record TextChange(String label, Map<Path, String> before, Map<Path, String> after, List<String> messages) {

    public TextChange {
        Objects.requireNonNull(label);
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
        messages = List.copyOf(messages);
        if (!before.keySet().equals(after.keySet())) {
            throw new IllegalArgumentException("before and after name different files");
        }
    }

    public TextChange(String label, Map<Path, String> before, Map<Path, String> after) {
        this(label, before, after, List.of());
    }

    /** True when no file's text changes. */
    public boolean isEmpty() {
        return before.equals(after);
    }

    /** The files whose text changes. */
    public List<Path> changedFiles() {
        return before.keySet().stream().filter(file -> !Objects.equals(before.get(file), after.get(file))).toList();
    }

    /** The same change, with more messages. */
    public TextChange withMessages(List<String> more) {
        List<String> all = new java.util.ArrayList<>(messages);
        all.addAll(more);
        return new TextChange(label, before, after, all);
    }

    /** This change and then {@code next} (which starts from this one's texts), as one step. */
    public TextChange then(TextChange next) {
        Map<Path, String> b = new LinkedHashMap<>(before);
        Map<Path, String> a = new LinkedHashMap<>(after);
        next.before.forEach(b::putIfAbsent);
        a.putAll(next.after);
        List<String> all = new java.util.ArrayList<>(messages);
        all.addAll(next.messages);
        return new TextChange(label, b, a, all);
    }
}
