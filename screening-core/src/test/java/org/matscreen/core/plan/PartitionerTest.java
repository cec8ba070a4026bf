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
    void taperedLastWaveHalvesRangesDownToAnEighth() {
        // 4000 fcc candidates of 0.032 s = 128 s; 1 s per range → 128 ordinary ranges. With 2 slots the last 2
        // (2 s of work) become 2 × {0.5, 0.25, 0.125, 0.125} s: 126 + 8 ranges (hand calculation).
        List<Partitioner.Range> r = Partitioner.split(4000, List.of(Prototype.FCC), COST, 1.0, 4, 1000, 2);
        assertEquals(134, r.size());
        assertEquals(0, r.get(0).start());
        assertEquals(4000, r.get(r.size() - 1).end());
        for (int i = 1; i < r.size(); i++) {
            assertEquals(r.get(i - 1).end(), r.get(i).start());
        }
        double[] tail = {0.5, 0.5, 0.25, 0.25, 0.125, 0.125, 0.125, 0.125};
        for (int i = 0; i < tail.length; i++) {
            // ranges hold whole candidates, so each is within one candidate (0.032 s) of its share
            assertEquals(tail[i], r.get(126 + i).estimatedSeconds(), 0.032 + 1e-9, r.get(126 + i).toString());
        }
        assertEquals(1.0, r.get(125).estimatedSeconds(), 0.032 + 1e-9);
        // no room for the taper (a range per candidate already): the plain split
        assertEquals(21, Partitioner.split(21, List.of(Prototype.FCC), COST, 120, 40, 1000, 2).size());
        // without slots, the same as before
        assertEquals(128, Partitioner.split(4000, List.of(Prototype.FCC), COST, 1.0, 4, 1000, 0).size());
    }

    /**
     * 200 fcc candidates of 0.032 s (6.4 s of work) on 2 slots: 40 ranges of 0.16 s by the per-slot minimum, but a
     * range pays a fixed cost, so no ordinary range under 1 s: floor(6.4) = 6 ranges, the last 2 tapered into 8
     * (hand calculation: 4 ordinary of about 1.07 s, then 2 × {0.53, 0.27, 0.13, 0.13} s).
     */
    @Test
    void aSmallCampaignsRangesCostAtLeastTheFloor() {
        List<Partitioner.Range> r = Partitioner.split(200, List.of(Prototype.FCC), COST, 120, 40, 1000, 2, 1.0);
        assertEquals(12, r.size());
        assertEquals(200, r.get(r.size() - 1).end());
        for (int i = 0; i < 4; i++) {
            assertEquals(6.4 / 6, r.get(i).estimatedSeconds(), 0.032 + 1e-9, r.get(i).toString());
        }
        // never fewer than two ranges per slot, however little the work
        assertEquals(4 + 6, Partitioner.split(20, List.of(Prototype.FCC), COST, 120, 40, 1000, 2, 1.0).size());
        // without the floor, the per-slot minimum rules (40 + the taper's 6)
        assertEquals(46, Partitioner.split(200, List.of(Prototype.FCC), COST, 120, 40, 1000, 2, 0).size());
        // a large campaign's ranges are sized by the target already: the floor changes nothing
        assertEquals(Partitioner.split(40_000, List.of(Prototype.FCC), COST, 60, 40, 1000, 2, 0),
                Partitioner.split(40_000, List.of(Prototype.FCC), COST, 60, 40, 1000, 2, 1.0));
    }

    @Test
    void calibrationScalesThePerAtomCost() {
        CostModel m = COST.calibrated(Prototype.FCC, 0.064);
        assertEquals(0.064, m.seconds(Prototype.FCC), 1e-12);
        assertEquals(0.256, m.seconds(Prototype.BCC), 1e-12);
    }
}
