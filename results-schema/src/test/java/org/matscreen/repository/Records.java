package org.matscreen.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.result.Provenance;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.StrainStress;
import org.matscreen.core.structure.AtomCounts;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;

/** Record fixtures for repository tests: realistic values in every field. */
public final class Records {
    static final PotentialRef POT = new PotentialRef("CuNi.eam.alloy", "/usr/share/lammps/potentials/CuNi.eam.alloy",
            "9f".repeat(32), "eam/alloy", List.of("Ni", "Cu"), "Onat and Durukanoglu (2014)");
    static final MethodInfo METHOD = new MethodInfo("lammps", PotentialSpec.of(POT), RelaxSettings.DEFAULT,
            PropertySettings.DEFAULT);

    private Records() {}

    public static CandidateResult ok(String formula, long index) {
        Composition c = Composition.parse(formula).normalized();
        StructureRecipe r = StructureRecipe.random(Prototype.FCC, new Supercell(2, 2, 2), 0);
        var s = SupercellBuilder.build(c, r, 3.6, index).structure();
        double[][] plus = new double[6][6];
        double[][] minus = new double[6][6];
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 6; i++) {
                plus[j][i] = 0.1 * i + j + 0.5;
                minus[j][i] = -0.1 * i - j;
            }
        }
        CandidateProperties p = CandidateProperties.builder()
                .put("energy_per_atom_ev", -3.9 - index * 1e-3).put("volume_per_atom_a3", 11.5)
                .put("lattice_a_angstrom", 3.58).put("lattice_b_angstrom", 3.59).put("lattice_c_angstrom", 3.57)
                .put("lattice_parameter_angstrom", 3.58).put("dh_mix_ev_per_atom", 0.03)
                .put("dh_form_ev_per_atom", 0.031).put("density_g_per_cm3", 8.9)
                .put("unstable_references", List.of("Cu/bcc"))
                .put("structure_after", "fcc").put("cna_fcc_fraction", 1.0).put("cna_hcp_fraction", 0.0)
                .put("cna_bcc_fraction", 0.0).put("cna_other_fraction", 0.0).put("cell_c_over_a", 1.0001)
                .put("cell_shape_strain", 2e-4).put("prototype_retained", true)
                .put("free_energy_gain_ev_per_atom", 0.0412).put("free_structure_after", "bcc")
                .put("free_cell_c_over_a", 0.7071).put("free_cell_shape_strain", 0.4142)
                .put("free_lattice_vectors_angstrom", List.of(8.1, 0.0, 0.0, 0.01, 8.1, 0.0, 0.0, 0.02, 5.73))
                .put("free_relax_converged", true).put("prototype_stable", false)
                .put("bulk_modulus_gpa", 160.5).put("bulk_modulus_prime", 4.8)
                .put("eos_rms_residual_ev_per_atom", 2e-6).put("c11_gpa", 205.1).put("c12_gpa", 136.2)
                .put("c44_gpa", 98.5).put("elastic_symmetry_deviation_gpa", 0.6)
                .put("elastic_min_eigenvalue_gpa", 68.9).put("bulk_modulus_cij_gpa", 159.2)
                .put("shear_modulus_gpa", 60.1).put("pugh_ratio", 2.67).put("mechanically_stable", true)
                .flag(RecordFlag.PROTOTYPE_UNSTABLE).flag(RecordFlag.UNSTABLE_REFERENCE)
                .build();
        return new CandidateResult("id" + index, "test", index, c, AtomCounts.of(c, 32).composition(), r, 3.6,
                Status.OK, "", s, p, new Relaxation(true, 1, 300, "force tolerance", 0, 1e-7, 0.01,
                        new double[] {1e-4 * index, -2e-4, 5e-5, 1e-5, -3e-5, 2e-5}),
                new double[] {11, 11.5, 12}, new double[] {-3.8, -3.9, -3.85}, new StrainStress(0.005, plus, minus),
                Map.of("vec", 10.5, "delta_pct", 1.2), new double[][][] {{{0.1, -0.1}, {-0.1, 0.1}}}, METHOD, POT,
                new Provenance("0.1.0", "abc", "LAMMPS 20210929", "host1", 1_700_000_000_000L + index,
                        1_700_000_000_500L + index, 0.5, 0.45, "computed"),
                new Visibility(Visibility.Level.EMBARGOED, LocalDate.of(2027, 6, 30), "groupA"));
    }

    public static CandidateResult crashed(String formula, long index) {
        Composition c = Composition.parse(formula).normalized();
        StructureRecipe r = StructureRecipe.random(Prototype.BCC, new Supercell(3, 3, 3), 0);
        return new CandidateResult("id" + index, "test", index, c, AtomCounts.of(c, 54).composition(), r, 2.9,
                Status.CRASHED, "ERROR: Invalid eam/alloy potential file\nLast command: pair_coeff", null, null, null,
                null, null, null, Map.of(), null, METHOD, POT,
                new Provenance("0.1.0", "abc", "LAMMPS 20210929", "host1", 1L, 2L, 0.1, 0.0, "cache:other"),
                Visibility.PUBLIC);
    }
}
