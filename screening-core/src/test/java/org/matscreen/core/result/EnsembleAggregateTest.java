package org.matscreen.core.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matscreen.core.campaign.EnsembleRanking;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.sim.PotentialEnsemble;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;

/**
 * Per-composition aggregates across the members of an ensemble of potentials, against hand calculations: three
 * members, two orderings each, ΔH_mix and B per record chosen so the sums are exact.
 */
class EnsembleAggregateTest {
    static final PotentialSpec A = new PotentialSpec("kim:A", "ka", "kim", List.of("Cr", "Fe", "Ni"), "A et al.");
    static final PotentialSpec B = new PotentialSpec("kim:B", "kb", "kim", List.of("Cr", "Fe", "Ni"), "B et al.");
    static final PotentialSpec C = new PotentialSpec("zhou2004", "kc", "eam/alloy", List.of("Cr", "Fe", "Ni"), "Zhou");
    static final PotentialEnsemble ENSEMBLE = new PotentialEnsemble(List.of(A, B, C));
    static final Composition X = Composition.parse("Fe0.6Ni0.2Cr0.2");
    static final StructureRecipe RECIPE = StructureRecipe.random(Prototype.FCC, new Supercell(3, 3, 3), 0.02);

    /** A member's record of composition {@code c}, ordering {@code sample}, with ΔH_mix and B. */
    static CandidateResult record(PotentialSpec p, Composition c, int sample, double dhMix, double bulk,
            RecordFlag... flags) {
        MethodInfo method = new MethodInfo("lammps", p, RelaxSettings.DEFAULT, PropertySettings.DEFAULT);
        StructureRecipe recipe = RECIPE.withSample(sample);
        String configuration = CandidateIds.configuration(c, recipe.key());
        CandidateProperties.Builder b = CandidateProperties.builder().put("dh_mix_ev_per_atom", dhMix)
                .put("bulk_modulus_gpa", bulk);
        for (RecordFlag f : flags) {
            b.flag(f);
        }
        return new CandidateResult(CandidateIds.member(configuration, method.key()), "t", 0, c, c, recipe, 3.6,
                Status.OK, "", null, b.build(), null, null, null, null, Map.of(), null, method, null,
                new Provenance("0", "c", "LAMMPS", "h", 0, 1, 1, 1, null), Visibility.PUBLIC, configuration);
    }

    static List<CandidateResult> records() {
        return List.of(record(A, X, 0, 0.010, 180), record(A, X, 1, 0.014, 182),
                record(B, X, 0, 0.020, 170), record(B, X, 1, 0.022, 170),
                record(C, X, 0, -0.005, 150), record(C, X, 1, -0.001, 154));
    }

    static EnsembleAggregate fold(List<CandidateResult> rs) {
        EnsembleAggregate a = null;
        for (CandidateResult r : rs) {
            EnsembleAggregate one = EnsembleAggregate.of(ENSEMBLE, r);
            a = a == null ? one : a.merge(one);
        }
        return a;
    }

    @Test
    void spreadAcrossMembersOfTheirConfigurationMeansByHand() {
        EnsembleAggregate a = fold(records());
        assertEquals(6, a.members());
        assertEquals(6, a.okMembers());
        assertEquals(3, a.okPotentials());
        assertTrue(a.complete());
        assertEquals(List.of("kim:A", "kim:B", "zhou2004"), a.potentials());
        EnsembleAggregate.Spread dh = a.spread("dh_mix_ev_per_atom");
        // member means 0.012, 0.021, -0.003; their mean 0.010; deviations 0.002, 0.011, -0.013:
        // squares 4e-6 + 121e-6 + 169e-6 = 294e-6 over n - 1 = 2 -> variance 147e-6
        assertEquals(3, dh.n());
        assertArrayEquals(new double[] {0.012, 0.021, -0.003}, dh.memberValues(), 1e-15);
        assertEquals(0.010, dh.mean(), 1e-15);
        assertEquals(Math.sqrt(147e-6), dh.std(), 1e-15);
        assertEquals(-0.003, dh.min(), 1e-15);
        assertEquals(0.021, dh.max(), 1e-15);
        assertEquals(0.024, dh.range(), 1e-15);
        // within members: squared deviations 2(0.002)² = 8e-6, 2(0.001)² = 2e-6, 2(0.002)² = 8e-6, one degree of
        // freedom each: pooled variance 18e-6 / 3 = 6e-6
        assertEquals(Math.sqrt(6e-6), dh.configurationStd(), 1e-15);
        EnsembleAggregate.Spread b = a.spread("bulk_modulus_gpa");
        assertEquals((181 + 170 + 152) / 3.0, b.mean(), 1e-12);
        assertEquals(150 + 2, b.min(), 1e-12);
        assertEquals(181, b.max(), 1e-12);
    }

