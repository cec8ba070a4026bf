package org.matscreen.core.sim;

import java.io.Serializable;
import org.matscreen.core.structure.Structure;

/**
 * Raw results of one calculation as a simulation code returns them; derived properties (moduli, enthalpies,
 * structure identity) are computed from these in pure Java by {@code org.matscreen.core.properties}.
 *
 * @param status {@link Status#OK} or the failure kind
 * @param errorText the code's own error text (LAMMPS {@code ERROR:} and {@code Last command:} lines), or empty
 * @param relaxed the primary relaxed structure (null unless OK)
 * @param energyEv total potential energy of the primary relaxed cell, eV
 * @param relaxation how the primary relaxation went (null unless OK)
 * @param siteClasses local structure of every site of the primary relaxed cell
 *     ({@link org.matscreen.core.structure.LocalStructure#code()}); empty if {@link Step#LOCAL_STRUCTURE} was not
 *     run
 * @param eosVolumesA3PerAtom volumes of the E(V) scan, Å³/atom (empty if not computed)
 * @param eosEnergiesEvPerAtom energies of the E(V) scan, eV/atom
 * @param elastic stresses under finite strain (null if not computed)
 * @param free the free relaxation of the instability probe (null unless requested)
 * @param nativeSeconds time spent inside the simulation code, s
 * @param codeVersion the code's version as the library reports it, e.g. "LAMMPS 20210929"
 * @param magneticMomentMuB total magnetic moment of the primary relaxed cell, μB (NaN when the code does not compute
 *     spin, e.g. a classical potential)
 */
public record CalculationOutcome(String candidateId, Status status, String errorText, Structure relaxed,
        double energyEv, Relaxation relaxation, int[] siteClasses, double[] eosVolumesA3PerAtom,
        double[] eosEnergiesEvPerAtom, StrainStress elastic, RelaxedState free, double nativeSeconds,
        String codeVersion, double magneticMomentMuB) implements Serializable {

    /** An outcome without a magnetic moment (classical potentials). */
    public CalculationOutcome(String candidateId, Status status, String errorText, Structure relaxed, double energyEv,
            Relaxation relaxation, int[] siteClasses, double[] eosVolumesA3PerAtom, double[] eosEnergiesEvPerAtom,
            StrainStress elastic, RelaxedState free, double nativeSeconds, String codeVersion) {
        this(candidateId, status, errorText, relaxed, energyEv, relaxation, siteClasses, eosVolumesA3PerAtom,
                eosEnergiesEvPerAtom, elastic, free, nativeSeconds, codeVersion, Double.NaN);
    }

    public CalculationOutcome {
        errorText = errorText == null ? "" : errorText;
        siteClasses = siteClasses == null ? new int[0] : siteClasses;
        eosVolumesA3PerAtom = eosVolumesA3PerAtom == null ? new double[0] : eosVolumesA3PerAtom;
        eosEnergiesEvPerAtom = eosEnergiesEvPerAtom == null ? new double[0] : eosEnergiesEvPerAtom;
        if (eosVolumesA3PerAtom.length != eosEnergiesEvPerAtom.length) {
            throw new IllegalArgumentException("EOS volumes and energies differ in length");
        }
        if (status == Status.OK && (relaxed == null || relaxation == null)) {
            throw new IllegalArgumentException("an OK outcome needs the relaxed structure and relaxation record");
        }
        if (relaxed != null && siteClasses.length != 0 && siteClasses.length != relaxed.siteCount()) {
            throw new IllegalArgumentException("one local-structure class per site");
        }
    }

    /** A failed outcome with the code's error text. */
    public static CalculationOutcome failure(String candidateId, Status status, String errorText, double nativeSeconds,
            String codeVersion) {
        if (status == Status.OK) {
            throw new IllegalArgumentException("a failure cannot have status OK");
        }
        return new CalculationOutcome(candidateId, status, errorText, null, Double.NaN, null, null, null, null, null,
                null, nativeSeconds, codeVersion);
    }

    /** Magnetic moment per atom of the primary relaxed cell, μB/atom (NaN when not computed). */
    public double magneticMomentPerAtomMuB() {
        return relaxed == null ? Double.NaN : magneticMomentMuB / relaxed.siteCount();
    }

    public double energyPerAtomEv() {
        return energyEv / relaxed.siteCount();
    }

    /** The primary relaxed cell as a {@link RelaxedState}. */
    public RelaxedState primary() {
        return new RelaxedState(relaxed, energyEv, relaxation, siteClasses);
    }
}
