package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GcLogTest {
    @Test
    void peakBeforeLargestAfterAndCommittedAcrossUnits() {
        GcLog g = GcLog.parse("""
                [0.012s][info][gc] Using G1
                [1.2s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 4.1ms
                [9.8s][info][gc] GC(1) Pause Young (Normal) (G1 Preventive Collection) 516M->47M(523M) 22.6ms
                [12.0s][info][gc] GC(2) Pause Full (System.gc()) 1G->60M(1G) 80.0ms
                [13.0s][info][gc] GC(3) Pause Young (Concurrent Start) 2048K->1024K(4096K) 1.0ms
                """);
        assertEquals(4, g.collections());
        assertEquals(1024, g.peakUsedMib(), 1e-9);
        assertEquals(60, g.maxLiveMib(), 1e-9);
        assertEquals(1024, g.maxCommittedMib(), 1e-9);
    }

    @Test
    void aLogWithoutCollectionsGivesZeros() {
        GcLog g = GcLog.parse("[0.012s][info][gc] Using G1\n");
        assertEquals(0, g.collections());
        assertEquals(0, g.peakUsedMib());
    }
}
