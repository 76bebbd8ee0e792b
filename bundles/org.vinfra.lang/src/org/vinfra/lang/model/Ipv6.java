package org.vinfra.lang.model;

import java.util.regex.Pattern;

/** IPv6 addresses ("fd00:28::10") and blocks ("fd00:28::/64"), checked as RFC 4291 writes them. */
public final class Ipv6 {

    private static final Pattern GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private Ipv6() {
    }

    /**
     * Checks an address, or a block when {@code block} (ADDRESS/PREFIX, prefix 0-128).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void parse(String text, boolean block) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an IPv6 address is missing");
        }
        String address = text;
        if (block) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("'" + Limits.excerpt(text) + "' has no prefix length (e.g. fd00:28::/64)");
            }
            address = text.substring(0, slash);
            int prefix;
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + Limits.excerpt(text.substring(slash + 1)) + "' is not a prefix length");
            }
            if (prefix < 0 || prefix > 128) {
                throw new IllegalArgumentException("an IPv6 prefix length is 0 to 128, not " + prefix);
            }
        }
        checkAddress(address);
    }

    public static boolean isValid(String text, boolean block) {
        try {
            parse(text, block);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkAddress(String address) {
        String body = address;
        int groups = 0;
        int lastColon = body.lastIndexOf(':');
        if (lastColon >= 0 && body.substring(lastColon + 1).contains(".")) {
            Addresses.parseIpv4(body.substring(lastColon + 1)); // ::ffff:192.0.2.1
            body = body.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = body.indexOf("::");
        if (doubleColon != body.lastIndexOf("::")) {
            throw new IllegalArgumentException("'" + Limits.excerpt(address) + "' has '::' twice");
        }
        String[] halves = doubleColon >= 0 ? new String[] { body.substring(0, doubleColon), body.substring(doubleColon + 2) } : new String[] { body };
        for (String half : halves) {
            if (half.isEmpty()) {
                continue;
            }
            for (String group : half.split(":", -1)) {
                if (!GROUP.matcher(group).matches()) {
                    throw new IllegalArgumentException("'" + Limits.excerpt(address) + "' is not an IPv6 address ('" + Limits.excerpt(group) + "' is not 1 to 4 hex digits)");
                }
                groups++;
            }
        }
        if (doubleColon < 0 ? groups != 8 : groups > 7) {
            throw new IllegalArgumentException("'" + Limits.excerpt(address) + "' is not an IPv6 address (it has " + groups + " groups; 8, or fewer with '::')");
        }
    }
}
