package org.matscreen.core.properties;

import org.matscreen.core.composition.Composition;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;

/** Turns a simulation code's raw outcome into {@link CandidateProperties}; pure Java, code-agnostic. */
public final class PropertyAnalysis {
    private PropertyAnalysis() {}

    public static CandidateProperties analyse(CalculationOutcome outcome, StructureRecipe recipe,
            ReferenceEnergies references) {
        return analyse(outcome, recipe, references, note -> { });
    }

    /**
     * As {@link #analyse(CalculationOutcome, StructureRecipe, ReferenceEnergies)}; a property that cannot be derived
     * (e.g. an E(V) scan without a minimum) is left unknown (NaN) and the reason is passed to {@code notes}.
     */
    public static CandidateProperties analyse(CalculationOutcome outcome, StructureRecipe recipe,
            ReferenceEnergies references, java.util.function.Consumer<String> notes) {
        if (outcome.status() != Status.OK) {
            throw new IllegalArgumentException("no properties for a " + outcome.status().key() + " outcome");
        }
        Prototype p = recipe.prototype();
        Supercell sc = recipe.supercell();
        Lattice l = outcome.relaxed().lattice();
        int n = outcome.relaxed().siteCount();
        double e = outcome.energyEv() / n;
        double v = l.volume() / n;
        Composition c = outcome.relaxed().composition();
        double mixing = references == null ? Double.NaN
                : references.weightedEnergy(c, p).map(ref -> e - ref).orElse(Double.NaN);
        double formation = references == null ? Double.NaN
                : references.weightedGroundStateEnergy(c).map(ref -> e - ref).orElse(Double.NaN);

        double b0 = Double.NaN;
        double b0p = Double.NaN;
        double rms = Double.NaN;
        if (outcome.eosVolumesA3PerAtom().length >= 5) {
            try {
                BirchMurnaghan.Fit fit = BirchMurnaghan.fit(outcome.eosVolumesA3PerAtom(),
                        outcome.eosEnergiesEvPerAtom());
                b0 = fit.b0Gpa();
                b0p = fit.b0Prime();
                rms = fit.rmsResidualEv();
            } catch (RuntimeException fitError) {
                notes.accept("equation-of-state fit failed: " + fitError.getMessage());
            }
        }
        double c11 = Double.NaN;
        double c12 = Double.NaN;
        double c44 = Double.NaN;
        double dev = Double.NaN;
        double g = Double.NaN;
        double pugh = Double.NaN;
        if (outcome.elastic() != null && p.isCubic()) {
            ElasticConstants ec = ElasticConstants.fromTensor(outcome.elastic().stiffnessGpa());
            c11 = ec.c11Gpa();
            c12 = ec.c12Gpa();
            c44 = ec.c44Gpa();
            dev = ec.cubicDeviationGpa();
            g = ec.shearHillGpa();
            pugh = ec.pughRatio();
        }
        return new CandidateProperties(e, v, l.length(0) / sc.na(), l.length(1) / sc.nb(), l.length(2) / sc.nc(),
                p.latticeParameterForVolume(v), mixing, formation, outcome.relaxed().densityGPerCm3(), b0, b0p, rms,
                c11, c12, c44, dev, g, pugh);
    }
}
