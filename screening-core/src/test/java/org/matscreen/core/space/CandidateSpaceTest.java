package org.matscreen.core.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.structure.Prototype;

class CandidateSpaceTest {

    private static ChemicalSpace grid(List<String> elements, List<Integer> orders, int d) {
        return new ChemicalSpace(elements, orders, d, Map.of(), Map.of(), List.of(), false, List.of());
    }

    @Test
    void quickStartBinaryHasTwentyOneCandidatesInOrder() {
        CandidateSpace s = CandidateSpace.of(grid(List.of("Cu", "Ni"), List.of(1, 2), 20), List.of(Prototype.FCC), "t");
        assertEquals(21, s.size());
        assertEquals(Map.of("Cu", 1L, "Ni", 1L, "Cu-Ni", 19L), s.countsPerSystem());
        assertEquals(Composition.parse("Cu"), s.candidate(0).composition());
        assertTrue(s.candidate(2).composition().almostEquals(Composition.parse("Cu0.05Ni0.95"), 1e-12));
        assertTrue(s.candidate(20).composition().almostEquals(Composition.parse("Cu0.95Ni0.05"), 1e-12));
    }

    @Test
    void quinaryCountMatchesTheArchitectureBrief() {
        // 16 elements, every element present, 5 % steps: C(16,5) = 4368 systems × C(19,4) = 3876 compositions.
        List<String> els = List.of("Al", "Co", "Cr", "Cu", "Fe", "Mn", "Mo", "Nb", "Ni", "Ta", "Ti", "V", "W", "Zr",
                "Hf", "Mg");
        CandidateSpace s = CandidateSpace.of(grid(els, List.of(5), 20), List.of(Prototype.FCC), "t");
        assertEquals(4368, s.systemCount());
        assertEquals(4368L * 3876L, s.size());
        Candidate last = s.candidate(s.size() - 1);
        assertEquals(5, last.composition().size());
    }

    @Test
    void boundedCompositionsAgreeWithBruteForce() {
        int[] lo = {1, 2, 0};
        int[] hi = {5, 4, 3};
        BoundedCompositions b = new BoundedCompositions(8, lo, hi);
        List<int[]> brute = new ArrayList<>();
        for (int x = lo[0]; x <= hi[0]; x++) {
            for (int y = lo[1]; y <= hi[1]; y++) {
                int z = 8 - x - y;
                if (z >= lo[2] && z <= hi[2]) {
                    brute.add(new int[] {x, y, z});
                }
            }
        }
        assertEquals(brute.size(), b.count());
        for (int i = 0; i < brute.size(); i++) {
            assertArrayEquals(brute.get(i), b.unrank(i));
            assertEquals(i, b.rank(brute.get(i)));
        }
    }

    @Test
    void rangesCoverTheSpaceExactlyOnce() {
        ChemicalSpace cs = new ChemicalSpace(List.of("Co", "Cr", "Fe", "Ni", "Al"), List.of(3, 4), 10,
                Map.of("Al", 0.1), Map.of("Al", 0.3), List.of("Ni"), false, List.of());
        CandidateSpace s = CandidateSpace.of(cs, List.of(Prototype.FCC, Prototype.BCC), "t");
        Set<String> seen = new HashSet<>();
        long n = 0;
        for (long start = 0; start < s.size(); start += 37) {
            for (Iterator<Candidate> it = s.range(start, Math.min(s.size(), start + 37)); it.hasNext(); n++) {
                Candidate c = it.next();
                assertTrue(c.composition().contains("Ni"), "base element missing in " + c);
                if (c.composition().contains("Al")) {
                    double al = c.composition().fraction("Al");
                    assertTrue(al >= 0.1 - 1e-12 && al <= 0.3 + 1e-12, c.toString());
                }
                assertTrue(seen.add(c.composition().canonicalKey() + c.prototype()), "duplicate " + c);
            }
        }
        assertEquals(s.size(), n);
    }

    @Test
    void equiatomicModeGivesOneCompositionPerSystem() {
        ChemicalSpace cs = new ChemicalSpace(List.of("Co", "Cr", "Fe", "Ni", "Mn"), List.of(4, 5), 1, Map.of(),
                Map.of(), List.of(), true, List.of());
        CandidateSpace s = CandidateSpace.of(cs, List.of(Prototype.FCC), "t");
        assertEquals(5 + 1, s.size());
        assertTrue(s.candidate(5).composition().almostEquals(Composition.parse("CoCrFeMnNi"), 1e-12));
    }

    @Test
    void combinationsCountAndEnumerate() {
        assertEquals(4368, Combinations.choose(16, 5));
        int[] c = Combinations.first(2);
        int n = 1;
        while (Combinations.next(c, 5)) {
            n++;
        }
        assertEquals(10, n);
    }

    @Test
    void samplesAreTheInnermostDimensionAndThePrototypeCycleMatchesEveryCandidate() {
        ChemicalSpace cs = grid(List.of("Cu", "Ni"), List.of(1, 2), 4);
        CandidateSpace one = CandidateSpace.of(cs, List.of(Prototype.FCC, Prototype.BCC), "t");
        CandidateSpace three = CandidateSpace.of(cs, List.of(Prototype.FCC, Prototype.BCC), 3, "t");
        assertEquals(3 * one.size(), three.size());
        assertEquals(3, three.samples());
        List<Prototype> cycle = three.prototypeCycle();
        assertEquals(List.of(Prototype.FCC, Prototype.FCC, Prototype.FCC, Prototype.BCC, Prototype.BCC,
                Prototype.BCC), cycle);
        for (long i = 0; i < three.size(); i++) {
            Candidate c = three.candidate(i);
            Candidate base = one.candidate(i / 3);
            assertEquals(i % 3, c.sample(), "sample of " + i);
            assertEquals(base.composition(), c.composition());
            assertEquals(base.prototype(), c.prototype());
            assertEquals(cycle.get((int) (i % cycle.size())), c.prototype(), "cycle predicts candidate " + i);
        }
    }

    @Test
    void ensembleMembersAreInsideSamplesAndShareEverythingElse() {
        ChemicalSpace cs = grid(List.of("Cu", "Ni"), List.of(1, 2), 4);
        CandidateSpace sampled = CandidateSpace.of(cs, List.of(Prototype.FCC, Prototype.BCC), 2, "t");
        CandidateSpace ensemble = CandidateSpace.of(cs, List.of(Prototype.FCC, Prototype.BCC), 2, 3, "t");
        assertEquals(3 * sampled.size(), ensemble.size());
        assertEquals(3, ensemble.members());
        List<Prototype> cycle = ensemble.prototypeCycle();
        assertEquals(12, cycle.size());
        for (long i = 0; i < ensemble.size(); i++) {
            Candidate c = ensemble.candidate(i);
            Candidate cell = sampled.candidate(i / 3);
            assertEquals(i % 3, c.member(), "member of " + i);
            assertEquals(cell.composition(), c.composition());
            assertEquals(cell.prototype(), c.prototype());
            assertEquals(cell.sample(), c.sample());
            assertEquals(cycle.get((int) (i % cycle.size())), c.prototype(), "cycle predicts candidate " + i);
        }
        assertEquals(0, sampled.candidate(5).member(), "one potential: member 0");
    }
}
