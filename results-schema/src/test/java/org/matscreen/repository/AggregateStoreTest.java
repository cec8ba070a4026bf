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
}
