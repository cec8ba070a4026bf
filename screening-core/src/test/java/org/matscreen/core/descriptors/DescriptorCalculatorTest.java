package org.matscreen.core.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matscreen.core.composition.Composition;

/**
 * Descriptors of well-known alloys against values worked out by hand in each test from the element data written out
 * here (Miracle radii, HEA VEC, Takeuchi–Inoue pairs, melting points, Gaultois HHI, costdb prices, atomic weights), so
 * a changed table or formula makes the test fail.
 */
class DescriptorCalculatorTest {
    private static final double R = 8.314462618;
    private static final DescriptorCalculator CALC = DescriptorCalculator.standard();

    // Atomic weights (g/mol) as in data/elements.csv.
    private static final double M_CO = 58.933195;
    private static final double M_CR = 51.9961;
    private static final double M_FE = 55.845;
    private static final double M_MN = 54.938045;
    private static final double M_NI = 58.6934;
    private static final double M_CU = 63.546;

    @Test
    void coCrFeNiByHand() {
        Descriptors d = CALC.compute(Composition.parse("CoCrFeNi"));
        // Miracle radii (pm): Co 125, Cr 130, Fe 125, Ni 126.
        double rBar = (125 + 130 + 125 + 126) / 4.0;
        double delta = 100 * Math.sqrt(0.25 * (sq(1 - 125 / rBar) + sq(1 - 130 / rBar) + sq(1 - 125 / rBar)
                + sq(1 - 126 / rBar)));
        assertEquals(delta, d.deltaPct(), 1e-12);
        assertEquals(1.6296, d.deltaPct(), 1e-4);
        assertEquals((9 + 6 + 8 + 10) / 4.0, d.vec(), 1e-12);
        assertEquals(8.25, d.vec(), 1e-12);
        assertEquals(R * Math.log(4), d.mixingEntropyJPerMolK(), 1e-12);
        // Pairs (kJ/mol): Co-Cr -4, Co-Fe -1, Co-Ni 0, Cr-Fe -1, Cr-Ni -7, Fe-Ni -2.
        double dh = 4 * (1 / 16.0) * (-4 - 1 + 0 - 1 - 7 - 2);
        assertEquals(-3.75, dh, 1e-12);
        assertEquals(dh, d.mixingEnthalpyKjPerMol(), 1e-12);
        double tm = (1768 + 2180 + 1811 + 1728) / 4.0;
        assertEquals(tm, d.meltingPointK(), 1e-9);
        assertEquals(tm * R * Math.log(4) / 3750.0, d.omega(), 1e-9);
        assertEquals(PhaseHint.FCC, d.phaseHint());
        assertTrue(d.missing().isEmpty(), d.missing().toString());
    }

    @Test
    void cantorAlloyByHand() {
        Descriptors d = CALC.compute(Composition.parse("CoCrFeMnNi"));
        // Miracle radii (pm): Co 125, Cr 130, Fe 125, Mn 132, Ni 126.
        double rBar = (125 + 130 + 125 + 132 + 126) / 5.0;
        double delta = 100 * Math.sqrt(0.2 * (sq(1 - 125 / rBar) + sq(1 - 130 / rBar) + sq(1 - 125 / rBar)
                + sq(1 - 132 / rBar) + sq(1 - 126 / rBar)));
        assertEquals(delta, d.deltaPct(), 1e-12);
        assertEquals(2.2496, d.deltaPct(), 1e-4);
        assertEquals(8.0, d.vec(), 1e-12);
        // VEC = 8 exactly is fcc by the Guo rule even though Σ c_i VEC_i lands a few ulp off 8.
        assertEquals(PhaseHint.FCC, d.phaseHint());
        assertEquals(R * Math.log(5), d.mixingEntropyJPerMolK(), 1e-12);
        // Pairs: Co-Cr -4, Co-Fe -1, Co-Mn -5, Co-Ni 0, Cr-Fe -1, Cr-Mn +2, Cr-Ni -7, Fe-Mn 0, Fe-Ni -2, Mn-Ni -8.
        double dh = 4 * (1 / 25.0) * (-4 - 1 - 5 + 0 - 1 + 2 - 7 + 0 - 2 - 8);
        assertEquals(-4.16, dh, 1e-12);
        assertEquals(dh, d.mixingEnthalpyKjPerMol(), 1e-12);
        double tm = (1768 + 2180 + 1811 + 1519 + 1728) / 5.0;
        assertEquals(1801.2, d.meltingPointK(), 1e-9);
        assertEquals(tm * R * Math.log(5) / 4160.0, d.omega(), 1e-9);
        assertEquals(5.794, d.omega(), 1e-3);
    }

