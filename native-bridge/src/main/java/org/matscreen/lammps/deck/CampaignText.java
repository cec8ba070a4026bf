package org.matscreen.lammps.deck;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Screening of campaign text that could end up in a LAMMPS command (potential names, element symbols, style names).
 * Matscreen never pastes such text into a deck (see {@link DeckValues}); this check is the second wall, so a hostile
 * or mistyped campaign is refused at validation time with a clear reason.
 */
public final class CampaignText {
    /** LAMMPS commands that run programs, read or write files or print: never acceptable as campaign words. */
    static final Set<String> COMMAND_WORDS = Set.of("shell", "include", "python", "print", "log", "jump", "label",
            "next", "variable", "fix", "run", "quit", "clear", "plugin", "echo", "read_restart", "read_data",
            "read_dump", "mdi", "kim");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_]+");

    private CampaignText() {}

    /** Why {@code text} is unsafe, or null if it is acceptable. */
    public static String unsafeReason(String text) {
        if (text == null) {
            return "missing value";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return "contains a line break, which would start a new LAMMPS command";
            }
            if (Character.isISOControl(c)) {
                return String.format("contains the control character U+%04X", (int) c);
            }
            switch (c) {
                case '&':
                    return "contains '&', LAMMPS' line continuation";
                case '#':
                    return "contains '#', which starts a LAMMPS comment";
                case '$':
                    return "contains '$', which LAMMPS expands as a variable";
                case '"':
                case '\'':
                    return "contains a quote";
                case ';':
                    return "contains ';'";
                default:
                    break;
            }
        }
        var m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (COMMAND_WORDS.contains(w) || w.startsWith("write_")) {
                return "contains the LAMMPS command word '" + m.group() + "'";
            }
        }
        return null;
    }
}
