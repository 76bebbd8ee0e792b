package org.vinfra.lang.model;

import org.vinfra.lang.validation.IssueCodes;

/**
 * The limits that keep every tool responsive on any input: a file larger, more deeply nested or with
 * more elements after replication than these gets a positioned error instead of running out of memory
 * or stack. Each has a default for real models and a Java system property for users who need more
 * (for the command line: {@code VINFRA_JAVA_OPTS=-Dvinfra.limit.elements=5000000 ./vinfra validate big.vinfra};
 * for Maven: {@code MAVEN_OPTS}; in Eclipse: a {@code -D} line in {@code eclipse.ini}). docs/diagnostics.md
 * lists them.
 */
public final class Limits {

    /** {@code vinfra.limit.file-size}: the largest .vinfra file, in characters (default 16 Mi: about 4 times the 138,200-line benchmark). */
    public static final String FILE_SIZE_PROPERTY = "vinfra.limit.file-size";
    /** {@code vinfra.limit.depth}: the deepest nesting of blocks, lists and maps (default 64). */
    public static final String DEPTH_PROPERTY = "vinfra.limit.depth";
    /** {@code vinfra.limit.elements}: the most hosts, VMs, containers and workloads after replication in one file (default 1,000,000). */
    public static final String ELEMENTS_PROPERTY = "vinfra.limit.elements";

    private Limits() {
    }

    public static int fileSize() {
        return value(FILE_SIZE_PROPERTY, 16 * 1024 * 1024);
    }

    public static int depth() {
        return value(DEPTH_PROPERTY, 64);
    }

    public static int elements() {
        return value(ELEMENTS_PROPERTY, 1_000_000);
    }

    private static int value(String property, int fallback) {
        String text = System.getProperty(property);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim().replace("_", ""));
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback; // a malformed setting keeps the default rather than stopping every tool
        }
    }

    /** Text of the user's shown in a message: whole when short, else its start and its length (a message never repeats a file). */
    public static String excerpt(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "... (" + text.length() + " characters)";
    }

    /** A text over a limit: where (0-based offset, 1-based line and column), the issue code and the message. */
    public record Exceeded(int offset, int line, int column, String code, String message) {
    }

    /**
     * Checks the size and the nesting depth of a text (blocks, lists and maps: {@code {}}, {@code []},
     * {@code ()} outside strings and comments, and ONBUILD instructions within ONBUILD), in one pass.
     *
     * @return null when the text is within the limits, else the first place over one
     */
    public static Exceeded check(CharSequence text) {
        int size = fileSize();
        if (text.length() > size) {
            return new Exceeded(0, 1, 1, IssueCodes.FILE_TOO_LARGE, "This file has " + text.length() + " characters; vinfra reads files of up to "
                    + size + " (" + FILE_SIZE_PROPERTY + "). Split it into several files that import each other, or raise the limit with"
                    + " -D" + FILE_SIZE_PROPERTY + "=N (docs/diagnostics.md).");
        }
        int limit = depth();
        int depth = 0;
        int onbuild = 0;
        int line = 1;
        int lineStart = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> {
                    line++;
                    lineStart = i + 1;
                    onbuild = 0;
                }
                case '"', '\'' -> {
                    // a string: skip to its closing quote (a backslash escapes the next character)
                    int j = i + 1;
                    while (j < length && text.charAt(j) != c) {
                        if (text.charAt(j) == '\\') {
                            j++;
                        } else if (text.charAt(j) == '\n') {
                            line++;
                            lineStart = j + 1;
                        }
                        j++;
                    }
                    i = j;
                }
                case '#' -> i = endOfLine(text, i) - 1;
                case '/' -> {
                    if (i + 1 < length && text.charAt(i + 1) == '/') {
                        i = endOfLine(text, i) - 1;
                    } else if (i + 1 < length && text.charAt(i + 1) == '*') {
                        int j = i + 2;
                        while (j < length && !(text.charAt(j) == '*' && j + 1 < length && text.charAt(j + 1) == '/')) {
                            if (text.charAt(j) == '\n') {
                                line++;
                                lineStart = j + 1;
                            }
                            j++;
                        }
                        i = j + 1;
                    }
                }
                case '{', '[', '(' -> {
                    depth++;
                    if (depth + onbuild > limit) {
                        return tooDeep(i, line, i - lineStart + 1, limit);
                    }
                }
                case '}', ']', ')' -> depth = Math.max(0, depth - 1);
                case 'o' -> {
                    if (startsWord(text, i, "onbuild")) {
                        onbuild++;
                        if (depth + onbuild > limit) {
                            return tooDeep(i, line, i - lineStart + 1, limit);
                        }
                        i += "onbuild".length() - 1;
                    }
                }
                default -> {
                    // other characters do not nest
                }
            }
        }
        return null;
    }

    private static Exceeded tooDeep(int offset, int line, int column, int limit) {
        return new Exceeded(offset, line, column, IssueCodes.TOO_DEEPLY_NESTED, "Blocks, lists and maps are nested more than " + limit
                + " deep here; vinfra reads no deeper (" + DEPTH_PROPERTY + "), so the rest of the file is not read. Close the open"
                + " brackets or flatten the value; if a real model needs more, raise the limit with -D" + DEPTH_PROPERTY + "=N.");
    }

    private static int endOfLine(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    private static boolean startsWord(CharSequence text, int at, String word) {
        if (at > 0 && isWordChar(text.charAt(at - 1)) || at + word.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (text.charAt(at + k) != word.charAt(k)) {
                return false;
            }
        }
        return at + word.length() == text.length() || !isWordChar(text.charAt(at + word.length()));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '^';
    }
}
