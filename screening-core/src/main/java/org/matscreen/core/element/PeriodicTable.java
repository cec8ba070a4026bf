package org.matscreen.core.element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.util.DataFiles;

/**
 * Elements Z = 1..103 with IUPAC standard atomic weights, read once from {@code data/elements.csv} (source and
 * citation in that file). Element symbols are case-sensitive, as in chemistry: {@code Co} is cobalt, {@code CO} is not
 * an element.
 */
public final class PeriodicTable {
    private static final Map<String, Element> BY_SYMBOL;
    private static final List<Element> BY_Z;

    static {
        Map<String, Element> bySymbol = new LinkedHashMap<>();
        List<Element> byZ = new ArrayList<>();
        for (String[] row : DataFiles.csvRows("elements.csv")) {
            Element e = new Element(row[0], Integer.parseInt(row[1]), Double.parseDouble(row[2]));
            bySymbol.put(e.symbol(), e);
            byZ.add(e);
        }
        BY_SYMBOL = Collections.unmodifiableMap(bySymbol);
        BY_Z = Collections.unmodifiableList(byZ);
    }

    private PeriodicTable() {}

    public static Optional<Element> find(String symbol) {
        return Optional.ofNullable(symbol == null ? null : BY_SYMBOL.get(symbol));
    }

    /** True if {@code symbol} is exactly the symbol of an element (so it is also safe to place in a LAMMPS command). */
    public static boolean isElementSymbol(String symbol) {
        return symbol != null && BY_SYMBOL.containsKey(symbol);
    }

    /**
     * The element with this symbol.
     *
     * @throws InvalidInputException naming {@code source} and {@code field} if there is no such element
     */
    public static Element require(String symbol, String source, String field) {
        Element e = symbol == null ? null : BY_SYMBOL.get(symbol);
        if (e == null) {
            String hint = "";
            if (symbol != null && symbol.length() <= 3) {
                String fixed = symbol.isEmpty() ? symbol
                        : symbol.substring(0, 1).toUpperCase() + symbol.substring(1).toLowerCase();
                if (BY_SYMBOL.containsKey(fixed)) {
                    hint = " (did you mean '" + fixed + "'? symbols are case-sensitive)";
                }
            }
            throw new InvalidInputException(source, field, "unknown element '" + symbol + "'" + hint);
        }
        return e;
    }

    /** Convenience for code paths that have already validated the symbol. */
    public static Element of(String symbol) {
        return require(symbol, "element", "symbol");
    }

    public static Element byAtomicNumber(int z) {
        if (z < 1 || z > BY_Z.size()) {
            throw new IllegalArgumentException("atomic number out of range 1.." + BY_Z.size() + ": " + z);
        }
        return BY_Z.get(z - 1);
    }

    public static List<Element> all() {
        return BY_Z;
    }
}
