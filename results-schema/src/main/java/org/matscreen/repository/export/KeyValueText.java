package org.matscreen.repository.export;

import java.util.Map;

/**
 * {@code key=value} pairs as extended XYZ spells them on its comment line (and POSCAR on its free-text title line):
 * numbers bare, text in double quotes with {@code "} and {@code \} escaped by a backslash. That is the quoting
 * ASE's and QUIP's extended XYZ parsers undo, and it keeps a value with spaces or {@code =} in one pair.
 */
final class KeyValueText {
    private KeyValueText() {}

    /** {@code key=value} for one metadata entry (value a {@link String}, {@link Long} or {@link Double}). */
    static String pair(String key, Object value) {
        return key + "=" + (value instanceof String text ? quoted(text) : NumberText.metadataValue(value));
    }

    /** All entries as pairs separated by single spaces, in the map's order; empty for an empty map. */
    static String pairs(Map<String, Object> entries) {
        StringBuilder sb = new StringBuilder();
        entries.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(pair(k, v));
        });
        return sb.toString();
    }

    /** {@code text} in double quotes, backslash-escaping {@code "} and {@code \}. */
    static String quoted(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
