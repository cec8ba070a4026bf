package org.matscreen.core.screening;

import java.io.Serializable;
import java.util.Locale;
import org.matscreen.core.error.InvalidInputException;

/** A screening objective: minimise or maximise one metric. */
public record Objective(String metric, boolean maximise) implements Serializable {

    /** Parses {@code min <metric>} / {@code max <metric>} (also {@code minimise}/{@code maximize} and friends). */
    public static Objective parse(String text, String source, String field) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
        if (parts.length == 2) {
            String dir = parts[0].toLowerCase(Locale.ROOT);
            boolean max = dir.startsWith("max");
            if (max || dir.startsWith("min")) {
                String key = parts[1].toLowerCase(Locale.ROOT);
                Metrics.require(key, source, field);
                return new Objective(key, max);
            }
        }
        throw new InvalidInputException(source, field, "expected 'min <metric>' or 'max <metric>', got '" + text + "'");
    }

    /** The metric oriented so that smaller is better (NaN, i.e. unknown, stays NaN). */
    public double cost(double metricValue) {
        return maximise ? -metricValue : metricValue;
    }

    @Override
    public String toString() {
        return (maximise ? "max " : "min ") + metric;
    }
}
