package org.matscreen.core.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GroundStatesTest {
    @Test
    void observedStructuresAndLatticeParameters() {
        assertEquals(Prototype.FCC, GroundStates.of("Ni").orElseThrow().prototype());
        assertEquals(Prototype.BCC, GroundStates.of("Fe").orElseThrow().prototype());
        assertEquals(Prototype.HCP, GroundStates.of("Ti").orElseThrow().prototype());
        // Cu's a from the atomic volume 11.81 Å^3 (density 8.96 g/cm3, 63.546 g/mol): (4 V)^(1/3) = 3.615 Å
        assertEquals(Math.cbrt(4 * 63.546 / 8.96 / 0.6022140857), GroundStates.of("Cu").orElseThrow().aAngstrom(),
                0.01);
        assertTrue(GroundStates.of("Mn").isEmpty(), "alpha-Mn is none of the prototypes");
    }
}