    @Test
    void hhiOfBinaryIsMassWeighted() {
        Descriptors d = CALC.compute(Composition.parse("CuNi"));
        // Gaultois et al. 2013: Cu production 1600, reserves 1500; Ni production 1000, reserves 1500.
        double wCu = M_CU / (M_CU + M_NI);
        double wNi = M_NI / (M_CU + M_NI);
        assertEquals(wCu * 1600 + wNi * 1000, d.hhiProduction(), 1e-9);
        assertEquals(1311.9, d.hhiProduction(), 0.05);
        assertEquals(1500, d.hhiReserves(), 1e-9);
        assertEquals(HhiBand.LOW, d.hhiProductionBand());
        // A mass-weighted 1500 sits on the band edge and is moderate (1500-2500), whatever the last ulp.
        assertEquals(HhiBand.MODERATE, d.hhiReservesBand());
        // Atom-weighting would give (1600 + 1000) / 2 = 1300: the test tells the two apart.
        assertTrue(Math.abs(d.hhiProduction() - 1300) > 10);
    }

    @Test
    void priceIsMassWeightedAndCarriesItsYear() {
        Descriptors d = CALC.compute(Composition.parse("Cu3Ni"));
        // pymatgen costdb, Wolfram Alpha September 2013: Cu 8.9507572, Ni 22.8839556 USD/kg.
        double mCu = 3 * M_CU;
        double expected = (mCu * 8.9507572 + M_NI * 22.8839556) / (mCu + M_NI);
        assertEquals(expected, d.priceUsdPerKg(), 1e-9);
        assertEquals(2013, d.priceYearMin());
        assertEquals(2013, d.priceYearMax());
        double atomWeighted = 0.75 * 8.9507572 + 0.25 * 22.8839556;
        assertTrue(Math.abs(d.priceUsdPerKg() - atomWeighted) > 0.05);
    }

    @Test
    void criticalShareCountsOnlyListedElements() {
        Descriptors d = CALC.compute(Composition.parse("CoCrFeMnNi"));
        // EU 2023 list: Co and Mn are critical; Cr, Fe and Ni (listed only as battery grade) are not.
        assertEquals(0.4, d.criticalAtomFraction(), 1e-12);
        double total = M_CO + M_CR + M_FE + M_MN + M_NI;
        assertEquals((M_CO + M_MN) / total, d.criticalMassFraction(), 1e-12);
        Descriptors ti = CALC.compute(Composition.parse("Ti"));
        assertEquals(1.0, ti.criticalAtomFraction(), 0);
        Descriptors fe = CALC.compute(Composition.parse("Fe"));
        assertEquals(0.0, fe.criticalAtomFraction(), 0);
    }

    @Test
    void missingElementDataMakesOnlyThoseDescriptorsUnknownAndNamesTheElement() {
        // Po has a radius and a melting point but no HEA VEC, no HHI and no price; the Fe-Po pair has no ΔH.
        Descriptors d = CALC.compute(Composition.parse("Fe3Po"));
        assertTrue(Double.isNaN(d.vec()));
        assertEquals(List.of("Po"), d.missing("vec"));
        assertEquals(PhaseHint.UNKNOWN, d.phaseHint());
        assertTrue(Double.isNaN(d.hhiProduction()));
        assertEquals(List.of("Po"), d.missing("hhi_production"));
        assertEquals(HhiBand.UNKNOWN, d.hhiProductionBand());
        assertTrue(Double.isNaN(d.priceUsdPerKg()));
        assertEquals(List.of("Po"), d.missing("price_usd_per_kg"));
        assertEquals(0, d.priceYearMin());
        assertTrue(Double.isNaN(d.mixingEnthalpyKjPerMol()));
        assertEquals(List.of("Fe-Po"), d.missing("dh_mix_ti_kj_per_mol"));
        assertTrue(Double.isNaN(d.omega()));
        assertEquals(List.of("Fe-Po"), d.missing("omega"));
        // Known ones stay known.
        assertTrue(d.isKnown("delta_pct"));
        assertTrue(d.isKnown("t_melt_k"));
        assertEquals((3 * 1811 + 527) / 4.0, d.meltingPointK(), 1e-9);
        assertTrue(d.missing("delta_pct").isEmpty());
        assertFalse(d.isKnown("vec"));
    }

    /**
     * CoCrFeNi by hand with Nuss & Eckelman (2014), PLOS ONE 9, e101298: GWP (kg CO2-eq/kg) Co 8.3, Cr 2.4, Fe 1.5,
     * Ni 6.5; CED (MJ/kg) Co 128, Cr 40.2, Fe 23.1, Ni 111. Equiatomic, so w_i = M_i / ΣM with M (g/mol) Co
     * 58.933195, Cr 51.9961, Fe 55.845, Ni 58.6934 (ΣM = 225.468):
     * w = 0.26138, 0.23061, 0.24769, 0.26032; CO2 = 2.1695 + 0.5535 + 0.3715 + 1.6921 = 4.7865 kg CO2-eq/kg;
     * energy = 33.457 + 9.271 + 5.722 + 28.895 = 77.344 MJ/kg.
     */
    @Test
    void footprintsOfTheCantorFamilyByHand() {
        Descriptors d = CALC.compute(Composition.parse("CoCrFeNi"));
        assertEquals(4.7865, d.co2KgPerKg(), 1e-4);
        assertEquals(77.344, d.embodiedEnergyMjPerKg(), 1e-3);
        assertTrue(d.missing("co2_kg_per_kg").isEmpty());
        // a single element is its own table value
        assertEquals(1.5, CALC.compute(Composition.parse("Fe")).co2KgPerKg(), 0);
        assertEquals(3510, CALC.compute(Composition.parse("Hf")).embodiedEnergyMjPerKg(), 0);
        // an element the paper has no value for (carbon) makes both unknown and is named
        Descriptors steel = CALC.compute(Composition.parse("Fe0.96C0.04"));
        assertTrue(Double.isNaN(steel.co2KgPerKg()));
        assertEquals(List.of("C"), steel.missing("co2_kg_per_kg"));
    }

