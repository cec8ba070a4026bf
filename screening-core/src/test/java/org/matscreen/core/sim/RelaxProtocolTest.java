package org.matscreen.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.core.sim.RelaxProtocol.CellFreedom;

class RelaxProtocolTest {

    @Test
    void recipeStopsOnTheEnergyChangeWhereTheCampaignSetNone() {
        RelaxProtocol p = RelaxProtocol.recipe(CellFreedom.VOLUME, RelaxSettings.DEFAULT);
        RelaxSettings s = p.settings();
        assertEquals(1e-12, s.energyTolerance());
        // everything else, the acceptance test included, is the campaign's
        RelaxSettings d = RelaxSettings.DEFAULT;
        assertEquals(d.forceToleranceEvPerA(), s.forceToleranceEvPerA());
        assertEquals(d.maxIterations(), s.maxIterations());
        assertEquals(d.maxEvaluations(), s.maxEvaluations());
        assertEquals(d.pressureToleranceBar(), s.pressureToleranceBar());
        assertEquals(d.maxForceToleranceEvPerA(), s.maxForceToleranceEvPerA());
        assertEquals(d.maxRestarts(), s.maxRestarts());
        assertEquals(0.001, p.maxVolumeChangePerStep());
        assertEquals(1e-9, p.minRestartGainEvPerAtom());
    }

    @Test
    void aCampaignsOwnEnergyToleranceIsKept() {
        RelaxSettings own = new RelaxSettings(1e-8, 1e-5, 100, 1000, 5.0, 1e-2, 2);
        assertEquals(own, RelaxProtocol.recipe(CellFreedom.FULL, own).settings());
    }

    @Test
    void attemptsRunCgTwiceThenSteepestDescentAsLammpsCalculatorAlwaysHas() {
        RelaxProtocol p = RelaxProtocol.recipe(CellFreedom.VOLUME, RelaxSettings.DEFAULT);
        List<String> attempts = List.of(p.minStyle(0), p.minStyle(1), p.minStyle(2), p.minStyle(3), p.minStyle(4));
        assertEquals(List.of("cg", "cg", "sd", "sd", "sd"), attempts);
        assertThrows(IllegalArgumentException.class, () -> p.minStyle(-1));
    }

    @Test
    void keySeparatesProtocolsThatGiveDifferentRecords() {
        RelaxProtocol shapeFixed = RelaxProtocol.recipe(CellFreedom.VOLUME, RelaxSettings.DEFAULT);
        RelaxProtocol free = RelaxProtocol.recipe(CellFreedom.FULL, RelaxSettings.DEFAULT);
        RelaxProtocol today = new RelaxProtocol(CellFreedom.FULL, 0.001, List.of("cg", "cg", "sd"),
                RelaxSettings.DEFAULT, 0);
        RelaxProtocol recipeWithoutGiveUp = new RelaxProtocol(CellFreedom.FULL, 0.001, List.of("cg", "cg", "sd"),
                free.settings(), 0);
        assertNotEquals(shapeFixed.key(), free.key());
        assertNotEquals(today.key(), recipeWithoutGiveUp.key()); // only the energy tolerance differs
        assertNotEquals(free.key(), recipeWithoutGiveUp.key()); // only the restart rule differs
        assertEquals(free.key(), RelaxProtocol.recipe(CellFreedom.FULL, RelaxSettings.DEFAULT).key());
        assertTrue(shapeFixed.key().endsWith(shapeFixed.settings().key()), shapeFixed.key());
        assertEquals("cell=volume,vmax=0.001,styles=cg/cg/sd,restart_gain=1.0E-9,etol=1.0E-12,ftol=1.0E-6,"
                + "maxiter=5000,maxeval=50000,ptol=10.0,fmax=0.001,restarts=4,mode=both", shapeFixed.key());
    }

    @Test
    void onlyMinimisersThatCanMoveTheCellAreAccepted() {
        // LAMMPS 29 Sep 2021, min.cpp: "Cannot use a damped dynamics min style with fix box/relax" (fire, quickmin)
        // and "Cannot use hftn min style with fix box/relax"
        assertThrows(IllegalArgumentException.class, () -> new RelaxProtocol(CellFreedom.VOLUME, 0.001,
                List.of("fire"), RelaxSettings.DEFAULT, 0));
        assertThrows(IllegalArgumentException.class, () -> new RelaxProtocol(CellFreedom.VOLUME, 0.001,
                List.of("cg", "quickmin"), RelaxSettings.DEFAULT, 0));
        assertThrows(IllegalArgumentException.class, () -> new RelaxProtocol(CellFreedom.VOLUME, 0.001,
                List.of("hftn"), RelaxSettings.DEFAULT, 0));
        assertThrows(IllegalArgumentException.class, () -> new RelaxProtocol(CellFreedom.VOLUME, 0.001,
                List.of(), RelaxSettings.DEFAULT, 0));
        assertThrows(IllegalArgumentException.class, () -> new RelaxProtocol(CellFreedom.VOLUME, 0.0,
                List.of("cg"), RelaxSettings.DEFAULT, 0));
        assertThrows(IllegalArgumentException.class, () -> new RelaxProtocol(CellFreedom.VOLUME, 0.001,
                List.of("cg"), RelaxSettings.DEFAULT, -1e-9));
    }
}
