package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        double[] v = {5, 1, 4, 2, 3};
        assertEquals(3, Stats.median(v));
        assertEquals(1, Stats.percentile(v, 0));
        assertEquals(5, Stats.percentile(v, 100));
        assertEquals(4.6, Stats.percentile(v, 90), 1e-12);
        assertEquals(2.5, Stats.median(new double[] {1, 2, 3, 4}));
        assertEquals(5, v[0], "the sample is not reordered");
    }

    @Test
    void anEmptySampleHasNoMedian() {
        assertTrue(Double.isNaN(Stats.median(new double[0])));
    }
}
