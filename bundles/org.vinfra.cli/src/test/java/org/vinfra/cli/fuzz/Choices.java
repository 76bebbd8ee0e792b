package org.vinfra.cli.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * A fuzz input that is a model text and the choices of what to do with it: the bytes before the last
 * NUL byte are the text, those after it the choices. An input without a NUL (a seed, such as an example
 * model) is all text, and its choices come from a random sequence seeded with its bytes: every seed is
 * read whole and still drives varied operations, and mutations of the tail steer them.
 */
final class Choices {

    final String text;
    private final byte[] choices;
    private int next;
    private final Random fallback;

    private Choices(String text, byte[] choices, long seed) {
        this.text = text;
        this.choices = choices;
        this.fallback = new Random(seed);
    }

    static Choices of(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        int split = bytes.length - 1;
        while (split >= 0 && bytes[split] != 0) {
            split--;
        }
        int end = Math.min(split < 0 ? bytes.length : split, Fuzzing.MAX_INPUT);
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        byte[] tail = split < 0 ? new byte[0] : Arrays.copyOfRange(bytes, split + 1, bytes.length);
        return new Choices(text, tail, Arrays.hashCode(bytes));
    }

    /** A number from min to max (inclusive). */
    int next(int min, int max) {
        long range = (long) max - min + 1;
        long value;
        if (next + 4 <= choices.length) {
            value = ((choices[next] & 0xFFL) << 24 | (choices[next + 1] & 0xFFL) << 16 | (choices[next + 2] & 0xFFL) << 8 | choices[next + 3] & 0xFFL);
            next += 4;
        } else {
            value = fallback.nextInt() & 0xFFFFFFFFL;
        }
        return (int) (min + value % range);
    }

    /** A short word: from the choices, or one of a few names and values the models use. */
    String word() {
        int length = next(0, 12);
        if (next + length <= choices.length) {
            String word = new String(choices, next, length, StandardCharsets.UTF_8);
            next += length;
            return word;
        }
        String[] words = { "", "web", "db", "h2", "lan", "4", "8 GiB", "0", "-1", "4294967296", "x y", "^host", "9 lives" };
        return words[fallback.nextInt(words.length)];
    }
}
