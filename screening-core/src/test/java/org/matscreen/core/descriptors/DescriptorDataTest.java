package org.matscreen.core.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matscreen.core.composition.Composition;

/** The shipped tables: coverage of the metals matscreen screens, and spot values that catch a wrong source. */
class DescriptorDataTest {
    /** The 17 metals of the Zhou 2004 EAM database plus common HEA elements. */
    private static final List<String> REQUIRED = List.of("Cu", "Ag", "Au", "Ni", "Pd", "Pt", "Al", "Pb", "Fe", "Mo",
            "Ta", "W", "Mg", "Co", "Ti", "Zr", "Cr", "V", "Nb", "Hf", "Mn");

    private static final DescriptorData DATA = DescriptorData.standard();

    @Test
    void everyRequiredElementHasEveryElementValue() {
        for (String s : REQUIRED) {
            assertTrue(DATA.radiiPm().has(s), "radius " + s);
            assertTrue(DATA.vec().has(s), "vec " + s);
            assertTrue(DATA.meltingPointsK().has(s), "T_m " + s);
            assertTrue(DATA.hhiProduction().has(s), "HHI_P " + s);
            assertTrue(DATA.hhiReserves().has(s), "HHI_R " + s);
            assertTrue(DATA.prices().has(s), "price " + s);
        }
    }

    @Test
    void everyPairOfRequiredElementsHasAMixingEnthalpy() {
        for (int i = 0; i < REQUIRED.size(); i++) {
            for (int j = i + 1; j < REQUIRED.size(); j++) {
                assertTrue(DATA.mixingEnthalpyKjPerMol().has(REQUIRED.get(i), REQUIRED.get(j)),
                        REQUIRED.get(i) + "-" + REQUIRED.get(j));
            }
        }
    }

    @Test
    void vecIsTheHeaConventionNotTheShellCount() {
        // magpie NValence gives Hf 18, Ta 19, W 20, Pt 24, Au 25, Pb 28 (4f14 counted): those must not be here.
        Map<String, Double> expected = Map.of("Hf", 4.0, "Ta", 5.0, "W", 6.0, "Pt", 10.0, "Au", 11.0, "Pb", 4.0,
                "Cu", 11.0, "Al", 3.0, "Mn", 7.0, "Mg", 2.0);
        expected.forEach((s, v) -> assertEquals(v, DATA.vec().valueOf(s), 0, s));
        // Lanthanides whose Miedema value counts 4f electrons are left out rather than mis-stated.
        assertFalse(DATA.vec().has("Yb"));
        assertEquals(3.0, DATA.vec().valueOf("La"), 0);
    }

    @Test
    void spotValuesOfEachTable() {
        assertEquals(125, DATA.radiiPm().valueOf("Fe"), 0);
        assertEquals(132, DATA.radiiPm().valueOf("Mn"), 0);
        assertEquals(1811, DATA.meltingPointsK().valueOf("Fe"), 0);
        assertEquals(3695, DATA.meltingPointsK().valueOf("W"), 0);
        assertEquals(-22, DATA.mixingEnthalpyKjPerMol().valueOf("Ni", "Al"), 0);
        assertEquals(-22, DATA.mixingEnthalpyKjPerMol().valueOf("Al", "Ni"), 0);
        assertEquals(8500, DATA.hhiProduction().valueOf("Nb"), 0);
        assertEquals(8800, DATA.hhiReserves().valueOf("Nb"), 0);
        ElementPrice co = DATA.prices().find("Co").orElseThrow();
        assertEquals(36.0896294, co.usdPerKg(), 0);
        assertEquals(2013, co.year());
        assertTrue(DATA.prices().find("Fe").orElseThrow().note().contains("ore"));
        assertFalse(DATA.prices().has("Ne"));
        assertTrue(DATA.criticalElements().containsAll(List.of("Co", "Mn", "W", "Nb", "Ta", "Hf", "Ti", "Pt", "Pd")));
        assertFalse(DATA.criticalElements().contains("Ni"));
        assertFalse(DATA.criticalElements().contains("Cr"));
        assertFalse(DATA.criticalElements().contains("Fe"));
    }

    @Test
    void tablesRejectBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ElementTable.of("t", "pm", Map.of("Xx", 1)));
        assertThrows(IllegalArgumentException.class, () -> ElementTable.of("t", "pm", Map.of("Fe", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> PairTable.of("t", "kJ/mol", Map.of("Fe-Fe", 1)));
        assertThrows(IllegalArgumentException.class, () -> PairTable.of("t", "kJ/mol", Map.of("Fe-Ni", 1, "Ni-Fe", 2)));
        assertThrows(IllegalArgumentException.class, () -> new ElementPrice(-1, 2013, "", "x", ""));
    }

    @Test
    void descriptorsSurviveJavaSerialization() throws Exception {
        Descriptors d = DescriptorCalculator.standard().compute(Composition.parse("Fe3Po"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(d);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Descriptors back = (Descriptors) in.readObject();
            assertEquals(d.missing(), back.missing());
            assertEquals(d.deltaPct(), back.deltaPct(), 0);
            assertEquals(d.composition(), back.composition());
        }
    }
}
