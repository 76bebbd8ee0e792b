package org.vinfra.formats;

import java.util.Locale;

/** File and object names made safe from model names: no path separators, no dots at the start, no spaces. */
public final class FileNames {

    private FileNames() {
    }

    public static String safe(String name) {
        if (name == null || name.isBlank()) {
            return "unnamed";
        }
        String safe = name.replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("^[.-]+", "_");
        return safe.length() > 100 ? safe.substring(0, 100) : safe;
    }

    /** A name lower-cased for tools that want lower case (compose project names, image names). */
    public static String lowerSafe(String name) {
        return safe(name).toLowerCase(Locale.ROOT);
    }
}
