package org.matscreen.repository.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.repository.Column;
import org.matscreen.repository.schema.RecordRow;

/**
 * One sort criterion: a scalar column, ascending or descending. Unknown values sort last either way, so a top-N never
 * fills up with records that lack the value.
 *
 * @param column the column name (aliases are resolved when parsing)
 */
public record SortKey(String column, boolean descending) {

    /**
     * Parses {@code key}, {@code key:asc}, {@code key:desc} or OPTIMADE's {@code -key} (descending), where key is any
     * property name {@link RecordProperties} knows; several may be given separated by commas.
     *
     * @param source the option the text came from, for errors
     */
    public static List<SortKey> parse(String text, String source) {
        List<SortKey> keys = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            boolean descending = false;
            if (p.startsWith("-")) {
                descending = true;
                p = p.substring(1);
            } else if (p.startsWith("+")) {
                p = p.substring(1);
            }
            int colon = p.lastIndexOf(':');
            if (colon >= 0) {
                String dir = p.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    throw new InvalidInputException(source, part.strip(), "direction must be 'asc' or 'desc', not '"
                            + dir + "'");
                }
                descending = dir.equals("desc");
                p = p.substring(0, colon).strip();
            }
            String name = p;
            Column c = RecordProperties.column(name).orElseThrow(() -> new InvalidInputException(source, name,
                    "unknown property '" + name + "' (the columns of SCHEMA.md, or an OPTIMADE alias)"));
            if (c.kind().isList()) {
                throw new InvalidInputException(source, name, "'" + name + "' is a list and cannot be sorted on");
            }
            keys.add(new SortKey(c.name(), descending));
        }
        return keys;
    }

    /** Orders rows by {@code keys}, then by id so that equal keys still give one order. */
    public static Comparator<RecordRow> comparator(List<SortKey> keys) {
        Comparator<RecordRow> c = (a, b) -> 0;
        for (SortKey k : keys) {
            c = c.thenComparing(k::compare);
        }
        return c.thenComparing(r -> (String) r.get("id"), Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private int compare(RecordRow a, RecordRow b) {
        Object x = a.get(column);
        Object y = b.get(column);
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : 1) : -1;
        }
        int r = compareValues(x, y);
        return descending ? -r : r;
    }

    @SuppressWarnings("unchecked")
    private static int compareValues(Object x, Object y) {
        if (x instanceof Number n && y instanceof Number m && !(x instanceof Long && y instanceof Long)) {
            return Double.compare(n.doubleValue(), m.doubleValue());
        }
        return ((Comparable<Object>) x).compareTo(y);
    }

    @Override
    public String toString() {
        return column + (descending ? ":desc" : ":asc");
    }
}
