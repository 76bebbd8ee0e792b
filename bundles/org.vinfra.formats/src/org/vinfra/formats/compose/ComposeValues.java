package org.vinfra.formats.compose;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's value syntaxes: byte values (512m), durations (1m30s), command strings. */
final class ComposeValues {

    private static final Pattern BYTES = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*([bkmg]?)b?\\s*");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)");

    private ComposeValues() {
    }

    /** @throws IllegalArgumentException when the text is not a byte value */
    static long bytes(String text) {
        Matcher matcher = BYTES.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a byte value (e.g. 512m, 1g, 1048576)");
        }
        double number = Double.parseDouble(matcher.group(1));
        long factor = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            default -> 1;
        };
        return Math.round(number * factor);
    }

    /** @throws IllegalArgumentException when the text is not a duration */
    static long millis(String text) {
        String compact = text.replace(" ", "");
        Matcher matcher = DURATION_PART.matcher(compact);
        long total = 0;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                break;
            }
            double value = Double.parseDouble(matcher.group(1));
            total += Math.round(switch (matcher.group(2)) {
                case "us" -> value / 1000;
                case "ms" -> value;
                case "s" -> value * 1000;
                case "m" -> value * 60_000;
                default -> value * 3_600_000;
            });
            end = matcher.end();
        }
        if (end != compact.length() || compact.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 30s, 1m30s, 500ms)");
        }
        return total;
    }
}
