package org.vinfra.lang.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One change of a file's text: replace {@code length} characters at {@code offset} with {@code newText}.
 * An insertion has length 0, a deletion an empty {@code newText}. Offsets and lengths count UTF-16
 * characters ({@code char}s) of the file's text as parsed, as {@link String} and LSP positions do;
 * line breaks count as written (CRLF is two characters).
 *
 * @param offset  where the replaced text starts, 0-based
 * @param length  how many characters are replaced
 * @param newText the text that replaces them (never null)
 */
public record TextEdit(int offset, int length, String newText) {

    public TextEdit {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative: " + offset + ", " + length);
        }
        Objects.requireNonNull(newText, "newText");
    }

    public static TextEdit insert(int offset, String text) {
        return new TextEdit(offset, 0, text);
    }

    public static TextEdit delete(int offset, int length) {
        return new TextEdit(offset, length, "");
    }

    /** A replacement of the characters from {@code start} (inclusive) to {@code end} (exclusive). */
    public static TextEdit replace(int start, int end, String text) {
        return new TextEdit(start, end - start, text);
    }

    /** The offset just after the replaced text. */
    public int end() {
        return offset + length;
    }

    /**
     * Applies edits to a text. The edits' offsets all refer to {@code text} as given (not to the text
     * after earlier edits); they may come in any order but must not overlap (two insertions at the same
     * offset are applied in the order given).
     *
     * @throws IllegalArgumentException when edits overlap or reach beyond the text
     */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::offset)); // stable: equal offsets keep their order
        StringBuilder result = new StringBuilder(text.length() + 64);
        int copied = 0;
        for (TextEdit edit : sorted) {
            if (edit.offset() < copied) {
                throw new IllegalArgumentException("overlapping edits at offset " + edit.offset());
            }
            if (edit.end() > text.length()) {
                throw new IllegalArgumentException("edit " + edit + " reaches beyond the text (" + text.length() + " characters)");
            }
            result.append(text, copied, edit.offset()).append(edit.newText());
            copied = edit.end();
        }
        return result.append(text, copied, text.length()).toString();
    }
}
