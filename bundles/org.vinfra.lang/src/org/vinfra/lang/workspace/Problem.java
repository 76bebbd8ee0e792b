package org.vinfra.lang.workspace;

import java.nio.file.Path;

/**
 * One diagnostic, positioned: the form every tool prints ({@code FILE:LINE:COL: error CODE: message}).
 * Lines and columns start at 1. {@code offset} and {@code length} (characters from the start of the
 * file) mark the text an editor underlines; {@code offset} is -1 where only the line and column are known.
 */
public record Problem(Path file, int line, int column, Severity severity, String code, String message, int offset, int length) {

    public Problem(Path file, int line, int column, Severity severity, String code, String message) {
        this(file, line, column, severity, code, message, -1, 0);
    }

    public enum Severity {
        ERROR, WARNING, INFO;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE:COL: error CODE: message}, with the file as given (relative stays relative). */
    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.label() + " " + code + ": " + message;
    }
}
