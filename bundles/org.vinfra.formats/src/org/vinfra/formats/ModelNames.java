package org.vinfra.formats;

import java.util.Set;

/**
 * Names for imported elements: valid .vinfra names (letters, digits, '_' and '-', a letter or '_'
 * first); a name with other signs is renamed ('my.db' becomes 'my_db') and the rename is reported.
 * Keywords are names too: the model writes them with a caret ({@code service ^host}).
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
