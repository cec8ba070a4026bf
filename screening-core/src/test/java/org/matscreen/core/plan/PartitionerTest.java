package org.matscreen.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matscreen.core.structure.Prototype;

class PartitionerTest {
    // fcc cells of 32 atoms, bcc cells of 128: a bcc candidate costs four fcc candidates
    static final CostModel COST = new CostModel(1e-6, Map.of(Prototype.FCC, 32, Prototype.BCC, 128), 1000);

    @Test
    void rangesAreContiguousCoverEverythingAndBalanceCost() {
        List<Partitioner.Range> r = Partitioner.split(1001, List.of(Prototype.FCC, Prototype.BCC), COST, 1.0, 4,
                1000);
        assertEquals(0, r.get(0).start());
        assertEquals(1001, r.get(r.size() - 1).end());
        for (int i = 1; i < r.size(); i++) {
            assertEquals(r.get(i - 1).end(), r.get(i).start());
        }
        // total = 500 fcc × 0.032 s + 501... by hand: 501 fcc (even indices) and 500 bcc
        double total = 501 * 0.032 + 500 * 0.128;
        assertEquals(total, r.stream().mapToDouble(Partitioner.Range::estimatedSeconds).sum(), 1e-9);
        assertEquals((int) Math.ceil(total / 1.0), r.size());
        for (Partitioner.Range x : r) {
            assertTrue(Math.abs(x.estimatedSeconds() - total / r.size()) <= 0.128 + 1e-9, x.toString());
        }
    }

    @Test
    void smallCampaignsStillGetSeveralRangesPerSlotButNeverEmptyOnes() {
        List<Partitioner.Range> r = Partitioner.split(21, List.of(Prototype.FCC), COST, 120, 40, 1000);
        assertEquals(21, r.size());
        assertTrue(r.stream().allMatch(x -> x.end() - x.start() == 1));
        List<Partitioner.Range> one = Partitioner.split(5, List.of(Prototype.FCC), COST, 120, 1, 1000);
        assertEquals(1, one.size());
    }

    @Test
    void calibrationScalesThePerAtomCost() {
        CostModel m = COST.calibrated(Prototype.FCC, 0.064);
        assertEquals(0.064, m.seconds(Prototype.FCC), 1e-12);
        assertEquals(0.256, m.seconds(Prototype.BCC), 1e-12);
    }
}
