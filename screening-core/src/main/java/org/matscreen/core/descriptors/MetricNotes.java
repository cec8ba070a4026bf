package org.matscreen.core.descriptors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What has to be said next to a descriptor wherever it is a criterion, an objective or a column (plan, tables,
 * report): the year and scope of the data behind it and the known weaknesses of particular element values, all read
 * from the data tables themselves. For prices: the years of the prices used and each element's caveat (Fe's ore-like
 * price). For the footprints: source, year and scope, and the elements without a value.
 */
public final class MetricNotes {
    private MetricNotes() {}

    /** The notes on {@code metric} with the shipped data; see {@link #of(String, Collection, DescriptorData)}. */
    public static List<String> of(String metric, Collection<String> elements) {
        return of(metric, elements, DescriptorData.standard());
    }

    /**
     * The notes on {@code metric}, one line each, starting with the metric's key; empty for a metric that needs none.
     *
     * @param elements the elements in scope (a campaign's, a table's); null when unknown, which means every element of
     *     the data table
     */
    public static List<String> of(String metric, Collection<String> elements, DescriptorData data) {
        List<String> out = new ArrayList<>();
        if (metric.equals(DescriptorRegistry.PRICE)) {
            prices(data.prices(), elements, out);
        } else if (metric.equals(DescriptorRegistry.CO2) || metric.equals(DescriptorRegistry.EMBODIED_ENERGY)) {
            ElementTable table = metric.equals(DescriptorRegistry.CO2) ? data.co2KgPerKg()
                    : data.embodiedEnergyMjPerKg();
            out.add(metric + ": Nuss & Eckelman (2014), 2008 global averages of primary metal, cradle to gate"
                    + " (recycled content, regional grids and alloy making not included)");
            if (elements != null) {
                TreeSet<String> none = new TreeSet<>();
                elements.stream().filter(e -> Double.isNaN(table.valueOf(e))).forEach(none::add);
                if (!none.isEmpty()) {
                    out.add(metric + ": unknown for alloys with " + String.join(", ", none)
                            + " (no value in the data)");
                }
            }
        }
        return out;
    }

    private static void prices(PriceTable table, Collection<String> elements, List<String> out) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        List<String> caveats = new ArrayList<>();
        for (Map.Entry<String, ElementPrice> e : table.prices().entrySet()) {
            if (elements != null && !elements.contains(e.getKey())) {
                continue;
            }
            ElementPrice p = e.getValue();
            min = Math.min(min, p.year());
            max = Math.max(max, p.year());
            if (!p.note().isBlank()) {
                caveats.add(String.format(Locale.ROOT, "%s: %s at %.4g USD/kg (%d) is %s", DescriptorRegistry.PRICE,
                        e.getKey(), p.usdPerKg(), p.year(), p.note()));
            }
        }
        if (min <= max) {
            out.add(DescriptorRegistry.PRICE + ": element prices of " + (min == max ? "" + min : min + "–" + max)
                    + " (pymatgen costdb), nominal USD, not adjusted for inflation");
        }
        out.addAll(caveats);
    }
}
