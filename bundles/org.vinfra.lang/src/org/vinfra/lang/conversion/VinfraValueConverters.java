package org.vinfra.lang.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.conversion.impl.AbstractValueConverter;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.util.Strings;
import org.vinfra.lang.model.Addresses;
import org.vinfra.lang.model.Units;

/**
 * Value converters of the .vinfra datatype rules: counts, ratios, ports, quantities with units,
 * IPv4 addresses and CIDR blocks. A malformed value becomes a positioned syntax error.
 */
public class VinfraValueConverters extends DefaultTerminalConverters {

    @ValueConverter(rule = "Count")
    public IValueConverter<Integer> count() {
        return new IntegerConverter("count", 0, Integer.MAX_VALUE);
    }

    /** Whole numbers written as such (replication ranges, id maps): 0 to 2147483647, with a message that teaches. */
    @Override
    @ValueConverter(rule = "INT")
    public IValueConverter<Integer> INT() {
        return new IntegerConverter("whole number", 0, Integer.MAX_VALUE);
    }

    @ValueConverter(rule = "Port")
    public IValueConverter<Integer> port() {
        return new IntegerConverter("port", 1, 65535);
    }

    @ValueConverter(rule = "Ratio")
    public IValueConverter<Double> ratio() {
        return new AbstractNullSafeConverter<>() {
            @Override
            protected Double internalToValue(String string, INode node) {
                String text = compact(string);
                if (!text.matches("[0-9]+(\\.[0-9]+)?")) {
                    throw new ValueConverterException("'" + text + "' is not a number: write e.g. 1.5", node, null);
                }
                double value = Double.parseDouble(text);
                if (value > MAX_RATIO) {
                    throw new ValueConverterException("A ratio is at most " + (long) MAX_RATIO + ", not " + shorten(text)
                            + ": ratios here are factors such as an overcommit of 4.0 or 1.5 CPUs. Write a smaller number.", node, null);
                }
                return value;
            }

            @Override
            protected String internalToString(Double value) {
                String text = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
                return text.contains(".") ? text : text + ".0";
            }
        };
    }

    @ValueConverter(rule = "Decimal")
    public IValueConverter<String> decimal() {
        return new AbstractNullSafeConverter<>() {
            @Override
            protected String internalToValue(String string, INode node) {
                return compact(string);
            }

            @Override
            protected String internalToString(String value) {
                return value;
            }
        };
    }

    @ValueConverter(rule = "Size")
    public IValueConverter<Long> size() {
        return new QuantityConverter(Units.SIZE);
    }

    @ValueConverter(rule = "Frequency")
    public IValueConverter<Long> frequency() {
        return new QuantityConverter(Units.FREQUENCY);
    }

    @ValueConverter(rule = "Bandwidth")
    public IValueConverter<Long> bandwidth() {
        return new QuantityConverter(Units.BANDWIDTH);
    }

    @ValueConverter(rule = "Instructions")
    public IValueConverter<Long> instructions() {
        return new QuantityConverter(Units.INSTRUCTIONS);
    }

    @ValueConverter(rule = "Duration")
    public IValueConverter<Long> duration() {
        return new QuantityConverter(Units.DURATION);
    }

    @ValueConverter(rule = "IPv4")
    public IValueConverter<String> ipv4() {
        return new CheckedTextConverter() {
            @Override
            protected void check(String text) {
                Addresses.parseIpv4(text);
            }
        };
    }

    @ValueConverter(rule = "Cidr")
    public IValueConverter<String> cidr() {
        return new CheckedTextConverter() {
            @Override
            protected void check(String text) {
                Addresses.parseCidr(text);
            }
        };
    }

    /**
     * A name: a keyword of the language may be a name when it is written with a caret ({@code service ^host},
     * {@code network ^internal}), as Xtext escapes identifiers; the caret is not part of the name.
     */
    @ValueConverter(rule = "ValidID")
    public IValueConverter<String> validId() {
        return new NameConverter(false);
    }

    @ValueConverter(rule = "QualifiedName")
    public IValueConverter<String> qualifiedName() {
        return new NameConverter(true);
    }

    private java.util.Set<String> reservedKeywords;

    /** The keywords that cannot be names unescaped: every word of the grammar but those of ValidID. */
    private synchronized java.util.Set<String> reservedKeywords() {
        if (reservedKeywords == null) {
            java.util.Set<String> reserved = new java.util.HashSet<>();
            for (String keyword : org.eclipse.xtext.GrammarUtil.getAllKeywords(getGrammar())) {
                if (keyword.matches("[a-zA-Z_][a-zA-Z0-9_-]*")) {
                    reserved.add(keyword);
                }
            }
            org.eclipse.xtext.AbstractRule validId = org.eclipse.xtext.GrammarUtil.findRuleForName(getGrammar(), "ValidID");
            if (validId != null) {
                for (org.eclipse.xtext.Keyword keyword : org.eclipse.xtext.GrammarUtil.containedKeywords(validId)) {
                    reserved.remove(keyword.getValue());
                }
            }
            reservedKeywords = reserved;
        }
        return reservedKeywords;
    }

