package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vinfra.lang.model.Limits;
import org.vinfra.lang.validation.IssueCodes;
import org.vinfra.lang.workspace.Problem;

/**
 * Hostile input gets positioned errors that teach, never Java's text or a failure: numbers out of
 * every range, huge replication, deep nesting, large files (docs/diagnostics.md, Limits).
 */
class LimitsTest {

    private static Problem only(String code, String text) {
        List<Problem> problems = Models.problems(text);
        List<Problem> found = problems.stream().filter(p -> p.code().equals(code)).toList();
        assertEquals(1, found.size(), () -> code + " once in " + problems);
        Problem problem = found.get(0);
        for (Problem any : problems) {
            assertFalse(any.message().matches("(?s).*(Exception|For input string|Couldn't convert|java\\\\.).*"), () -> "Java's text: " + any.format());
        }
        return problem;
    }

    @Test
    void aWholeNumberAboveTheIntegerRangeTeaches() {
        Problem problem = only(IssueCodes.INVALID_VALUE, "host rack[1..4294967296] { memory 1 GiB }");
        assertEquals(1, problem.line());
        assertEquals(14, problem.column());
        assertTrue(problem.message().contains("between 0 and 2147483647") && problem.message().contains("4294967296"), problem.message());
    }

    @Test
    void aTwentyDigitCountTeaches() {
        Problem problem = only(IssueCodes.INVALID_VALUE, "host a {\n\tcpu { cores 99999999999999999999 }\n\tmemory 1 GiB\n}");
        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("99999999999999999999") && problem.message().contains("2147483647"), problem.message());
    }

    @Test
    void aSizeBeyondSixtyFourBitsTeaches() {
        Problem problem = only(IssueCodes.INVALID_VALUE, "host a { memory 99999999999999999999 GiB }");
        assertTrue(problem.message().contains("too large a size"), problem.message());
    }

    @Test
    void aMalformedQuantityTeaches() {
        Problem problem = only(IssueCodes.INVALID_VALUE, "host a { memory 1.5 Gib }");
        assertTrue(problem.message().contains("GiB"), problem.message());
    }

    @Test
    void aCpusetBeyondEveryMachineIsAPositionedError() {
        String host = "host h { cpu { cores 4 } memory 8 GiB os \"Debian 12\" }\n";
        Problem problem = only(IssueCodes.INVALID_CPUSET, host + "container c on h { image \"x:1\" cgroup { cpuset \"4294967296\" } }");
        assertEquals(2, problem.line());
    }

    @Test
    void aHugeReplicationIsRefusedWithoutExpandingIt() {
        long start = System.nanoTime();
        Problem problem = only(IssueCodes.TOO_MANY_ELEMENTS, "host rack[1..2147483647] { memory 1 GiB }\nvm v on rack7 { memory 1 GiB }");
        assertTrue(problem.message().contains("2147483647 replicas"), problem.message());
        // not expanded: checking it takes what checking one host takes (a generous bound for a loaded machine)
        assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000, "the range was expanded");
    }

    @Test
    void deepNestingStopsReadingThereWithAPositionedError() {
        String deep = "host a { memory 1 GiB }\nhost b " + "{".repeat(10_000) + "}".repeat(10_000) + "\n";
        Problem problem = only(IssueCodes.TOO_DEEPLY_NESTED, deep);
        assertEquals(2, problem.line());
        assertEquals(8 + Limits.depth(), problem.column());
    }

    @Test
    void nestedOnbuildCountsAsNesting() {
        String text = "image i { from \"alpine:3\" " + "onbuild ".repeat(5_000) + "run \"true\" }";
        only(IssueCodes.TOO_DEEPLY_NESTED, text);
    }

    @Test
    void aFileOverTheSizeLimitIsNotRead() {
        System.setProperty(Limits.FILE_SIZE_PROPERTY, "1000");
        try {
            Problem problem = only(IssueCodes.FILE_TOO_LARGE, "host a { memory 1 GiB }\n" + "// padding\n".repeat(200));
            assertEquals(1, problem.line());
            assertTrue(problem.message().contains(Limits.FILE_SIZE_PROPERTY), problem.message());
        } finally {
            System.clearProperty(Limits.FILE_SIZE_PROPERTY);
        }
    }

    @Test
    void aLongTokenIsCutInSyntaxErrors() {
        String string = "\"" + "x".repeat(5_000) + "\"";
        for (Problem problem : Models.problems("host a { memory 1 GiB }\n" + string + "\n")) {
            assertTrue(problem.message().length() < 600, () -> "the message repeats the text: " + problem.message().length() + " characters");
        }
    }
}
