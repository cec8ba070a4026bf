package org.matscreen.core.screening;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.structure.Prototype;

/**
 * Which part of a campaign's method computes each property metric, so that a filter or objective on a metric the
 * method never computes is refused before any work (it would otherwise be unknown for every candidate, and every
 * candidate would fail the filter). Composition descriptors and the relaxation's own results need nothing.
 */
public final class MetricRequirements {
    /** Metrics of the E(V) scan ({@code method.properties.eos}). */
    private static final List<String> EOS = List.of("bulk_modulus_gpa", "bulk_modulus_prime",
            "eos_rms_residual_ev_per_atom");

    /**
     * Metrics of the finite-strain elastic constants ({@code method.properties.elastic}); computed for cubic
     * prototypes only (C11, C12, C44 and the cubic shear and Pugh ratio are defined for them).
     */
    private static final List<String> ELASTIC = List.of("c11_gpa", "c12_gpa", "c44_gpa", "cubic_deviation_gpa",
            "shear_modulus_gpa", "pugh_ratio");

    private static final Map<String, String> SWITCH = Map.of("eos", "method.properties.eos", "elastic",
            "method.properties.elastic");

    private MetricRequirements() {}

    /**
     * Why the method leaves {@code metric} unknown for every candidate, or empty if it computes it for some.
     *
     * @param prototypes the campaign's prototypes
     */
    public static Optional<String> unmet(String metric, PropertySettings properties,
            Collection<Prototype> prototypes) {
        if (EOS.contains(metric) && !properties.equationOfState()) {
            return Optional.of(metric + " comes from the equation-of-state scan, which this campaign turns off ("
                    + SWITCH.get("eos") + " is false): set eos: true, or drop the " + metric + " criterion");
        }
        if (ELASTIC.contains(metric)) {
            if (!properties.elasticConstants()) {
                return Optional.of(metric + " comes from the elastic constants, which this campaign turns off ("
                        + SWITCH.get("elastic") + " is false): set elastic: true, or drop the " + metric
                        + " criterion");
            }
            if (prototypes.stream().noneMatch(Prototype::isCubic)) {
                return Optional.of(metric + " is computed for cubic cells (fcc, bcc) only, and this campaign has"
                        + " none: add a cubic prototype, or drop the " + metric + " criterion");
            }
        }
        return Optional.empty();
    }
}
