package org.matscreen.core.properties;

import static org.matscreen.core.properties.PropertyColumn.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Step;
import org.matscreen.core.sim.StrainStress;
import org.matscreen.core.structure.Prototype;

/**
 * The relaxed-ion elastic tensor from ± strains along all six Voigt components, projected on the prototype's
 * symmetry (cubic: C11, C12, C44; hexagonal: C11, C12, C13, C33, C44, C66), the moduli derived from it and the Born
 * criteria (see {@link ElasticConstants}).
 */
final class ElasticTensorProperty implements PropertyCalculation {

    @Override
    public String name() {
        return "elastic-tensor";
    }

    @Override
    public String source() {
        return "the elastic constants";
    }

    @Override
    public String offWhen() {
        return "method.properties.elastic is false";
    }

    @Override
    public String description() {
        return "relaxed-ion elastic tensor from ± strains along the six Voigt components, moduli and Born stability";
    }

    @Override
    public boolean enabled(RelaxSettings relax, PropertySettings settings) {
        return settings.elasticConstants();
    }

    @Override
    public Set<Step> steps(RelaxSettings relax, PropertySettings settings) {
        return Set.of(Step.STRAIN_SET);
    }

    @Override
    public List<PropertyColumn> columns() {
        return List.of(
                number("c11_gpa", "GPa", "elastic constant C11 (averaged over the prototype's equivalent entries)"),
                number("c12_gpa", "GPa", "elastic constant C12"),
                number("c13_gpa", "GPa", "elastic constant C13 (hcp only; C12 for cubic crystals)"),
                number("c33_gpa", "GPa", "elastic constant C33 (hcp only; C11 for cubic crystals)"),
                number("c44_gpa", "GPa", "elastic constant C44"),
                number("c66_gpa", "GPa", "elastic constant C66 (hcp only; (C11 − C12)/2 in an ideal hcp crystal)"),
                number("elastic_symmetry_deviation_gpa", "GPa",
                        "largest deviation of the symmetrised tensor from its cubic or hexagonal projection"),
                number("elastic_min_eigenvalue_gpa", "GPa",
                        "smallest eigenvalue of the symmetrised 6×6 tensor (negative: unstable against some strain)"),
                number("bulk_modulus_cij_gpa", "GPa",
                        "Reuss bulk modulus of the projected tensor (Voigt = Reuss for cubic), the E(V) scan's analogue"),
                number("shear_modulus_gpa", "GPa", "Voigt–Reuss–Hill shear modulus"),
                number("pugh_ratio", "", "Pugh ratio B/G (Hill averages)"),
                PropertyColumn.bool("mechanically_stable", "the projected constants meet the Born criteria of the"
                        + " prototype's symmetry (cubic: C11 − C12 > 0, C11 + 2 C12 > 0, C44 > 0; hexagonal:"
                        + " C11 > |C12|, 2 C13² < C33 (C11 + C12), C44 > 0, C66 > 0)"),
                new PropertyColumn("elastic_tensor_gpa", PropertyColumn.Kind.LIST_DOUBLE, "GPa",
                        "symmetrised relaxed-ion elastic tensor, 6×6 in Voigt order row by row"));
    }

    /** C13, C33 and C66 are independent constants of hexagonal cells only (cubic: C12, C11 and C44). */
    @Override
    public boolean computes(String column, Prototype prototype) {
        return prototype == Prototype.HCP || !List.of("c13_gpa", "c33_gpa", "c66_gpa").contains(column);
    }

    @Override
    public List<RecordFlag> flags() {
        return List.of(RecordFlag.MECHANICALLY_UNSTABLE);
    }

    @Override
    public void derive(PropertyInput in, CandidateProperties.Builder out) {
        StrainStress s = in.outcome().elastic();
        if (s == null) {
            return; // not computed on an unconverged relaxation; UNCONVERGED says so
        }
        double[][] c = s.stiffnessGpa();
        ElasticConstants ec = ElasticConstants.fromTensor(c, in.prototype() == Prototype.HCP);
        List<Double> tensor = new ArrayList<>();
        for (double[] row : ElasticConstants.symmetrised(c)) {
            for (double x : row) {
                tensor.add(x);
            }
        }
        boolean stable = ec.mechanicallyStable();
        out.put("c11_gpa", ec.c11Gpa()).put("c12_gpa", ec.c12Gpa()).put("c44_gpa", ec.c44Gpa())
                .put("elastic_symmetry_deviation_gpa", ec.symmetryDeviationGpa())
                .put("elastic_min_eigenvalue_gpa", ElasticConstants.smallestEigenvalueGpa(c))
                .put("mechanically_stable", stable)
                .put("elastic_tensor_gpa", tensor);
        if (ec.hexagonal()) {
            out.put("c13_gpa", ec.c13Gpa()).put("c33_gpa", ec.c33Gpa()).put("c66_gpa", ec.c66Gpa());
        }
        out.put("bulk_modulus_cij_gpa", ec.bulkReussGpa());
        if (stable) {
            // The shear averages of a shear-unstable tensor are not physical (a negative Reuss shear modulus).
            out.put("shear_modulus_gpa", ec.shearHillGpa()).put("pugh_ratio", ec.pughRatio());
        } else {
            out.flag(RecordFlag.MECHANICALLY_UNSTABLE);
        }
    }
}
