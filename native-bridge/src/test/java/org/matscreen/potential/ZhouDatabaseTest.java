package org.matscreen.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.structure.Prototype;

class ZhouDatabaseTest {
    private static final ZhouDatabase DB = ZhouDatabase.standard();

    @Test
    void holdsThe17MetalsInTableOrder() {
        assertEquals(List.of("Cu", "Ag", "Au", "Ni", "Pd", "Pt", "Al", "Pb", "Fe", "Mo", "Ta", "W", "Mg", "Co", "Ti",
                "Zr", "Cr"), DB.elements());
    }

    @Test
    void columnsLandInTheRightComponents() {
        ZhouParameters cu = DB.parameters("Cu");
        assertEquals(2.556162, cu.reAngstrom());
        assertEquals(1.554485, cu.fe());
        assertEquals(21.175871, cu.rhoE());
        assertEquals(21.175395, cu.rhoS());
        assertEquals(8.12762, cu.alpha());
        assertEquals(0.308782, cu.kappa());
        assertEquals(0.756515, cu.lambda());
        assertEquals(-0.817603, cu.fn3());
        assertEquals(-2.19, cu.f0());
        assertEquals(-2.100595, cu.f3());
        assertEquals(0.31049, cu.eta());
        assertEquals(-2.186568, cu.fE());
        assertEquals(29, cu.atomicNumber());
        assertEquals(63.546, cu.massAmu());
        assertEquals(Prototype.FCC, cu.groundState());
        ZhouParameters cr = DB.parameters("Cr");
        assertEquals(7.170494, cr.beta());
        assertEquals(7.170494, cr.densityBeta());
        assertEquals(0.277995, cr.densityLambda());
        assertEquals(19.60545, cr.rhoS());
        assertEquals(24, cr.atomicNumber());
        assertEquals(Prototype.BCC, cr.groundState());
    }

    @Test
    void platinumAloneHasRhoLowOfAQuarter() {
        for (String el : DB.elements()) {
            ZhouParameters p = DB.parameters(el);
            assertEquals(el.equals("Pt") ? 0.25 : 0.85, p.rhoLow(), el);
            assertEquals(1.15, p.rhoHigh(), el);
        }
    }

    @Test
    void groundStatesAreThoseTheMetalsWereFittedTo() {
        for (String el : List.of("Cu", "Ag", "Au", "Ni", "Pd", "Pt", "Al", "Pb")) {
            assertEquals(Prototype.FCC, DB.parameters(el).groundState(), el);
        }
        for (String el : List.of("Fe", "Mo", "Ta", "W", "Cr")) {
            assertEquals(Prototype.BCC, DB.parameters(el).groundState(), el);
        }
        for (String el : List.of("Mg", "Co", "Ti", "Zr")) {
            assertEquals(Prototype.HCP, DB.parameters(el).groundState(), el);
        }
    }

    @Test
    void unknownElementIsAnInputErrorListingTheSupportedOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DB.parameters(List.of("Cu", "Nb")));
        assertEquals("elements[1]", e.field());
        assertTrue(e.reason().contains("'Nb'"), e.reason());
        assertTrue(e.reason().contains("Cu Ag Au Ni Pd Pt Al Pb Fe Mo Ta W Mg Co Ti Zr Cr"), e.reason());
        assertThrows(InvalidInputException.class, () -> DB.parameters("cu"));
        assertFalse(DB.supports("Hf"));
    }

    @Test
    void citationAddsLinEtAlOnlyWhenCrIsPresent() {
        assertEquals(ZhouDatabase.CITATION_2004, ZhouDatabase.citation(List.of("Cu", "Ta")));
        assertTrue(ZhouDatabase.citation(List.of("Cr", "Fe")).contains("214108"));
        assertTrue(ZhouDatabase.citation(List.of("Cr", "Fe")).contains("144113"));
        assertEquals(ZhouDatabase.CITATION_CR, ZhouDatabase.citation(List.of("Cr")));
    }
}
