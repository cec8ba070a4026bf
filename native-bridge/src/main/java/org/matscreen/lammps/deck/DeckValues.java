package org.matscreen.lammps.deck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.matscreen.core.element.PeriodicTable;
import org.matscreen.core.error.InvalidInputException;

/**
 * Validation of every value that enters a LAMMPS command. LAMMPS input is a small language with side effects
 * ({@code shell}, {@code include}, {@code python}, {@code print}, variables expanded from {@code $}, comments from
 * {@code #}, continuation lines from {@code &}), so nothing reaches it that is not one of: an element symbol from the
 * periodic table, a finite number within stated bounds, a style from a fixed list, or an existing file path made of
 * safe characters.
 */
public final class DeckValues {
    /** Pair styles matscreen knows how to set up (one-line {@code pair_coeff * * file elements...}). */
    public static final Set<String> PAIR_STYLES = Set.of("eam/alloy", "eam/fs", "eam/cd", "eam/he");
    /** Minimisers that support {@code fix box/relax}. */
    public static final Set<String> MIN_STYLES = Set.of("cg", "sd", "hftn");

    private DeckValues() {}

    /** A finite number in [min, max], formatted with full double precision. */
    public static String number(double value, double min, double max, String what) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException(what + " must be a finite number in [" + min + ", " + max + "]: " + value);
        }
        return String.format(Locale.ROOT, "%.17g", value);
    }

    public static String integer(long value, long min, long max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be an integer in [" + min + ", " + max + "]: " + value);
        }
        return Long.toString(value);
    }

    /** An element symbol of the periodic table, exactly. */
    public static String element(String symbol) {
        if (!PeriodicTable.isElementSymbol(symbol)) {
            throw new IllegalArgumentException("not an element symbol: " + printable(symbol));
        }
        return symbol;
    }

    public static String pairStyle(String style) {
        if (!PAIR_STYLES.contains(style)) {
            throw new IllegalArgumentException("pair style not supported by matscreen: " + printable(style)
                    + " (supported: " + PAIR_STYLES + ")");
        }
        return style;
    }

    /**
     * A KIM model id: one word of letters, digits and underscores starting with a letter (what OpenKIM ids are made
     * of). Whether it is installed is the resolver's business; here only its text is checked.
     */
    public static String kimModelId(String id) {
        if (id == null || id.isEmpty() || id.length() > 200 || !id.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a KIM model id: " + printable(id));
        }
        return id;
    }

    public static String minStyle(String style) {
        if (!MIN_STYLES.contains(style)) {
            throw new IllegalArgumentException("min style not allowed: " + printable(style));
        }
        return style;
    }

    /**
     * An absolute path of an existing regular file whose characters are all safe for a LAMMPS command line:
     * letters, digits and {@code / . _ - + =}. Anything else (whitespace, quotes, {@code $ # & ;}, control
     * characters) is refused; such files must be copied to a safe name first.
     */
    public static String existingFile(Path path) {
        String p = path.toAbsolutePath().normalize().toString();
        if (!isSafePath(p)) {
            throw new IllegalArgumentException("file path has characters that are unsafe in a LAMMPS command: "
                    + printable(p));
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + p);
        }
        return p;
    }

    /** An absolute path to be created (e.g. a log file) with safe characters; it need not exist. */
    public static String outputFile(Path path) {
        String p = path.toAbsolutePath().normalize().toString();
        if (!isSafePath(p)) {
            throw new IllegalArgumentException("file path has characters that are unsafe in a LAMMPS command: "
                    + printable(p));
        }
        return p;
    }

    public static boolean isSafePath(String p) {
        if (p.isEmpty() || !p.startsWith("/")) {
            return false;
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/'
                    || c == '.' || c == '_' || c == '-' || c == '+' || c == '=';
            if (!ok) {
                return false;
            }
        }
        return !p.contains("/../");
    }

    /** Text shown in an error message with control characters made visible. */
    static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.append('\'').toString();
    }

    /** Rejects a user-supplied text that could reach a deck, naming where it came from. */
    public static void requireDeckSafe(String text, String source, String field) {
        String reason = CampaignText.unsafeReason(text);
        if (reason != null) {
            throw new InvalidInputException(source, field, reason);
        }
    }
}