    @Test
    void theFootprintTableCoversTheZhouMetalsAndMnNbVHf() {
        for (String e : List.of("Cu", "Ag", "Au", "Ni", "Pd", "Pt", "Al", "Pb", "Fe", "Mo", "Ta", "W", "Mg", "Co", "Ti",
                "Zr", "Cr", "Mn", "Nb", "V", "Hf")) {
            Descriptors d = CALC.compute(Composition.parse(e));
            assertTrue(d.co2KgPerKg() > 0 && d.embodiedEnergyMjPerKg() > 0, e);
        }
    }

    @Test
    void footprintsAreMassWeightedWhenEveryElementHasAValue() {
        // Test inputs for the arithmetic only (not element data): 2 and 10 kg CO2-eq/kg, 30 and 100 MJ/kg.
        ElementTable co2 = ElementTable.of("test co2", "kg CO2-eq/kg", Map.of("Cu", 2.0, "Ni", 10.0));
        ElementTable energy = ElementTable.of("test energy", "MJ/kg", Map.of("Cu", 30.0, "Ni", 100.0));
        DescriptorCalculator calc = new DescriptorCalculator(DescriptorData.standard().withFootprints(co2, energy));
        Descriptors d = calc.compute(Composition.parse("CuNi"));
        double wCu = M_CU / (M_CU + M_NI);
        assertEquals(wCu * 2 + (1 - wCu) * 10, d.co2KgPerKg(), 1e-12);
        assertEquals(wCu * 30 + (1 - wCu) * 100, d.embodiedEnergyMjPerKg(), 1e-12);
        assertTrue(d.missing("co2_kg_per_kg").isEmpty());

        Descriptors withAl = calc.compute(Composition.parse("AlCuNi"));
        assertTrue(Double.isNaN(withAl.co2KgPerKg()));
        assertEquals(List.of("Al"), withAl.missing("co2_kg_per_kg"));
    }

    @Test
    void radiusTableSwapChangesDeltaAndMissingRadiusIsReported() {
        ElementTable radii = ElementTable.of("test radii", "pm", Map.of("Co", 125, "Cr", 130, "Fe", 125));
        DescriptorCalculator calc = new DescriptorCalculator(DescriptorData.standard().withRadii(radii));
        Descriptors d = calc.compute(Composition.parse("CoCrFeNi"));
        assertTrue(Double.isNaN(d.deltaPct()));
        assertEquals(List.of("Ni"), d.missing("delta_pct"));
        assertTrue(d.isKnown("vec"));
    }

    @Test
    void zeroMixingEnthalpyGivesInfiniteOmega() {
        // Co-Ni is 0 kJ/mol in Takeuchi & Inoue's table.
        Descriptors d = CALC.compute(Composition.parse("CoNi"));
        assertEquals(0.0, d.mixingEnthalpyKjPerMol(), 0);
        assertEquals(Double.POSITIVE_INFINITY, d.omega());
        assertTrue(d.isKnown("omega"));
        assertTrue(d.missing("omega").isEmpty());
    }

    @Test
    void singleElementHasNoMixingAndUndefinedOmega() {
        Descriptors d = CALC.compute(Composition.parse("W"));
        assertEquals(0.0, d.deltaPct(), 0);
        assertEquals(0.0, d.mixingEntropyJPerMolK(), 0);
        assertEquals(0.0, d.mixingEnthalpyKjPerMol(), 0);
        assertEquals(6.0, d.vec(), 0);
        assertEquals(PhaseHint.BCC, d.phaseHint());
        assertTrue(Double.isNaN(d.omega()));
        assertTrue(d.missing("omega").isEmpty(), "undefined, not missing data");
        assertEquals(3695, d.meltingPointK(), 0);
    }

    @Test
    void onlyFractionsMatterNotTheScaleOfTheAmounts() {
        Descriptors a = CALC.compute(Composition.parse("Al0.5CoCrFeNi"));
        Descriptors b = CALC.compute(Composition.parse("Al5Co10Cr10Fe10Ni10"));
        for (DescriptorInfo info : DescriptorRegistry.all()) {
            double x = a.value(info.key());
            double y = b.value(info.key());
            if (Double.isNaN(x)) {
                assertTrue(Double.isNaN(y), info.key());
            } else {
                assertEquals(x, y, 1e-9 * Math.max(1, Math.abs(x)), info.key());
            }
        }
    }

    @Test
    void emptyCompositionIsRejected() {
        Composition empty = Composition.of(Map.of("Fe", 0.0));
        assertThrows(IllegalArgumentException.class, () -> CALC.compute(empty));
    }

    private static double sq(double x) {
        return x * x;
    }
}
