package org.matscreen.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Markdown text with tables and numbers formatted to the precision a measurement deserves. */
final class Markdown {
    private static final Pattern NUMERIC = Pattern.compile("(\\*\\*)?[-−–0-9]");

    private final StringBuilder text = new StringBuilder();

    Markdown line(String s) {
        text.append(s).append('\n');
        return this;
    }

    Markdown line() {
        return line("");
    }

    Markdown heading(int level, String s) {
        return line().line("#".repeat(level) + " " + s).line();
    }

    Table table(String... header) {
        return new Table(header);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** A table, written into its document by {@link #end()}. */
    final class Table {
        private final String[] header;
        private final List<String[]> rows = new ArrayList<>();

        private Table(String[] header) {
            this.header = header;
        }

        Table row(String... cells) {
            if (cells.length != header.length) {
                throw new IllegalArgumentException("row of " + cells.length + " cells for " + header.length
                        + " columns");
            }
            rows.add(cells);
            return this;
        }

        Markdown end() {
            line("| " + String.join(" | ", header) + " |");
            StringBuilder sep = new StringBuilder("|");
            for (int i = 0; i < header.length; i++) {
                sep.append(numeric(i) ? " ---: |" : " --- |");
            }
            line(sep.toString());
            for (String[] r : rows) {
                line("| " + String.join(" | ", r) + " |");
            }
            return Markdown.this;
        }

        /** Numbers are right-aligned: a column whose every cell starts with a digit, a sign or a dash. */
        private boolean numeric(int column) {
            return !rows.isEmpty() && rows.stream().allMatch(r -> NUMERIC.matcher(r[column]).lookingAt());
        }
    }



    /** Three significant digits (at least the units digit), "–" for a missing value. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static String ratio(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String sci(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1e", v);
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        if (seconds < 3 * 86400) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f days", seconds / 86400);
    }
}
