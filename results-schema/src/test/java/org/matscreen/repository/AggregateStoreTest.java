package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.result.Aggregate;
import org.matscreen.core.result.AggregateAxis;
import org.matscreen.core.result.CandidateIds;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.repository.schema.RecordRow;

/** The aggregates table: members of one composition summarised, written, published and read back. */
class AggregateStoreTest {
    @TempDir
    Path dir;

    /** Sample s of one composition, with a mixing enthalpy of {@code dh} eV/atom. */
    static CandidateResult sample(int s, double dh, boolean transformed) {
        CandidateResult r = Records.ok("Cu0.5Ni0.5", 1);
        CandidateProperties.Builder b = CandidateProperties.builder();
        r.properties().values().forEach(b::put);
        b.put("dh_mix_ev_per_atom", dh);
        if (transformed) {
            b.flag(RecordFlag.TRANSFORMED);
        }
        // a real id: sample 0's is the content hash every later sample's group id points to
        String id = CandidateIds.of(r.composition(), r.recipe().withSample(s), r.method());
        return new CandidateResult(id, r.campaign(), s, r.composition(), r.cellComposition(),
                r.recipe().withSample(s), r.startingLatticeParameterAngstrom(), r.status(), "", r.relaxed(),
                b.build(), r.relaxation(), r.eosVolumesA3PerAtom(), r.eosEnergiesEvPerAtom(), r.elastic(),
                r.descriptors(), r.warrenCowley(), r.method(), r.potentialFile(), r.provenance(), r.visibility());
    }

    @Test
    void samplesOfOneCompositionAggregateToTheirMeanAndStandardError() {
        double[] dh = {0.031, 0.029, 0.034, 0.027, 0.030};
        List<Aggregate> parts = new ArrayList<>();
        for (int s = 0; s < dh.length; s++) {
            parts.add(Aggregate.of(AggregateAxis.CONFIGURATIONS, sample(s, dh[s], s == 3)));
        }
        // merged in two partial groups, as two partitions would
        Aggregate a = parts.get(0).merge(parts.get(2)).merge(parts.get(4))
                .merge(parts.get(1).merge(parts.get(3)));
        assertEquals(sample(0, 0, false).id(), a.groupId(), "the group of a configuration is sample 0's id");
        assertEquals(5, a.members());
        assertEquals(5, new java.util.HashSet<>(a.memberIds()).size(), "five distinct ids");
        double mean = (0.031 + 0.029 + 0.034 + 0.027 + 0.030) / 5;
        double ss = 0;
        for (double x : dh) {
            ss += (x - mean) * (x - mean);
        }
        double std = Math.sqrt(ss / 4);
        assertEquals(mean, a.metric("dh_mix_ev_per_atom").mean(), 1e-15);
        assertEquals(std / Math.sqrt(5), a.metric("dh_mix_ev_per_atom").sem(), 1e-15);
        assertEquals(1, a.flagCounts().get(RecordFlag.TRANSFORMED));

        RepositoryLayout layout = TestRepositories.layout(dir);
        AggregateStore store = new AggregateStore(layout, AggregateAxis.CONFIGURATIONS);
        var staging = store.newStaging();
        store.writePart(staging, List.of(a));
        store.publish(staging);
        List<RecordRow> rows = store.readAll();
        assertEquals(1, rows.size());
        RecordRow row = rows.get(0);
        double[] stats = AggregateStore.statistics(row, "dh_mix_ev_per_atom");
        assertEquals(mean, stats[0], 1e-15);
        assertEquals(std, stats[1], 1e-15);
        assertEquals(std / Math.sqrt(5), stats[2], 1e-15);
        assertEquals(5, stats[3]);
        assertEquals(List.of("transformed"), row.get("flags"));
        assertEquals(1, row.get(AggregateSchema.flagColumn(RecordFlag.TRANSFORMED)));
        assertEquals(0, row.get(AggregateSchema.flagColumn(RecordFlag.PROTOTYPE_UNSTABLE)));
        assertEquals("Cu0.5Ni0.5", row.get("cell_formula"));

        // a second ranking replaces the table rather than adding to it
        var again = store.newStaging();
        store.writePart(again, List.of(parts.get(0)));
        store.publish(again);
        assertEquals(1, store.readAll().size());
        assertEquals(1, store.readAll().get(0).get("members"));
        assertTrue(AggregateSchema.columns().size() > 4 * 40, "four statistics per metric");
    }

