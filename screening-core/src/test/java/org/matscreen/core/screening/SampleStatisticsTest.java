package org.matscreen.core.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SampleStatisticsTest {

    @Test
    void meanStdAndStandardErrorByHand() {
        SampleStatistics s = SampleStatistics.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertEquals(8, s.n());
        assertEquals(5, s.mean(), 1e-12);
        // Σ(x − 5)² = 32, sample variance 32/7
        assertEquals(Math.sqrt(32.0 / 7), s.std(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7) / Math.sqrt(8), s.sem(), 1e-12);
    }

    @Test
    void unknownValuesAreNotCountedAndOneValueHasNoSpread() {
        SampleStatistics s = SampleStatistics.of(Double.NaN, 3.5, Double.NaN);
        assertEquals(1, s.n());
        assertEquals(3.5, s.mean());
        assertTrue(Double.isNaN(s.std()));
        assertTrue(Double.isNaN(s.sem()));
        assertTrue(Double.isNaN(SampleStatistics.EMPTY.mean()));
    }

    @Test
    void mergingPartsEqualsOnePassEvenForAMeVSpreadAroundMinusFourEv() {
        SplittableRandom rng = new SplittableRandom(13);
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = -4.2 + 0.003 * (rng.nextDouble() - 0.5);
        }
        SampleStatistics all = SampleStatistics.of(v);
        SampleStatistics parts = SampleStatistics.EMPTY;
        for (int start = 0; start < v.length; start += 137) {
            SampleStatistics part = SampleStatistics.EMPTY;
            for (int i = start; i < Math.min(v.length, start + 137); i++) {
                part = part.add(v[i]);
            }
            parts = part.merge(parts);
        }
        assertEquals(all.n(), parts.n());
        assertEquals(all.mean(), parts.mean(), 1e-14);
        assertEquals(all.std(), parts.std(), 1e-12 * all.std());
        // a uniform spread of width w has σ = w/√12
        assertEquals(0.003 / Math.sqrt(12), all.std(), 0.05 * 0.003 / Math.sqrt(12));
    }
}
