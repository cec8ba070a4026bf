package org.matscreen.core.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The VEC rule of Guo et al. (2011) at and around its two boundaries, and the HHI bands of Gaultois et al. */
class PhaseHintTest {

    @Test
    void fccFromVecEightUp() {
        assertEquals(PhaseHint.FCC, PhaseHint.fromVec(8.0));
        assertEquals(PhaseHint.FCC, PhaseHint.fromVec(11.0));
        // Floating-point noise around 8 (e.g. Σ 0.2·VEC_i) is still 8.
        assertEquals(PhaseHint.FCC, PhaseHint.fromVec(7.999999999999999));
        assertEquals(PhaseHint.FCC_BCC, PhaseHint.fromVec(7.99));
    }

    @Test
    void bccBelowSixPointEightSeven() {
        assertEquals(PhaseHint.FCC_BCC, PhaseHint.fromVec(6.87));
        assertEquals(PhaseHint.FCC_BCC, PhaseHint.fromVec(6.870000000000001));
        assertEquals(PhaseHint.BCC, PhaseHint.fromVec(6.869));
        assertEquals(PhaseHint.BCC, PhaseHint.fromVec(4.0));
    }

    @Test
    void unknownVecGivesUnknownHint() {
        assertEquals(PhaseHint.UNKNOWN, PhaseHint.fromVec(Double.NaN));
    }

    @Test
    void hhiBandEdges() {
        assertEquals(HhiBand.LOW, HhiBand.of(1499));
        assertEquals(HhiBand.MODERATE, HhiBand.of(1500));
        assertEquals(HhiBand.MODERATE, HhiBand.of(1499.9999999999998));
        assertEquals(HhiBand.MODERATE, HhiBand.of(2500));
        assertEquals(HhiBand.HIGH, HhiBand.of(2501));
        assertEquals(HhiBand.UNKNOWN, HhiBand.of(Double.NaN));
    }
}
