package org.vinfra.formats.compose;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's value syntaxes: byte values (512m), durations (1m30s), command strings. */
public final class ComposeValues {

    private static final Pattern BYTES = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*([bkmg]?)b?\\s*");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)");

    private ComposeValues() {
    }

    /** @throws IllegalArgumentException when the text is not a byte value */
    public static long bytes(String text) {
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

    /** An exposed port: "80", "80/udp", "8000-8010". @throws IllegalArgumentException when it is none */
    public static org.vinfra.lang.settings.ExposedPort exposedPort(String text) {
        Matcher matcher = EXPOSED.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a port to expose (80, 80/udp, 8000-8010).");
        }
        org.vinfra.lang.settings.ExposedPort port = org.vinfra.lang.settings.SettingsFactory.eINSTANCE.createExposedPort();
        port.setPort(check(Integer.parseInt(matcher.group(1)), text));
        if (matcher.group(2) != null) {
            port.setPortEnd(check(Integer.parseInt(matcher.group(2)), text));
        }
        if (matcher.group(3) != null) {
            org.vinfra.lang.vinfra.Protocol protocol = org.vinfra.lang.vinfra.Protocol.get(matcher.group(3).toLowerCase(Locale.ROOT));
            if (protocol == null) {
                throw new IllegalArgumentException("Unknown protocol in '" + text + "': tcp, udp or sctp.");
            }
            port.setProtocol(protocol);
        }
        return port;
    }

    private static final Pattern EXPOSED = Pattern.compile("(\\d+)(?:-(\\d+))?(?:/(\\w+))?");

    private static int check(int port, String text) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " in '" + text + "' is outside 1-65535.");
        }
        return port;
    }

    /** @throws IllegalArgumentException when the text is not a duration */
    public static long millis(String text) {
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
