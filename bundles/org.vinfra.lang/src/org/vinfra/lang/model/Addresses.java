package org.vinfra.lang.model;

/** IPv4 addresses and CIDR blocks as 32-bit numbers. */
public final class Addresses {

    private Addresses() {
    }

    /** An IPv4 block: its first address and prefix length. */
    public record Block(long network, int prefix) {

        public long size() {
            return 1L << (32 - prefix);
        }

        public long last() {
            return network + size() - 1;
        }

        public boolean contains(long address) {
            return address >= network && address <= last();
        }

        public boolean overlaps(Block other) {
            return network <= other.last() && other.network <= last();
        }

        @Override
        public String toString() {
            return format(network) + "/" + prefix;
        }
    }

    /**
     * @throws IllegalArgumentException with a message for the user
     */
    public static long parseIpv4(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + Limits.excerpt(text) + "' is not an IPv4 address: write four numbers 0-255 separated by dots, e.g. 10.0.0.5");
        }
        long value = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + Limits.excerpt(text) + "' is not an IPv4 address: '" + Limits.excerpt(part) + "' is not a number");
            }
            if (octet < 0 || octet > 255 || part.length() > 3) {
                throw new IllegalArgumentException("'" + Limits.excerpt(text) + "' is not an IPv4 address: each of its four numbers is between 0 and 255, and " + Limits.excerpt(part) + " is not");
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    /**
     * @throws IllegalArgumentException with a message for the user
     */
    public static Block parseCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + Limits.excerpt(text) + "' is not a CIDR block: write an address and a prefix length, e.g. 10.0.0.0/24");
        }
        long address = parseIpv4(text.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + Limits.excerpt(text) + "' is not a CIDR block: the prefix length after '/' is a number from 0 to 32");
        }
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("'" + Limits.excerpt(text) + "' is not a CIDR block: the prefix length after '/' is from 0 to 32, not " + prefix);
        }
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return new Block(address & mask, prefix);
    }

    public static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }
}
