package org.matscreen.core.descriptors;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.matscreen.core.util.DataFiles;

/** Element prices with the year each was read (see {@link ElementPrice}); an element without a price is absent. */
public final class PriceTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Map<String, ElementPrice> prices;

    private PriceTable(String name, Map<String, ElementPrice> prices) {
        this.name = name;
        this.prices = prices;
    }

    public static PriceTable of(String name, Map<String, ElementPrice> prices) {
        TreeMap<String, ElementPrice> copy = new TreeMap<>();
        prices.forEach((symbol, price) -> copy.put(ElementTable.checkedSymbol(symbol, name), price));
        return new PriceTable(name, Collections.unmodifiableMap(copy));
    }

    /**
     * Reads a table with columns {@code symbol, price_usd_per_kg, year, month, source, note} (the layout of
     * {@code prices_pymatgen_costdb.csv}).
     */
    public static PriceTable load(String file) {
        String[] header = DataFiles.csvHeader(file);
        int symbol = ElementTable.columnIndex(header, "symbol", file);
        int price = ElementTable.columnIndex(header, "price_usd_per_kg", file);
        int year = ElementTable.columnIndex(header, "year", file);
        int month = ElementTable.columnIndex(header, "month", file);
        int source = ElementTable.columnIndex(header, "source", file);
        int note = ElementTable.columnIndex(header, "note", file);
        TreeMap<String, ElementPrice> prices = new TreeMap<>();
        for (String[] row : DataFiles.csvRows(file)) {
            ElementPrice p;
            try {
                p = new ElementPrice(Double.parseDouble(row[price]), Integer.parseInt(row[year]), row[month],
                        row[source], note < row.length ? row[note] : "");
            } catch (RuntimeException e) {
                throw new IllegalStateException(file + ": bad price row for " + row[symbol] + ": " + String.join(",", row), e);
            }
            if (prices.put(ElementTable.checkedSymbol(row[symbol], file), p) != null) {
                throw new IllegalStateException(file + ": element " + row[symbol] + " appears twice");
            }
        }
        return new PriceTable(file, Collections.unmodifiableMap(prices));
    }

    public String name() {
        return name;
    }

    public Optional<ElementPrice> find(String symbol) {
        return Optional.ofNullable(prices.get(symbol));
    }

    /** Every element's price, by symbol, alphabetical. */
    public Map<String, ElementPrice> prices() {
        return prices;
    }

    public boolean has(String symbol) {
        return prices.containsKey(symbol);
    }

    @Override
    public String toString() {
        return "PriceTable[" + name + ", " + prices.size() + " elements]";
    }
}
