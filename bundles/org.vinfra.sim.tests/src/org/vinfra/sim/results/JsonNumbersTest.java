package org.vinfra.sim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The JSON report writes its numbers by hand (a large run has hundreds of thousands): they must be
 * what {@code %.6f} writes, without trailing zeros, so that reports stay byte for byte the same.
 */
class JsonNumbersTest {

    private static String asFormatWritesIt(double value) {
        String text = String.format(Locale.ROOT, "%.6f", value).replaceFirst("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    @Test
    void numbersAreWrittenAsPercentSixFWithoutTrailingZeros() {
        double[] edges = { 0, -0.0, 30, 600, 1e-7, 5e-7, 4.9999999e-7, 0.9999995, 9.9999995, 999_999.999_999_5, 0.123_456_5, 2.5e-7, 1e7, 1e15,
                1e16, 999_999_999_999_999.0, 1e15 + 1, 4_503_599_627_370_497.0, 9.007_199_254_740_993e15, 1e18, 123_456_789.123_456_5, 146.214_285_714_285_7, 20 / 0.98 };
        for (double edge : edges) {
            assertEquals(asFormatWritesIt(edge), JsonReport.number(edge), "" + edge);
            assertEquals(asFormatWritesIt(-edge), JsonReport.number(-edge), "" + -edge);
        }
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 200_000; i++) {
            double value = random.nextDouble() * Math.pow(10, random.nextInt(-9, 12)) * (random.nextBoolean() ? 1 : -1);
            if (i % 2 == 0) {
                value = (Math.round(value * 1e6) + 0.5) / 1e6; // on the rounding edge
            } else if (i % 3 == 0) {
                value = Math.rint(value); // a whole number
            }
            assertEquals(asFormatWritesIt(value), JsonReport.number(value), "" + value);
        }
        assertEquals("null", JsonReport.number(Double.NaN));
    }

    @Test
    void stringsAreQuotedAndEscapedOnlyWhereJsonNeedsIt() {
        assertEquals("\"w12\"", JsonReport.string("w12"));
        assertEquals("\"caf\u00e9 \u2192 h1\"", JsonReport.string("caf\u00e9 \u2192 h1"));
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\"", JsonReport.string("a\"b\\c\nd\re\tf\u0001"));
        assertEquals("\"\"", JsonReport.string(""));
    }
}
