package org.matscreen.core.screening;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.properties.PropertyColumn;
import org.matscreen.core.properties.PropertyRegistry;

/**
 * The catalogue of metric keys: the numeric columns of the registered properties
 * ({@link PropertyRegistry#columns()}), plus composition descriptors registered by {@link MetricSource} providers.
 * Criteria and objectives are validated against it before any work starts.
 */
public final class Metrics {
    private static final Map<String, Metric> ALL;
    private static final Set<String> PROPERTY_KEYS = new LinkedHashSet<>();

    static {
        Map<String, Metric> m = new LinkedHashMap<>();
        // Numeric property columns are metrics; they come from the registered properties (one source for all).
        for (PropertyColumn c : PropertyRegistry.columns()) {
            if (c.kind() == PropertyColumn.Kind.DOUBLE) {
                m.put(c.name(), new Metric(c.name(), c.unit(), c.description()));
                PROPERTY_KEYS.add(c.name());
            }
        }
        for (MetricSource src : ServiceLoader.load(MetricSource.class, Metrics.class.getClassLoader())) {
            for (Metric metric : src.metrics()) {
                m.putIfAbsent(metric.key(), metric);
            }
        }
        ALL = Collections.unmodifiableMap(m);
    }

    private Metrics() {}

    /** Every known metric, properties first. */
    public static Map<String, Metric> all() {
        return ALL;
    }

    /** True for a metric a simulation computes (a numeric property column), false for a composition descriptor. */
    public static boolean isPropertyMetric(String key) {
        return PROPERTY_KEYS.contains(key);
    }

    /** The value of a property metric for the given properties (NaN if unknown or properties are null). */
    public static double property(String key, CandidateProperties p) {
        if (!PROPERTY_KEYS.contains(key)) {
            throw new IllegalArgumentException("not a property metric: " + key);
        }
        return p == null ? Double.NaN : p.number(key);
    }

    public static Metric require(String key, String source, String field) {
        Metric m = ALL.get(key);
        if (m == null) {
            throw new InvalidInputException(source, field, "unknown metric '" + key + "' (known: "
                    + String.join(", ", ALL.keySet()) + ")");
        }
        return m;
    }

    /** Property metrics as a key → value map. */
    public static Map<String, Double> propertyValues(CandidateProperties p) {
        Map<String, Double> v = new LinkedHashMap<>();
        PROPERTY_KEYS.forEach(k -> v.put(k, p == null ? Double.NaN : p.number(k)));
        return v;
    }
}
