package org.vinfra.formats;

/** The cgroup hierarchy LXC configs are written for: v2 (the default) or v1 (hosts still on v1 or hybrid). */
public enum CgroupVersion {
    V1, V2;

    /**
     * Parses "v1", "v2" (or "1", "2"), in any case.
     *
     * @throws IllegalArgumentException saying which values are allowed
     */
    public static CgroupVersion parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "v1", "1" -> V1;
            case "v2", "2" -> V2;
            default -> throw new IllegalArgumentException("the cgroup version is v1 or v2, not '" + text + "'");
        };
    }
}
