package org.matscreen.core.composition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.matscreen.core.error.InvalidInputException;

class CompositionTest {

    @ParameterizedTest
    @ValueSource(strings = {"Cu0.95Ni0.05", "CoCrFeNi", "Al0.5CoCrFeNi", "Fe2O3", "Cu19Ni", "Al(CoCr)2Ni0.25", "W"})
    void parseOfFormulaReproducesComposition(String formula) {
        Composition c = Composition.parse(formula);
        assertTrue(Composition.parse(c.formula()).almostEquals(c, 1e-9), c.formula());
        assertEquals(c.totalAmount(), Composition.parse(c.formula()).totalAmount(), 1e-8);
    }

    @Test
    void parenthesesMultiplyTheirGroup() {
        Composition c = Composition.parse("Al(CoCr)2");
        assertEquals(1, c.amount("Al"));
        assertEquals(2, c.amount("Co"));
        assertEquals(2, c.amount("Cr"));
    }

    @Test
    void reducedAndAnonymousFormulasFollowOptimade() {
        Composition c = Composition.parse("Cu0.95Ni0.05");
        assertEquals("Cu19Ni", c.reducedFormula());
        assertEquals("A19B", c.anonymousFormula());
        assertEquals("Cu-Ni", c.chemicalSystem());
        assertEquals("AlCo2Cr2Fe2Ni2", Composition.parse("Al0.5CoCrFeNi").reducedFormula());
        assertEquals("A2B2C2D2E", Composition.parse("Al0.5CoCrFeNi").anonymousFormula());
        assertEquals("Fe2O3", Composition.parse("Fe4O6").reducedFormula());
    }

    @Test
    void arithmeticAddsAmounts() {
        assertEquals(Composition.parse("Fe3O4"), Composition.parse("Fe2O3").plus(Composition.parse("FeO")));
    }

    @Test
    void fractionsAndMassFractionsByHand() {
        Composition c = Composition.parse("CuNi");
        assertEquals(0.5, c.fraction("Ni"), 1e-15);
        // 63.546 / (63.546 + 58.6934) by hand
        assertEquals(63.546 / (63.546 + 58.6934), c.massFractions()[0], 1e-12);
        assertEquals(0, c.fraction("Al"));
    }

    @Test
    void equalityIsExactAndLooseComparisonIsNamed() {
        Composition a = Composition.parse("Cu1Ni1");
        Composition b = Composition.parse("Cu0.5Ni0.5");
        assertNotEquals(a, b);
        assertTrue(a.almostEquals(b, 1e-12));
        assertEquals(a.canonicalKey(), b.canonicalKey());
        assertEquals(a.stableHash(), b.stableHash());
    }

    @Test
    void stableHashIsFixedAcrossRunsAndMachines() {
        // SHA-256 of "Cu:0.5000000000,Ni:0.5000000000", computed independently with coreutils' sha256sum.
        assertEquals("Cu:0.5000000000,Ni:0.5000000000", Composition.parse("CuNi").canonicalKey());
        assertEquals("081dd811234ee8ec2663e069490357d2addf4aad1686e1c8be3800779bd1770c",
                Composition.parse("NiCu").stableHash());
    }

    @Test
    void zeroAmountsAreDropped() {
        Composition c = Composition.of(Map.of("Cu", 1.0, "Ni", 0.0));
        assertEquals(List.of("Cu"), c.symbols());
        assertFalse(c.contains("Ni"));
    }

    @Test
    void parserErrorsNameTheFragment() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Composition.parse("CuXx2"));
        assertTrue(e.getMessage().contains("unknown element 'Xx'"), e.getMessage());
        assertTrue(e.getMessage().contains("position 2"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Composition.parse("Cu(Ni"));
        assertTrue(e.getMessage().contains("missing ')'"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Composition.parse("cu"));
        assertTrue(e.getMessage().contains("unexpected 'cu'"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Composition.parse("Cu0"));
        assertThrows(InvalidInputException.class, () -> Composition.parse("Cu1.2.3"));
    }

    /** The formatter-free amounts are what {@code String.format("%.8f")} (the previous implementation) wrote. */
    @Test
    void amountsAreFormattedAsTheFormatterDid() {
        java.util.Random rnd = new java.util.Random(20261208);
        List<Double> amounts = new java.util.ArrayList<>(List.of(0.5, 0.25, 1e-5, 1.5e-9, 0.123456785, 0.123456775,
                2.000000005, 0.999999995, 1.0 / 3, 2.0 / 3, 0.1 + 0.2, 12.5, 199.99999999, 3.000000004, 1e-12,
                Double.NaN, Double.POSITIVE_INFINITY, 1234567.000000005));
        for (int i = 0; i < 200_000; i++) {
            double a = switch (i % 4) {
                case 0 -> rnd.nextDouble();
                case 1 -> rnd.nextInt(200) + rnd.nextInt(1_000_000_000) / 1e9; // nine decimals: rounding at the 8th
                case 2 -> (double) rnd.nextInt(1000) / (1 + rnd.nextInt(999));  // exact ratios of a cell's counts
                default -> rnd.nextInt(100_000_000) / 1e8 + 5e-9;                // halves at the 9th decimal
            };
            amounts.add(a);
        }
        for (double a : amounts) {
            String reference;
            if (Math.abs(a - 1.0) < 1e-12) {
                reference = "";
            } else if (Math.abs(a - Math.rint(a)) < 1e-9) {
                reference = Long.toString(Math.round(a));
            } else {
                reference = String.format(java.util.Locale.ROOT, "%.8f", a).replaceAll("0+$", "");
                reference = reference.endsWith(".") ? reference.substring(0, reference.length() - 1) : reference;
            }
            assertEquals(reference, Composition.formatAmount(a), "amount " + a);
        }
    }
}
