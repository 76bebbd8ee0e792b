package org.vinfra.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vinfra.lang.workspace.Problem;

/** Collects the problems of an import, positioned in the file being read (lines and columns from 1). */
public final class ImportReport {

    private final List<Problem> problems = new ArrayList<>();

    /**
     * Why a value was refused, in vinfra's words: the message of a reader's exception, except for Java's number
     * parsers, which say "For input string: ...".
     */
    public static String reason(IllegalArgumentException e) {
        if (e instanceof NumberFormatException) {
            return "not a number this setting takes (a whole number such as 3 or 512, or a decimal such as 1.5 where fractions make sense)";
        }
        return e.getMessage();
    }

    public void unsupported(Path file, int line, int column, String message) {
        problems.add(new Problem(file, line, column, Problem.Severity.WARNING, ImportCodes.UNSUPPORTED, excerpts(message)));
    }

    public void malformed(Path file, int line, int column, String message) {
        problems.add(new Problem(file, line, column, Problem.Severity.ERROR, ImportCodes.MALFORMED, excerpts(message)));
    }

    public void unsupported(Position at, String message) {
        unsupported(at.file(), at.line(), at.column(), message);
    }

    public void malformed(Position at, String message) {
        malformed(at.file(), at.line(), at.column(), message);
    }

    public void malformed(ImportException e) {
        malformed(e.position(), e.getMessage());
    }

    /** A problem with a code of its own (e.g. an interpolated variable that is not set, or a rule of the language). */
    public void add(Position at, Problem.Severity severity, String code, String message) {
        problems.add(new Problem(at.file(), at.line(), at.column(), severity, code, excerpts(message)));
    }

    /** A message never repeats a file: one far longer than any message vinfra writes is cut (its start says what is wrong). */
    static String excerpts(String message) {
        return message.length() <= 2000 ? message : message.substring(0, 1000) + "... (" + message.length() + " characters)";
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
