package org.matscreen.core.adaptive;

import java.util.Map;
import java.util.TreeMap;

/**
 * A committed candidate as a strategy sees it: its index in the campaign's enumeration and the values of the metrics
 * it was simulated for (NaN or absent where the simulation failed). Every observation counts against the budget.
 */
public record Observation(long index, Map<String, Double> values) {
    public Observation {
        values = new TreeMap<>(values);
    }

    /** The value of a metric, NaN if unknown. */
    public double value(String metric) {
        Double v = values.get(metric);
        return v == null ? Double.NaN : v;
    }
}