    private final class NameConverter extends AbstractValueConverter<String> {
        private final boolean qualified;

        NameConverter(boolean qualified) {
            this.qualified = qualified;
        }

        @Override
        public String toValue(String string, INode node) {
            if (Strings.isEmpty(string)) {
                return null; // a name the parser could not read: its syntax error says why
            }
            String text = compact(string);
            return qualified ? text.replaceAll("(^|\\.)\\^", "$1") : text.startsWith("^") ? text.substring(1) : text;
        }

        @Override
        public String toString(String value) {
            if (value == null) {
                throw new ValueConverterException("A name is missing.", null, null);
            }
            String[] segments = qualified ? value.split("\\.", -1) : new String[] { value };
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < segments.length; i++) {
                if (i > 0) {
                    text.append('.');
                }
                text.append(reservedKeywords().contains(segments[i]) ? "^" + segments[i] : segments[i]);
            }
            return text.toString();
        }
    }

    /** A key: written as a name when it is one (and no keyword), else quoted ("cluster.name"). */
    @ValueConverter(rule = "Key")
    public IValueConverter<String> key() {
        IValueConverter<String> id = ID();
        IValueConverter<String> string = STRING();
        return new AbstractNullSafeConverter<>() {
            @Override
            protected String internalToValue(String text, INode node) {
                return text.startsWith("\"") || text.startsWith("'") ? string.toValue(text, node) : id.toValue(text, node);
            }

            @Override
            protected String internalToString(String value) {
                if (PLAIN_KEY.matcher(value).matches()) {
                    try {
                        String written = id.toString(value);
                        if (!written.startsWith("^")) {
                            return written;
                        }
                    } catch (ValueConverterException notAName) {
                        // quoted below
                    }
                }
                return string.toString(value);
            }
        };
    }

    private static final java.util.regex.Pattern PLAIN_KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    /** A number of a typed native value, kept as written (1, -1, 0.5) so that integers stay integers. */
    @ValueConverter(rule = "Number")
    public IValueConverter<String> number() {
        return new CheckedTextConverter() {
            @Override
            protected void check(String text) {
                if (!text.matches("-?[0-9]+(\\.[0-9]+)?")) {
                    throw new IllegalArgumentException("'" + shorten(text) + "' is not a number: write a whole or decimal number, e.g. 1 or -0.5");
                }
            }
        };
    }

    /** The largest ratio (overcommit factors, CPU quotas): far above any real one, far below where doubles lose whole numbers. */
    static final double MAX_RATIO = 1_000_000;

    /** A number as the user wrote it, cut when it is too long to show whole. */
    static String shorten(String text) {
        return text.length() <= 24 ? text : text.substring(0, 12) + "..." + text.substring(text.length() - 6) + " (" + text.length() + " digits)";
    }

    static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static final class IntegerConverter extends AbstractNullSafeConverter<Integer> {
        private final String what;
        private final int min;
        private final int max;

        IntegerConverter(String what, int min, int max) {
            this.what = what;
            this.min = min;
            this.max = max;
        }

        @Override
        protected Integer internalToValue(String string, INode node) {
            String text = compact(string);
            if (!text.matches("-?[0-9]+")) {
                throw new ValueConverterException("'" + shorten(text) + "' is not a whole number: write digits only, e.g. 4.", node, null);
            }
            java.math.BigInteger value = new java.math.BigInteger(text);
            if (value.compareTo(java.math.BigInteger.valueOf(min)) < 0 || value.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
                throw new ValueConverterException("A " + what + " must be between " + min + " and " + max + ", not " + shorten(text)
                        + ". Write a " + what + " in that range.", node, null);
            }
            return value.intValue();
        }

        @Override
        protected String internalToString(Integer value) {
            return value.toString();
        }
    }

    private static final class QuantityConverter extends AbstractNullSafeConverter<Long> {
        private final Units units;

        QuantityConverter(Units units) {
            this.units = units;
        }

        @Override
        protected Long internalToValue(String string, INode node) {
            try {
                return units.parse(string);
            } catch (IllegalArgumentException e) {
                throw new ValueConverterException(e.getMessage(), node, null);
            }
        }

        @Override
        protected String internalToString(Long value) {
            return units.format(value);
        }
    }

    /** Keeps the text (without white space) after checking it. */
    private abstract static class CheckedTextConverter extends AbstractValueConverter<String> {
        @Override
        public String toValue(String string, INode node) {
            if (Strings.isEmpty(string)) {
                throw new ValueConverterException("A value is missing here.", node, null);
            }
            String text = compact(string);
            try {
                check(text);
            } catch (IllegalArgumentException e) {
                throw new ValueConverterException(e.getMessage(), node, null);
            }
            return text;
        }

        @Override
        public String toString(String value) {
            return value;
        }

        protected abstract void check(String text);
    }
}
