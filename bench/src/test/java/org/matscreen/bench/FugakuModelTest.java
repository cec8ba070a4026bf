package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FugakuModelTest {
    @Test
    void timeIsStartPlusCoreSecondsOverEffectiveCores() {
        // 10^7 candidates × 2 core-s on 100 nodes × 48 cores at efficiency 0.8 and equal core speed.
        FugakuModel m = new FugakuModel(2.0, 0.8, 1.0, 48, 10);
        assertEquals(10 + 1e7 * 2.0 / (48 * 100 * 0.8), m.seconds(1e7, 100), 1e-6);
        assertEquals(m.seconds(1e7, 100) * 100 / 3600, m.nodeHours(1e7, 100), 1e-9);
    }

    @Test
    void aSlowerCoreStretchesOnlyTheComputePart() {
        FugakuModel m = new FugakuModel(2.0, 0.8, 1.0, 48, 10);
        double compute = m.seconds(1e7, 100) - 10;
        assertEquals(10 + 2 * compute, m.withCoreSpeedRatio(0.5).seconds(1e7, 100), 1e-6);
    }

    @Test
    void refusesNonPositiveInputs() {
        assertThrows(IllegalArgumentException.class, () -> new FugakuModel(1, 0, 1, 48, 0));
        assertThrows(IllegalArgumentException.class, () -> new FugakuModel(1, 1, -1, 48, 0));
    }
}
