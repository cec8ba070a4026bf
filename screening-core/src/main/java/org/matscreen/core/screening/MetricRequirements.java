package org.matscreen.core.screening;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import org.matscreen.core.properties.PropertyCalculation;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.structure.Prototype;

/**
 * Whether a campaign's method computes a metric at all, so that a filter or objective on a metric the method never
 * computes is refused before any work (it would otherwise be unknown for every candidate, and every candidate would
 * fail the filter). The registered property that declares the metric says whether the settings switch it on and for
 * which prototypes it is computed; composition descriptors need nothing.
 */
public final class MetricRequirements {
    private MetricRequirements() {}

    /**
     * Why the method leaves {@code metric} unknown for every candidate, or empty if it computes it for some.
     *
     * @param prototypes the campaign's prototypes
     */
    public static Optional<String> unmet(String metric, RelaxSettings relax, PropertySettings properties,
            Collection<Prototype> prototypes) {
        PropertyCalculation p = PropertyRegistry.declaring(metric);
        if (p == null) {
            return Optional.empty(); // a composition descriptor
        }
        if (!p.enabled(relax, properties)) {
            return Optional.of(metric + " comes from " + p.source() + ", which this campaign turns off ("
                    + p.offWhen() + "): switch it on, or drop the " + metric + " criterion");
        }
        if (prototypes.stream().noneMatch(proto -> p.computes(metric, proto))) {
            String where = java.util.Arrays.stream(Prototype.values()).filter(proto -> p.computes(metric, proto))
                    .map(Prototype::key).collect(Collectors.joining(", "));
            return Optional.of(metric + " is computed for " + where + " cells only, and this campaign has none:"
                    + " add such a prototype, or drop the " + metric + " criterion");
        }
        return Optional.empty();
    }
}
