package org.matscreen.core.screening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;

class ScreeningTest {

    @Test
    void paretoRanksOfAHandExample() {
        // minimise both: (1,5) (2,2) (5,1) form the front; (3,3) is dominated by (2,2); (4,4) by (3,3);
        // (NaN, 1) is unranked.
        List<double[]> pts = List.of(new double[] {1, 5}, new double[] {2, 2}, new double[] {5, 1},
                new double[] {3, 3}, new double[] {4, 4}, new double[] {Double.NaN, 1});
        assertArrayEquals(new int[] {1, 1, 1, 2, 3, 0}, ParetoRanking.ranks(pts));
    }

    @Test
    void criteriaParseAndTest() {
        Criterion c = Criterion.parse("dh_mix_ev_per_atom <= -0.01", "c.yaml", "f");
        assertTrue(c.test(-0.02));
        assertFalse(c.test(0));
        assertFalse(c.test(Double.NaN));
        assertEquals(Criterion.Op.EQ, Criterion.parse("bulk_modulus_gpa = 1e2", "c", "f").op());
        assertThrows(InvalidInputException.class, () -> Criterion.parse("bulk_modulus_gpa ~ 3", "c", "f"));
        assertThrows(InvalidInputException.class, () -> Criterion.parse("nonsense > 3", "c", "f"));
    }

    @Test
    void objectivesOrientCosts() {
        Objective max = Objective.parse("max bulk_modulus_gpa", "c", "o");
        assertEquals(-150, max.cost(150));
        assertEquals(0.1, Objective.parse("minimise dh_mix_ev_per_atom", "c", "o").cost(0.1));
        assertThrows(InvalidInputException.class, () -> Objective.parse("bulk_modulus_gpa", "c", "o"));
    }
}
