package org.matscreen.core.descriptors;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.matscreen.core.util.DataFiles;

/**
 * A symmetric property of element pairs, here the Takeuchi–Inoue mixing enthalpies ΔH_AB (kJ/mol). The order of the
 * two symbols does not matter. A pair the table lacks is absent (NaN), never zero: zero is a real value (Co–Ni).
 */
public final class PairTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String unit;
    private final Map<String, Double> values;

    private PairTable(String name, String unit, Map<String, Double> values) {
        this.name = Objects.requireNonNull(name, "name");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.values = values;
    }

    /** A table from explicit values keyed by {@link #pairKey(String, String)}-style "A-B" strings. */
    public static PairTable of(String name, String unit, Map<String, ? extends Number> values) {
        TreeMap<String, Double> copy = new TreeMap<>();
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            String[] ab = e.getKey().split("-", -1);
            if (ab.length != 2) {
                throw new IllegalArgumentException(name + ": pair key must be 'A-B': " + e.getKey());
            }
            put(copy, ab[0], ab[1], e.getValue().doubleValue(), name);
        }
        return new PairTable(name, unit, Collections.unmodifiableMap(copy));
    }

    /** Reads a table with columns {@code symbol_a}, {@code symbol_b} and {@code column}. */
    public static PairTable load(String file, String column, String unit) {
        String[] header = DataFiles.csvHeader(file);
        int a = ElementTable.columnIndex(header, "symbol_a", file);
        int b = ElementTable.columnIndex(header, "symbol_b", file);
        int v = ElementTable.columnIndex(header, column, file);
        TreeMap<String, Double> values = new TreeMap<>();
        for (String[] row : DataFiles.csvRows(file)) {
            double value;
            try {
                value = Double.parseDouble(row[v]);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + ": pair " + row[a] + "-" + row[b] + " is not a number: " + row[v], e);
            }
            put(values, row[a], row[b], value, file);
        }
        return new PairTable(file + ":" + column, unit, Collections.unmodifiableMap(values));
    }

    private static void put(Map<String, Double> map, String a, String b, double value, String table) {
        ElementTable.checkedSymbol(a, table);
        ElementTable.checkedSymbol(b, table);
        if (a.equals(b)) {
            throw new IllegalArgumentException(table + ": a pair needs two different elements: " + a);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(table + ": value of " + a + "-" + b + " must be finite: " + value);
        }
        if (map.put(pairKey(a, b), value) != null) {
            throw new IllegalArgumentException(table + ": pair " + pairKey(a, b) + " appears twice");
        }
    }

    /** The canonical name of a pair: the two symbols in alphabetical order joined by '-', e.g. {@code Co-Ni}. */
    public static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public boolean has(String a, String b) {
        return values.containsKey(pairKey(a, b));
    }

    /** The value for the pair in either order, in {@link #unit()}, or NaN if the table has none. */
    public double valueOf(String a, String b) {
        Double v = values.get(pairKey(a, b));
        return v == null ? Double.NaN : v;
    }

    public int size() {
        return values.size();
    }

    @Override
    public String toString() {
        return "PairTable[" + name + ", " + unit + ", " + values.size() + " pairs]";
    }
}
