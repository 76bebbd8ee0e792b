package org.vinfra.lang.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A family of units for one kind of quantity (sizes, frequencies, bandwidths, durations). Values are
 * stored in the family's base unit (bytes, hertz, bits per second, milliseconds); this class turns
 * "4 GiB" into 4294967296 and back.
 */
public final class Units {

    public static final Units SIZE = new Units("size", "B",
            new String[] { "TiB", "GiB", "MiB", "KiB", "TB", "GB", "MB", "kB", "B" },
            new long[] { 1L << 40, 1L << 30, 1L << 20, 1L << 10, 1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L });
    public static final Units FREQUENCY = new Units("frequency", "Hz",
            new String[] { "GHz", "MHz", "kHz", "Hz" },
            new long[] { 1_000_000_000L, 1_000_000L, 1_000L, 1L });
    public static final Units BANDWIDTH = new Units("bandwidth", "bps",
            new String[] { "Gbps", "Mbps", "Kbps", "bps" },
            new long[] { 1_000_000_000L, 1_000_000L, 1_000L, 1L });
    /** Instructions, in millions: MI, GI (thousands of MI), TI. */
    public static final Units INSTRUCTIONS = new Units("number of instructions", "MI",
            new String[] { "TI", "GI", "MI" },
            new long[] { 1_000_000L, 1_000L, 1L });
    public static final Units DURATION = new Units("duration", "ms",
            new String[] { "h", "min", "s", "ms" },
            new long[] { 3_600_000L, 60_000L, 1_000L, 1L });

    private final String quantity;
    private final String baseUnit;
    /** Largest unit first. */
    private final Map<String, Long> factors = new LinkedHashMap<>();

    private Units(String quantity, String baseUnit, String[] names, long[] factors) {
        this.quantity = quantity;
        this.baseUnit = baseUnit;
        for (int i = 0; i < names.length; i++) {
            this.factors.put(names[i], factors[i]);
        }
    }

    public String quantity() {
        return quantity;
    }

    public Iterable<String> unitNames() {
        return factors.keySet();
    }

    /**
     * Parses text such as "4 GiB", "4GiB" or "2.5 GHz" into the base unit.
     *
     * @throws IllegalArgumentException with a message for the user when the text is not a quantity
     */
    public long parse(String text) {
        String compact = text.replaceAll("\\s+", "");
        int split = 0;
        while (split < compact.length() && (Character.isDigit(compact.charAt(split)) || compact.charAt(split) == '.')) {
            split++;
        }
        String number = compact.substring(0, split);
        String unit = compact.substring(split);
        Long factor = factors.get(unit);
        if (number.isEmpty() || factor == null || !number.matches("[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("'" + Limits.excerpt(text) + "' is not a " + quantity + ": write a number and one of the units "
                    + String.join(", ", factors.keySet()) + " (e.g. 4 " + factors.keySet().iterator().next() + ")");
        }
        try {
            if (number.indexOf('.') < 0 && number.length() <= 18) {
                // a whole number (most are): exact in a long, without BigDecimal, whose class initialization alone
                // takes about 20 ms of a command's start
                return Math.multiplyExact(Long.parseLong(number), factor);
            }
            return new BigDecimal(number).multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + Limits.excerpt(text) + "' is too large a " + quantity + ": vinfra holds up to " + format(Long.MAX_VALUE)
                    + ". Write a smaller value.");
        }
    }

    /** Formats a base-unit value in the unit that shows it exactly (at most three decimals) in the fewest characters. */
    public String format(long value) {
        if (value == 0) {
            return "0 " + baseUnit;
        }
        String best = value + " " + baseUnit;
        for (Map.Entry<String, Long> unit : factors.entrySet()) {
            Optional<String> shown = exactly(value, unit.getValue());
            if (shown.isPresent() && (shown.get() + " " + unit.getKey()).length() < best.length()) {
                best = shown.get() + " " + unit.getKey();
            }
        }
        return best;
    }

    private static Optional<String> exactly(long value, long factor) {
        if (Math.abs(value) < factor) {
            return Optional.empty();
        }
        // shown exactly with at most three decimals, or not in this unit (1/60000 has no finite decimal expansion)
        if (BigDecimal.valueOf(value).movePointRight(3).remainder(BigDecimal.valueOf(factor)).signum() != 0) {
            return Optional.empty();
        }
        BigDecimal scaled = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(factor), 3, RoundingMode.UNNECESSARY);
        return Optional.of(scaled.stripTrailingZeros().toPlainString());
    }
}
