package org.matscreen.core.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.space.ChemicalSpace;
import org.matscreen.core.structure.Prototype;

/** The space-filling design: spread, determinism, and spaces far too large to enumerate. */
class InitialDesignTest {

    static double minDistance(CandidateSpace space, List<Long> idx) {
        List<String> els = space.elementsUsed();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < idx.size(); i++) {
            for (int j = 0; j < i; j++) {
                double[] a = InitialDesign.coordinates(space.candidate(idx.get(i)), els, space.prototypes());
                double[] b = InitialDesign.coordinates(space.candidate(idx.get(j)), els, space.prototypes());
                double d = 0;
                for (int k = 0; k < a.length; k++) {
                    d += (a[k] - b[k]) * (a[k] - b[k]);
                }
                min = Math.min(min, Math.sqrt(d));
            }
        }
        return min;
    }

    @Test
    void maximinDesignIsFartherApartThanAnyOfManyRandomDesigns() {
        CandidateSpace space = SyntheticCampaigns.quinary();
        List<Long> design = InitialDesign.maximin(space, 20, 3, List.of());
        assertEquals(20, new HashSet<>(design).size());
        double spread = minDistance(space, design);
        SplittableRandom rnd = new SplittableRandom(1);
        double bestRandom = 0;
        for (int trial = 0; trial < 200; trial++) {
            List<Long> r = new ArrayList<>();
            while (r.size() < 20) {
                long i = rnd.nextLong(space.size());
                if (!r.contains(i)) {
                    r.add(i);
                }
            }
            bestRandom = Math.max(bestRandom, minDistance(space, r));
        }
        assertTrue(spread > bestRandom, "maximin " + spread + " vs best of 200 random designs " + bestRandom);
    }

    @Test
    void designIsDeterministicPerSeedAndExtendsAroundChosenPoints() {
        CandidateSpace space = SyntheticCampaigns.quinary();
        assertEquals(InitialDesign.maximin(space, 15, 7, List.of()), InitialDesign.maximin(space, 15, 7, List.of()));
        assertNotEquals(InitialDesign.maximin(space, 15, 7, List.of()), InitialDesign.maximin(space, 15, 8,
                List.of()));
        List<Long> first = InitialDesign.maximin(space, 10, 7, List.of());
        List<Long> more = InitialDesign.maximin(space, 10, 7, first);
        assertTrue(more.stream().noneMatch(first::contains));
        List<Long> all = new ArrayList<>(first);
        all.addAll(more);
        // greedy maximin continued from the first ten is the same as asking for twenty at once
        assertEquals(InitialDesign.maximin(space, 20, 7, List.of()), all);
    }

    @Test
    void worksOnAQuinarySpaceOfSeventeenMillionCandidatesWithoutEnumeratingIt() {
        // 16 elements, all quinaries at 5 % steps: 4368 systems × 3876 compositions (ARCHITECTURE.md "Scale")
        List<String> els = List.of("Al", "Co", "Cr", "Cu", "Fe", "Hf", "Mn", "Mo", "Nb", "Ni", "Ta", "Ti", "V", "W",
                "Zr", "Re");
        CandidateSpace space = CandidateSpace.of(new ChemicalSpace(els, List.of(5), 20, Map.of(), Map.of(), List.of(),
                false, List.of()), List.of(Prototype.FCC, Prototype.BCC), "big");
        assertEquals(2L * 4368 * 3876, space.size());
        List<Long> design = InitialDesign.maximin(space, 40, 1, List.of());
        assertEquals(40, new HashSet<>(design).size());
        assertTrue(design.stream().allMatch(i -> i >= 0 && i < space.size()
                && space.candidate(i).composition().size() == 5));
        // both prototypes and many systems are represented
        assertEquals(2, design.stream().map(i -> space.candidate(i).prototype()).distinct().count());
        assertTrue(design.stream().map(i -> space.candidate(i).chemicalSystem()).distinct().count() >= 30);
        FeatureMap features = FeatureMap.of(space, 1);
        assertTrue(features.names().containsAll(List.of("x_Al", "x_Zr", "prototype_fcc", "vec")),
                features.names().toString());
        double[] f = features.features(space.candidate(space.size() - 1));
        assertEquals(features.size(), f.length);
        assertTrue(java.util.Arrays.stream(f).allMatch(Double::isFinite));
    }
}