    /** Sample s of Cu0.5Ni0.5 computed by ensemble member {@code p}, with ΔH_mix {@code dh} eV/atom. */
    static CandidateResult member(org.matscreen.core.sim.PotentialSpec p, int s, double dh) {
        CandidateResult r = sample(s, dh, false);
        var method = new org.matscreen.core.result.MethodInfo(r.method().code(), p, r.method().relax(),
                r.method().properties());
        String configuration = CandidateIds.configuration(r.composition(), r.recipe().key());
        return new CandidateResult(CandidateIds.member(configuration, method.key()), r.campaign(), s,
                r.composition(), r.cellComposition(), r.recipe(), r.startingLatticeParameterAngstrom(), r.status(),
                "", r.relaxed(), r.properties(), r.relaxation(), r.eosVolumesA3PerAtom(), r.eosEnergiesEvPerAtom(),
                r.elastic(), r.descriptors(), r.warrenCowley(), method, r.potentialFile(), r.provenance(),
                r.visibility(), configuration);
    }

    @Test
    void thePotentialsTableHoldsEachMembersValueTheirSpreadAndThePooledConfigurationalStd() {
        var a = new org.matscreen.core.sim.PotentialSpec("CuNi.eam.alloy", "ka", "eam/alloy", List.of("Cu", "Ni"),
                "Onat");
        var b = new org.matscreen.core.sim.PotentialSpec("zhou2004", "kb", "eam/alloy", List.of("Cu", "Ni"), "Zhou");
        var ensemble = new org.matscreen.core.sim.PotentialEnsemble(List.of(a, b));
        // member a: 0.010, 0.016 (mean 0.013); member b: 0.030, 0.032, 0.034 (mean 0.032)
        List<CandidateResult> records = List.of(member(a, 0, 0.010), member(b, 0, 0.030), member(a, 1, 0.016),
                member(b, 1, 0.032), member(b, 2, 0.034));
        org.matscreen.core.result.EnsembleAggregate e = null;
        for (CandidateResult r : records) {
            var one = org.matscreen.core.result.EnsembleAggregate.of(ensemble, r);
            e = e == null ? one : e.merge(one);
        }
        RepositoryLayout layout = TestRepositories.layout(dir);
        AggregateStore store = new AggregateStore(layout, AggregateAxis.POTENTIALS);
        var staging = store.newStaging();
        store.writeEnsemblePart(staging, List.of(e));
        store.publish(staging);
        assertTrue(store.table().toString().endsWith("aggregates/potentials"), store.table().toString());
        RecordRow row = store.readAll().get(0);
        assertEquals("potentials", row.get("axis"));
        assertEquals(List.of("CuNi.eam.alloy", "zhou2004"), row.get("potentials"));
        assertEquals(2, row.get("ok_potentials"));
        assertEquals(5, row.get("members"));
        assertEquals(CandidateIds.configuration(records.get(0).composition(), records.get(0).recipe().key()),
                row.get("group_id"), "the members' shared configuration id of sample 0");
        double[] v = AggregateStore.memberValues(row, "dh_mix_ev_per_atom");
        assertEquals(0.013, v[0], 1e-15);
        assertEquals(0.032, v[1], 1e-15);
        double[] spread = AggregateStore.spread(row, "dh_mix_ev_per_atom");
        assertEquals(0.0225, spread[0], 1e-15, "mean of the member values");
        assertEquals(Math.abs(0.032 - 0.013) / Math.sqrt(2), spread[1], 1e-15, "std of two values: |a - b|/√2");
        assertEquals(0.013, spread[2], 1e-15);
        assertEquals(0.032, spread[3], 1e-15);
        assertEquals(0.019, spread[4], 1e-15);
        // within members: 2 × 0.003² = 18e-6 (1 dof) and 2 × 0.002² = 8e-6 (2 dof): √(26e-6 / 3)
        assertEquals(Math.sqrt(26e-6 / 3), spread[5], 1e-15);
        assertEquals(2, spread[6]);
        assertTrue(!row.has("dh_mix_ev_per_atom_sem"), "no standard error across potentials");
        assertTrue(!row.has("vec_min"), "descriptors do not vary with the potential: no member columns");
        assertEquals(0.0, AggregateStore.statistics(row, "vec")[1], 1e-12, "and their spread is zero");

        // a configurations row names its one potential
        RecordRow config = AggregateStore.toRow(Aggregate.of(AggregateAxis.CONFIGURATIONS, records.get(1)));
        assertEquals(List.of("zhou2004"), config.get("potentials"));
        assertTrue(!config.has("ok_potentials"));
    }
}
