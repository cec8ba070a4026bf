package org.matscreen.core.properties;

import static org.matscreen.core.properties.PropertyColumn.number;

import java.util.List;
import java.util.Set;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Step;

/**
 * Birch–Murnaghan fit of the E(V) scan along the hydrostatic path: B0 is the bulk modulus ranking uses
 * ({@code bulk_modulus_gpa}). With the default ±2 % window it agrees with the Reuss bulk modulus of the elastic
 * tensor ({@code bulk_modulus_cij_gpa}) within 1 % for the 17 Zhou 2004 metals in their ground states.
 */
final class EquationOfStateProperty implements PropertyCalculation {

    @Override
    public String name() {
        return "equation-of-state";
    }

    @Override
    public String source() {
        return "the equation-of-state scan";
    }

    @Override
    public String offWhen() {
        return "method.properties.eos is false";
    }

    @Override
    public String description() {
        return "third-order Birch–Murnaghan fit of E(V) along the hydrostatic path around the primary relaxed volume";
    }

    @Override
    public boolean enabled(RelaxSettings relax, PropertySettings settings) {
        return settings.equationOfState();
    }

    @Override
    public Set<Step> steps(RelaxSettings relax, PropertySettings settings) {
        return Set.of(Step.EOS_SCAN);
    }

    @Override
    public List<PropertyColumn> columns() {
        return List.of(
                number("bulk_modulus_gpa", "GPa", "Birch–Murnaghan B0 of the E(V) scan along the hydrostatic path"
                        + " (the bulk modulus ranking objectives use)"),
                number("bulk_modulus_prime", "", "Birch–Murnaghan B0'"),
                number("eos_rms_residual_ev_per_atom", "eV/atom", "RMS residual of the Birch–Murnaghan fit"));
    }

    @Override
    public List<RecordFlag> flags() {
        return List.of();
    }

    @Override
    public void derive(PropertyInput in, CandidateProperties.Builder out) {
        CalculationOutcome o = in.outcome();
        if (o.eosVolumesA3PerAtom().length < 5) {
            if (o.relaxation().converged()) {
                in.note("equation of state unknown: the E(V) scan has fewer than 5 points");
            }
            return;
        }
        try {
            BirchMurnaghan.Fit fit = BirchMurnaghan.fit(o.eosVolumesA3PerAtom(), o.eosEnergiesEvPerAtom());
            out.put("bulk_modulus_gpa", fit.b0Gpa())
                    .put("bulk_modulus_prime", fit.b0Prime())
                    .put("eos_rms_residual_ev_per_atom", fit.rmsResidualEv());
        } catch (RuntimeException fitError) {
            in.note("equation-of-state fit failed: " + fitError.getMessage());
        }
    }
}
