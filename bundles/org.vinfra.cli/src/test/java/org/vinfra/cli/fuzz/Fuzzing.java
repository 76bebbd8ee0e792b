package org.vinfra.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

import org.vinfra.lang.VinfraStandaloneSetup;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

import com.google.inject.Injector;

/** What the fuzz tests share: the language, loading a text, and the checks on what users read. */
final class Fuzzing {

    /** Inputs larger than this are cut: the limits are tested by their own tests, the fuzzer looks for faults. */
    static final int MAX_INPUT = 16 * 1024;

    /**
     * Java's words in a message meant for a user: exception class names, Java's own number-parsing text,
     * Xtext's value-converter text and stack frames.
     */
    private static final Pattern JAVA_TEXT = Pattern.compile(
            "[A-Za-z]+(Exception|Error)\\b|For input string|java\\.[a-z]+\\.|org\\.eclipse\\.|Couldn't convert|\\bat [a-z]+\\.[a-z]+\\.|\\bnull\\b");

    private static Injector language;

    private Fuzzing() {
    }

    static synchronized Injector language() {
        if (language == null) {
            language = new VinfraStandaloneSetup().createInjectorAndDoEMFRegistration();
        }
        return language;
    }

    /** A model set holding the text as {@code fuzz.vinfra}, linked and validated. */
    static Loaded load(String text) {
        ModelSet models = language().getInstance(ModelSet.class);
        try {
            models.loadText("fuzz.vinfra", text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = models.validate();
        checkProblems(text, problems);
        return new Loaded(models, problems);
    }

    record Loaded(ModelSet models, List<Problem> problems) {
        boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }

        /**
         * Whether the parser could not read the text as it is: syntax errors, values its converters refuse (reported as
         * vinfra.invalid-value), or a limit of size or nesting that stopped it. The formatter refuses such a text.
         */
        boolean hasSyntaxErrors() {
            return models.resourceSet().getResources().stream().anyMatch(resource -> resource instanceof org.eclipse.xtext.resource.XtextResource text
                    && text.getParseResult() != null && text.getParseResult().hasSyntaxErrors());
        }
    }

    /** Every problem is positioned in the file, has a vinfra code and a message in vinfra's words. */
    static void checkProblems(String text, List<Problem> problems) {
        // lines end at \n, \r\n or a lone \r, as Xtext and the LSP count them (a file with old Mac line ends)
        int lines = text.split("\r\n|\r|\n", -1).length;
        for (Problem problem : problems) {
            assertTrue(problem.code() != null && problem.code().matches("vinfra\\.[a-z0-9-]+"), () -> "no vinfra code: " + problem.format());
            assertFalse(org.vinfra.lang.validation.IssueCodes.INTERNAL_ERROR.equals(problem.code()), () -> "a rule failed: " + problem.format());
            assertTrue(problem.line() >= 1 && problem.line() <= lines && problem.column() >= 1, () -> "not positioned in the file: " + problem.format());
            checkMessage(text, problem.message());
        }
    }

    /** A message shows no Java exception text (unless the input itself has such words) and never the whole input. */
    static void checkMessage(String input, String message) {
        assertFalse(message == null || message.isBlank(), "an empty message");
        java.util.regex.Matcher java = JAVA_TEXT.matcher(message);
        while (java.find()) {
            String found = java.group();
            // words the input itself has may be quoted back (a service named NullPointerException)
            assertTrue(input.contains(found), () -> "Java's text (" + found + ") in a message: " + message);
        }
        if (input.length() > 200) {
            assertFalse(message.contains(input), () -> "the whole input in a message: " + message.substring(0, 200));
        }
    }

    static void assertSameText(String expected, String actual, String what) {
        if (!expected.equals(actual)) {
            assertEquals(expected, actual, what);
            fail(what);
        }
    }
}
