package org.vinfra.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vinfra.lang.workspace.Problem;

/** Collects the problems of an import, positioned in the file being read (lines and columns from 1). */
public final class ImportReport {

    private final List<Problem> problems = new ArrayList<>();

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

    private static final java.util.regex.Pattern LONG_QUOTE = java.util.regex.Pattern.compile("'([^'\\s][^']{59,}[^'\\s])'|\"([^\"\\s][^\"]{59,}[^\"\\s])\"");

    /**
     * A message quotes at most an excerpt of a long value or line of the file: it points to it, it never repeats the file.
     * A quotation starts and ends with a character that is not white space, so that the text between two quoted words
     * ("'extends' forms a cycle ... 'a'") is never taken for one.
     */
    static String excerpts(String message) {
        java.util.regex.Matcher quoted = LONG_QUOTE.matcher(message);
        StringBuilder result = new StringBuilder();
        while (quoted.find()) {
            String quote = quoted.group().substring(0, 1);
            String text = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
            quoted.appendReplacement(result, java.util.regex.Matcher.quoteReplacement(quote + org.vinfra.lang.model.Limits.excerpt(text) + quote));
        }
        quoted.appendTail(result);
        return result.toString();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
