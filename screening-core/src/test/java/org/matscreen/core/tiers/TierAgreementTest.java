package org.matscreen.core.tiers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.structure.Prototype;

class TierAgreementTest {

    @Test
    void spearmanMatchesScipy() {
        // scipy.stats.spearmanr([1,2,3,4,5], [5,6,7,8,7]).statistic = 0.8207826816681233 (ties get mean ranks)
        assertEquals(0.8207826816681233, TierAgreement.spearman(new double[] {1, 2, 3, 4, 5},
                new double[] {5, 6, 7, 8, 7}), 1e-12);
        assertArrayEquals(new double[] {1, 2, 3, 4.5, 4.5}, TierAgreement.ranks(new double[] {5, 6, 7, 8, 8}));
        assertEquals(-1.0, TierAgreement.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        assertTrue(Double.isNaN(TierAgreement.spearman(new double[] {1, 2}, new double[] {1, 2})));
    }

    private static TierAgreement.Row row(int rank, double earlier, double later, boolean survives) {
        return new TierAgreement.Row(new TierPick(rank, "id" + rank, Composition.parse("Al0.5Ni0.5"), Prototype.BCC),
                earlier, Double.isNaN(later) ? null : "t2-" + rank, Double.isNaN(later) ? "crashed" : "ok", later,
                survives, survives ? "" : "not ok");
    }

    @Test
    void differencesAreOverPairsOnly() {
        // hand: pairs (-0.5,-0.6), (-0.4,-0.3), (-0.1,-0.2): |d| = 0.1 each, signed -0.1 + 0.1 - 0.1
        TierAgreement a = TierAgreement.of("dh_form_ev_per_atom", List.of(row(1, -0.5, -0.6, true),
                row(2, -0.4, -0.3, true), row(3, -0.1, -0.2, false), row(4, -0.05, Double.NaN, false)));
        assertEquals(3, a.pairs());
        assertEquals(0.1, a.meanAbsoluteDifference(), 1e-12);
        assertEquals(-0.1 / 3, a.meanSignedDifference(), 1e-12);
        assertEquals(1.0, a.spearman(), 1e-12);
        assertEquals(List.of(1, 2), a.survivors().stream().map(r -> r.pick().rank()).toList());
    }
}
