package org.matscreen.core.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.RelaxedState;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.Step;
import org.matscreen.core.sim.StrainStress;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.LocalStructure;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Structure;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;

/** The property seam: steps from settings, columns from properties, values and flags from raw outcomes. */
class PropertyRegistryTest {
    static final StructureRecipe FCC = StructureRecipe.random(Prototype.FCC, new Supercell(2, 2, 2), 0);
    static final Structure CELL = SupercellBuilder.build(Composition.parse("Cu0.5Ni0.5"), FCC, 3.58, 1).structure();
    static final Relaxation CONVERGED = new Relaxation(true, 1, 200, "force tolerance", 0, 1e-7, 0.01);

    static int[] all(LocalStructure s) {
        int[] c = new int[32];
        Arrays.fill(c, s.code());
        return c;
    }

    static StrainStress strains(double[][] c) {
        double e = 0.005;
        double[][] plus = new double[6][6];
        double[][] minus = new double[6][6];
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 6; i++) {
                plus[j][i] = c[i][j] * e;
                minus[j][i] = -c[i][j] * e;
            }
        }
        return new StrainStress(e, plus, minus);
    }

    static CalculationOutcome outcome(Relaxation r, int[] classes, StrainStress elastic, RelaxedState free) {
        return new CalculationOutcome("c", Status.OK, "", CELL, -4.0 * 32, r, classes, null, null, elastic, free, 1,
                "test");
    }

    @Test
    void stepsFollowTheSettings() {
        assertEquals(EnumSet.allOf(Step.class), PropertyRegistry.steps(RelaxSettings.DEFAULT, PropertySettings.DEFAULT));
        Set<Step> free = PropertyRegistry.steps(RelaxSettings.DEFAULT.withMode(RelaxMode.FREE), PropertySettings.NONE);
        assertEquals(EnumSet.of(Step.RELAX_FREE, Step.LOCAL_STRUCTURE), free);
        Set<Step> fixed = PropertyRegistry.steps(RelaxSettings.DEFAULT.withMode(RelaxMode.SHAPE_FIXED),
                new PropertySettings(true, 7, 0.02, false, 0.005));
        assertEquals(EnumSet.of(Step.RELAX_SHAPE_FIXED, Step.LOCAL_STRUCTURE, Step.EOS_SCAN), fixed);
    }

    @Test
    void columnsAreUniqueDocumentedAndTheNumericOnesAreMetrics() {
        Set<String> names = new HashSet<>();
        for (PropertyColumn c : PropertyRegistry.columns()) {
            assertTrue(names.add(c.name()), c.name());
            assertFalse(c.description().isBlank(), c.name());
            assertEquals(c.kind() == PropertyColumn.Kind.DOUBLE, Metrics.isPropertyMetric(c.name()), c.name());
        }
        for (String key : List.of("c13_gpa", "c33_gpa", "c66_gpa", "bulk_modulus_cij_gpa", "cell_shape_strain",
                "free_energy_gain_ev_per_atom", "cna_bcc_fraction")) {
            assertTrue(Metrics.isPropertyMetric(key), key);
        }
        List<RecordFlag> raised = new ArrayList<>();
        PropertyRegistry.standard().forEach(p -> raised.addAll(p.flags()));
        assertEquals(EnumSet.allOf(RecordFlag.class), EnumSet.copyOf(raised), "every flag has a property raising it");
    }

    @Test
    void aRetainedStableCellRaisesNoFlag() {
        CalculationOutcome o = outcome(CONVERGED, all(LocalStructure.FCC),
                strains(ElasticConstants.cubic(200, 120, 90).tensor()),
                new RelaxedState(CELL, -4.0 * 32 - 1e-6, CONVERGED, all(LocalStructure.FCC)));
        List<String> notes = new ArrayList<>();
        CandidateProperties p = PropertyRegistry.analyse(o, FCC, null, RelaxSettings.DEFAULT,
                PropertySettings.DEFAULT, notes::add);
        assertEquals(Set.of(), p.flags());
        assertEquals("fcc", p.text("structure_after"));
        assertEquals(Boolean.TRUE, p.bool("prototype_retained"));
        assertEquals(Boolean.TRUE, p.bool("prototype_stable"));
        assertEquals(Boolean.TRUE, p.bool("mechanically_stable"));
        assertEquals(-4.0, p.energyPerAtomEv(), 1e-12);
        assertEquals(1e-6 / 32, p.number("free_energy_gain_ev_per_atom"), 1e-15);
        assertEquals((200 + 2 * 120) / 3.0, p.number("bulk_modulus_cij_gpa"), 1e-9);
        assertTrue(Double.isNaN(p.number("c13_gpa")), "cubic records carry no C13");
        assertTrue(notes.contains("enthalpies unknown: no pure-element references"), notes.toString());
    }

    @Test
    void transformationInstabilityAndBornViolationAreFlagged() {
        Structure bcc = CELL.withLattice(Lattice.orthorhombic(8.0, 8.0, 8.0 / Math.sqrt(2)));
        CalculationOutcome o = outcome(CONVERGED, all(LocalStructure.OTHER),
                strains(ElasticConstants.cubic(130, 145, 80).tensor()),
                new RelaxedState(bcc, -4.0 * 32 - 0.5, CONVERGED, all(LocalStructure.BCC)));
        CandidateProperties p = PropertyRegistry.analyse(o, FCC, null, RelaxSettings.DEFAULT,
                PropertySettings.DEFAULT, n -> { });
        assertEquals(EnumSet.of(RecordFlag.TRANSFORMED, RecordFlag.PROTOTYPE_UNSTABLE,
                RecordFlag.MECHANICALLY_UNSTABLE), p.flags());
        assertEquals("other", p.text("structure_after"));
        assertEquals("bcc", p.text("free_structure_after"));
        assertEquals(Math.sqrt(2) - 1, p.number("free_cell_shape_strain"), 1e-9);
        assertEquals(Boolean.FALSE, p.bool("mechanically_stable"));
        assertTrue(Double.isNaN(p.number("shear_modulus_gpa")), "no shear modulus from a shear-unstable tensor");
        assertEquals(-15, p.number("elastic_min_eigenvalue_gpa"), 1e-9);
    }

    @Test
    void anUnconvergedRelaxationIsFlaggedAndHasNoScans() {
        Relaxation stuck = new Relaxation(false, 5, 25000, "linesearch alpha is zero", 5, 0.083, 133);
        CandidateProperties p = PropertyRegistry.analyse(outcome(stuck, all(LocalStructure.FCC), null, null), FCC,
                null, RelaxSettings.DEFAULT.withMode(RelaxMode.SHAPE_FIXED), PropertySettings.DEFAULT, n -> { });
        assertEquals(EnumSet.of(RecordFlag.UNCONVERGED), p.flags());
        assertTrue(Double.isNaN(p.number("bulk_modulus_gpa")));
        assertTrue(Double.isNaN(p.number("c11_gpa")));
    }

    @Test
    void enthalpiesNameUnstableReferences() {
        ElasticConstants stable = ElasticConstants.cubic(200, 120, 90);
        ElasticConstants bain = ElasticConstants.cubic(130, 145, 80);
        ReferenceEnergies refs = new ReferenceEnergies("k", List.of(
                new ReferenceEnergies.Entry("Cu", Prototype.FCC, -3.54, 11.8, stable),
                new ReferenceEnergies.Entry("Ni", Prototype.FCC, -4.45, 10.9, stable),
                new ReferenceEnergies.Entry("Cu", Prototype.BCC, -3.50, 12.6, bain),
                new ReferenceEnergies.Entry("Ni", Prototype.BCC, -4.37, 11.0, bain)));
        StructureRecipe bccRecipe = StructureRecipe.random(Prototype.BCC, new Supercell(2, 2, 4), 0);
        CalculationOutcome o = outcome(CONVERGED, all(LocalStructure.FCC), null, null);
        CandidateProperties asFcc = PropertyRegistry.analyse(o, FCC, refs, RelaxSettings.DEFAULT,
                PropertySettings.NONE, n -> { });
        assertEquals(-4.0 - (-3.54 - 4.45) / 2, asFcc.number("dh_mix_ev_per_atom"), 1e-12);
        assertEquals(List.of(), asFcc.values().get("unstable_references"));
        assertFalse(asFcc.has(RecordFlag.UNSTABLE_REFERENCE));
        CandidateProperties asBcc = PropertyRegistry.analyse(o, bccRecipe, refs, RelaxSettings.DEFAULT,
                PropertySettings.NONE, n -> { });
        assertEquals(-4.0 - (-3.50 - 4.37) / 2, asBcc.number("dh_mix_ev_per_atom"), 1e-12);
        assertEquals(List.of("Cu/bcc", "Ni/bcc"), asBcc.values().get("unstable_references"));
        assertTrue(asBcc.has(RecordFlag.UNSTABLE_REFERENCE));
    }

    @Test
    void theBuilderRefusesUndeclaredColumnsAndWrongKinds() {
        assertThrows(IllegalArgumentException.class, () -> CandidateProperties.builder().put("made_up", 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> CandidateProperties.builder().put("prototype_retained", 1.0));
        CandidateProperties p = CandidateProperties.builder().put("c44_gpa", Double.NaN).build();
        assertTrue(p.values().isEmpty(), "NaN means unknown and is left out");
    }
}
