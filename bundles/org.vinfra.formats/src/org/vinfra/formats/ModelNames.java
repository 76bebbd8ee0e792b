package org.vinfra.formats;

import java.util.Set;

/**
 * Names for imported elements: valid .vinfra names (letters, digits, '_' and '-', a letter first)
 * that are not reserved keywords (a service called 'host' becomes 'host1'); renames are reported.
 */
public final class ModelNames {

    private final Set<String> reserved;

    public ModelNames(Set<String> reserved) {
        this.reserved = Set.copyOf(reserved);
    }

    /** The model name for {@code name}, or null when it can be used as it is. */
    public String rename(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9_-]", "_");
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0)) && cleaned.charAt(0) != '_') {
            cleaned = "n" + cleaned;
        }
        if (reserved.contains(cleaned)) {
            cleaned = cleaned + "1";
        }
        return cleaned.equals(name) ? null : cleaned;
    }

    public String name(String name) {
        String renamed = rename(name);
        return renamed == null ? name : renamed;
    }
}
