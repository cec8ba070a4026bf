package org.matscreen.core.descriptors;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.matscreen.core.element.PeriodicTable;
import org.matscreen.core.util.DataFiles;

/**
 * One numeric property per element, read from one of the project's data tables, with its unit. An element the table
 * has no value for is <em>absent</em>: {@link #valueOf(String)} returns NaN and {@link #has(String)} false, so a
 * descriptor built from it becomes unknown instead of using a guessed number.
 */
public final class ElementTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String unit;
    private final Map<String, Double> values;

    private ElementTable(String name, String unit, Map<String, Double> values) {
        this.name = Objects.requireNonNull(name, "name");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.values = values;
    }

    /**
     * A table from explicit values (symbol to value), e.g. for an alternative data set or a test.
     *
     * @throws IllegalArgumentException for a symbol that is not an element or a value that is not finite
     */
    public static ElementTable of(String name, String unit, Map<String, ? extends Number> values) {
        TreeMap<String, Double> copy = new TreeMap<>();
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            copy.put(checkedSymbol(e.getKey(), name), checkedValue(e.getValue().doubleValue(), e.getKey(), name));
        }
        return new ElementTable(name, unit, Collections.unmodifiableMap(copy));
    }

    /**
     * Reads column {@code column} of the data table {@code file} (keyed by its {@code symbol} column). Empty cells are
     * absent values. A malformed shipped table is a build error, so it fails with {@link IllegalStateException}.
     */
    public static ElementTable load(String file, String column, String unit) {
        String[] header = DataFiles.csvHeader(file);
        int symbolColumn = columnIndex(header, "symbol", file);
        int valueColumn = columnIndex(header, column, file);
        TreeMap<String, Double> values = new TreeMap<>();
        for (String[] row : DataFiles.csvRows(file)) {
            String cell = valueColumn < row.length ? row[valueColumn] : "";
            if (cell.isEmpty()) {
                continue;
            }
            String symbol = row[symbolColumn];
            double v;
            try {
                v = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + ": " + column + " of " + symbol + " is not a number: " + cell, e);
            }
            if (values.put(checkedSymbol(symbol, file), checkedValue(v, symbol, file)) != null) {
                throw new IllegalStateException(file + ": element " + symbol + " appears twice");
            }
        }
        return new ElementTable(file + ":" + column, unit, Collections.unmodifiableMap(values));
    }

    static int columnIndex(String[] header, String column, String file) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException(file + " has no column '" + column + "' (header: " + Arrays.toString(header) + ")");
    }

    static String checkedSymbol(String symbol, String table) {
        if (!PeriodicTable.isElementSymbol(symbol)) {
            throw new IllegalArgumentException(table + ": '" + symbol + "' is not an element symbol");
        }
        return symbol;
    }

    private static double checkedValue(double v, String symbol, String table) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(table + ": value of " + symbol + " must be finite: " + v);
        }
        return v;
    }

    /** Where the numbers come from: the data file and column, or the name given to {@link #of}. */
    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public boolean has(String symbol) {
        return values.containsKey(symbol);
    }

    /** The value for an element, in {@link #unit()}, or NaN if the table has none. */
    public double valueOf(String symbol) {
        Double v = values.get(symbol);
        return v == null ? Double.NaN : v;
    }

    /** Elements with a value, alphabetical. */
    public Set<String> symbols() {
        return values.keySet();
    }

    @Override
    public String toString() {
        return "ElementTable[" + name + ", " + unit + ", " + values.size() + " elements]";
    }
}
