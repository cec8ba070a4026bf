package org.matscreen.core.properties;

import static org.matscreen.core.properties.PropertyColumn.number;

import java.util.List;
import java.util.Set;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Step;

/**
 * The magnetic moment of the primary relaxed cell, as a spin-polarised DFT calculation gives it (a classical potential
 * has no spin: the value is then unknown, not zero). Per atom, so cells of different size compare; the sign is the
 * code's (a ferromagnetic start gives a positive moment).
 */
final class MagneticMomentProperty implements PropertyCalculation {

    @Override
    public String name() {
        return "magnetic-moment";
    }

    @Override
    public String description() {
        return "total magnetic moment of the primary relaxed cell per atom (spin-polarised DFT)";
    }

    @Override
    public Set<Step> steps(RelaxSettings relax, PropertySettings settings) {
        return Set.of();
    }

    @Override
    public List<PropertyColumn> columns() {
        return List.of(number("magnetic_moment_mu_b_per_atom", "μB/atom", "total magnetic moment of the relaxed"
                + " cell per atom (0 for a calculation without spin; unknown for a classical potential)"));
    }

    @Override
    public List<RecordFlag> flags() {
        return List.of();
    }

    @Override
    public void derive(PropertyInput in, CandidateProperties.Builder out) {
        double m = in.outcome().magneticMomentPerAtomMuB();
        if (Double.isFinite(m)) {
            out.put("magnetic_moment_mu_b_per_atom", m);
        }
    }
}
