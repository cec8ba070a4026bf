package org.matscreen.core.sim;

import java.io.Serializable;
import org.matscreen.core.structure.Structure;

/**
 * Raw results of one calculation as a simulation code returns them; derived properties (moduli, enthalpies) are
 * computed from these in pure Java by {@code org.matscreen.core.properties}.
 *
 * @param status {@link Status#OK} or the failure kind
 * @param errorText the code's own error text (LAMMPS {@code ERROR:} and {@code Last command:} lines), or empty
 * @param relaxed the relaxed structure (null unless OK)
 * @param energyEv total potential energy of the relaxed cell, eV
 * @param relaxation how the relaxation went (null unless OK)
 * @param eosVolumesA3PerAtom volumes of the E(V) scan, Å³/atom (empty if not computed)
 * @param eosEnergiesEvPerAtom energies of the E(V) scan, eV/atom
 * @param elastic stresses under finite strain (null if not computed)
 * @param nativeSeconds time spent inside the simulation code, s
 * @param codeVersion the code's version as the library reports it, e.g. "LAMMPS 20210929"
 */
public record CalculationOutcome(String candidateId, Status status, String errorText, Structure relaxed,
        double energyEv, Relaxation relaxation, double[] eosVolumesA3PerAtom, double[] eosEnergiesEvPerAtom,
        StrainStress elastic, double nativeSeconds, String codeVersion) implements Serializable {

    public CalculationOutcome {
        errorText = errorText == null ? "" : errorText;
        eosVolumesA3PerAtom = eosVolumesA3PerAtom == null ? new double[0] : eosVolumesA3PerAtom;
        eosEnergiesEvPerAtom = eosEnergiesEvPerAtom == null ? new double[0] : eosEnergiesEvPerAtom;
        if (eosVolumesA3PerAtom.length != eosEnergiesEvPerAtom.length) {
            throw new IllegalArgumentException("EOS volumes and energies differ in length");
        }
        if (status == Status.OK && (relaxed == null || relaxation == null)) {
            throw new IllegalArgumentException("an OK outcome needs the relaxed structure and relaxation record");
        }
    }

    /** A failed outcome with the code's error text. */
    public static CalculationOutcome failure(String candidateId, Status status, String errorText, double nativeSeconds,
            String codeVersion) {
        if (status == Status.OK) {
            throw new IllegalArgumentException("a failure cannot have status OK");
        }
        return new CalculationOutcome(candidateId, status, errorText, null, Double.NaN, null, null, null, null,
                nativeSeconds, codeVersion);
    }

    public double energyPerAtomEv() {
        return energyEv / relaxed.siteCount();
    }
}