    @Test
    void meanRanksByTheMeanAndWorstByTheLeastFavourableMember() {
        EnsembleAggregate a = fold(records());
        assertEquals(0.010, a.rankingValue("dh_mix_ev_per_atom", EnsembleRanking.MEAN, false), 1e-15);
        assertEquals(0.021, a.rankingValue("dh_mix_ev_per_atom", EnsembleRanking.WORST, false), 1e-15,
                "a minimised metric's worst member is the largest");
        assertEquals(503 / 3.0, a.rankingValue("bulk_modulus_gpa", EnsembleRanking.MEAN, true), 1e-12);
        assertEquals(152, a.rankingValue("bulk_modulus_gpa", EnsembleRanking.WORST, true), 1e-12,
                "a maximised metric's worst member is the smallest");
        Criterion stable = Criterion.parse("dh_mix_ev_per_atom < 0.02", "t", "f");
        assertTrue(a.meets(stable, EnsembleRanking.MEAN), "the mean 0.010 passes");
        assertFalse(a.meets(stable, EnsembleRanking.WORST), "member kim:B's 0.021 does not");
        assertTrue(a.meets(Criterion.parse("dh_mix_ev_per_atom < 0.03", "t", "f"), EnsembleRanking.WORST));
    }

    @Test
    void mergingIsOrderFreeAndAnIncompleteEnsembleIsNotRanked() {
        List<CandidateResult> shuffled = new ArrayList<>(records());
        Collections.reverse(shuffled);
        EnsembleAggregate left = fold(shuffled.subList(0, 3));
        EnsembleAggregate right = fold(shuffled.subList(3, 6));
        EnsembleAggregate both = right.merge(left);
        assertEquals(fold(records()).spread("dh_mix_ev_per_atom").std(), both.spread("dh_mix_ev_per_atom").std(),
                1e-15);
        assertEquals(fold(records()).memberIds(), both.memberIds());

        EnsembleAggregate noZhou = fold(records().subList(0, 4));
        assertFalse(noZhou.complete());
        assertEquals(2, noZhou.okPotentials());
        assertTrue(Double.isNaN(noZhou.spread("dh_mix_ev_per_atom").memberValues()[2]));
        assertTrue(Double.isNaN(noZhou.rankingValue("dh_mix_ev_per_atom", EnsembleRanking.MEAN, false)),
                "a mean without every member is not the ensemble's");
        assertFalse(noZhou.meets(Criterion.parse("dh_mix_ev_per_atom < 1", "t", "f"), EnsembleRanking.MEAN));
    }

    @Test
    void flagsOfAnyMemberAndAForeignPotentialIsRefused() {
        List<CandidateResult> rs = new ArrayList<>(records());
        rs.set(5, record(C, X, 1, -0.001, 154, RecordFlag.TRANSFORMED));
        EnsembleAggregate a = fold(rs);
        assertEquals(Set.of(RecordFlag.TRANSFORMED), a.flags());
        assertEquals(1, a.flagCounts().get(RecordFlag.TRANSFORMED));
        PotentialSpec other = new PotentialSpec("CuNi.eam.alloy", "kd", "eam/alloy", List.of("Cu", "Ni"), "Onat");
        assertThrows(IllegalArgumentException.class, () -> EnsembleAggregate.of(ENSEMBLE, record(other, X, 0, 0, 1)));
    }

    @Test
    void membersShareTheConfigurationIdAndDifferOnlyInTheMethodPart() {
        List<CandidateResult> rs = records();
        String group = AggregateAxis.POTENTIALS.groupOf(rs.get(0));
        for (CandidateResult r : rs) {
            assertEquals(group, AggregateAxis.POTENTIALS.groupOf(r), "one composition group for every member");
        }
        assertEquals(rs.get(0).configurationId(), rs.get(2).configurationId(), "sample 0 of A and B: one cell");
        assertNotEquals(rs.get(0).id(), rs.get(2).id());
        assertNotEquals(rs.get(0).configurationId(), rs.get(1).configurationId(), "another ordering, another cell");
        // the configuration group of sample 1 is the member id of sample 0
        assertEquals(rs.get(0).id(), rs.get(1).groupId());
        assertEquals(rs.get(4).id(), rs.get(5).groupId());
        // a member id never equals the single-potential id of the same composition, recipe and method
        assertNotEquals(CandidateIds.of(X, RECIPE, rs.get(0).method()), rs.get(0).id());
        assertNotEquals(group, AggregateAxis.POTENTIALS.groupOf(record(A, Composition.parse("Fe0.7Ni0.2Cr0.1"), 0,
                0, 1)));
    }

    @Test
    void theEnsembleKeyDependsOnItsMembersInOrder() {
        assertNotEquals(ENSEMBLE.key(), new PotentialEnsemble(List.of(B, A, C)).key());
        assertEquals(1, ENSEMBLE.indexOf("kb"));
        assertEquals(-1, ENSEMBLE.indexOf("kd"));
        assertEquals("kim:A + kim:B + zhou2004", ENSEMBLE.spec().name());
        assertEquals("kim+eam/alloy", ENSEMBLE.spec().pairStyle());
        assertThrows(IllegalArgumentException.class, () -> new PotentialEnsemble(List.of(A, A)));
    }
}
