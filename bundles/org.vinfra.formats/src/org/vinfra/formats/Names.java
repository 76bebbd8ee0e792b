package org.vinfra.formats;

/** Names read from other formats, made into .vinfra names (letters, digits, '_' and '-', a letter first). */
public final class Names {

    private Names() {
    }

    public static String toModelName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9_-]", "_");
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0)) && cleaned.charAt(0) != '_') {
            cleaned = "n" + cleaned;
        }
        return cleaned;
    }
}
