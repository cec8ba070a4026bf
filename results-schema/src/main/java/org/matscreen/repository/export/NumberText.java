package org.matscreen.repository.export;

import java.util.Locale;

/**
 * Number spellings shared by the writers. Coordinates and cell parameters get a fixed number of decimals: what a
 * coordinate needs is an absolute precision (a fraction of an Å), and fixed decimals make the columns of POSCAR,
 * CIF loops and XYZ lines line up. Metadata, whose magnitude is unknown, gets the shortest exact spelling instead.
 */
final class NumberText {
    /** Decimals for lengths and Cartesian coordinates in Å: 1e-12 Å, 13+ significant digits for a 3 Å cell. */
    static final int ANGSTROM_DECIMALS = 12;
    /** Decimals for fractional coordinates: 1e-14 of a cell edge, below 1e-12 Å for cells up to 100 Å. */
    static final int FRACTIONAL_DECIMALS = 14;
    /** Decimals for cell angles in degrees: 1e-12°, 14 significant digits near 90°. */
    static final int DEGREE_DECIMALS = 12;

    private NumberText() {}

    /**
     * {@code value} with {@code decimals} decimals in the root locale (always a '.' separator). Values that round to
     * zero are written as positive zero, so the tiny negative components a rotation leaves behind do not show up as
     * {@code -0.000000000000}.
     */
    static String fixed(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (text.startsWith("-") && isAllZeros(text, 1)) {
            return text.substring(1);
        }
        return text;
    }

    /**
     * {@link #fixed} right-aligned in {@code width} characters. A wider value is not cut but gets one leading space,
     * so that whitespace-separated columns never run together.
     */
    static String fixed(double value, int decimals, int width) {
        return padLeft(fixed(value, decimals), width);
    }

    /** {@code text} right-aligned in {@code width} characters, always with at least one leading space. */
    static String padLeft(String text, int width) {
        return text.length() >= width ? " " + text : " ".repeat(width - text.length()) + text;
    }

    /**
     * A metadata value as text: doubles in the shortest spelling that reads back as the same double (Java's
     * {@link Double#toString}, e.g. {@code -3.52} or {@code 1.0E-9}; always with a '.' or an exponent, so readers
     * that type values keep it a float), integers plainly, text unchanged. Callers quote text as their format needs.
     */
    static String metadataValue(Object value) {
        return String.valueOf(value);
    }

    private static boolean isAllZeros(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
