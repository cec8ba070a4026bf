package org.matscreen.core.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.error.InvalidInputException;

class DescriptorRegistryTest {

    @Test
    void publishedKeysExistWithTheirUnitsAndDirections() {
        List<String> keys = DescriptorRegistry.all().stream().map(DescriptorInfo::key).toList();
        assertEquals(List.of("delta_pct", "vec", "ds_mix_j_per_mol_k", "dh_mix_ti_kj_per_mol", "omega", "t_melt_k",
                "price_usd_per_kg", "hhi_production", "hhi_reserves", "co2_kg_per_kg", "embodied_energy_mj_per_kg",
                "critical_fraction", "critical_mass_fraction"), keys);
        assertEquals(keys.size(), new HashSet<>(keys).size());
        assertEquals("%", DescriptorRegistry.require("delta_pct").unit());
        assertEquals("USD/kg", DescriptorRegistry.require("price_usd_per_kg").unit());
        assertEquals(Direction.MINIMISE, DescriptorRegistry.require("price_usd_per_kg").direction());
        assertEquals(Direction.MINIMISE, DescriptorRegistry.require("hhi_production").direction());
        assertEquals(Direction.MAXIMISE, DescriptorRegistry.require("omega").direction());
        assertEquals(Direction.NONE, DescriptorRegistry.require("vec").direction());
        assertEquals("minimise", Direction.MINIMISE.word());
        for (DescriptorInfo info : DescriptorRegistry.all()) {
            assertTrue(!info.source().isBlank() && !info.unit().isBlank() && !info.label().isBlank(), info.key());
        }
    }

    @Test
    void valueByKeyMatchesTheRecordField() {
        Descriptors d = DescriptorCalculator.standard().compute(Composition.parse("Al0.3CoCrFeNi"));
        assertEquals(d.deltaPct(), d.value("delta_pct"), 0);
        assertEquals(d.vec(), d.value("vec"), 0);
        assertEquals(d.mixingEntropyJPerMolK(), d.value("ds_mix_j_per_mol_k"), 0);
        assertEquals(d.mixingEnthalpyKjPerMol(), d.value("dh_mix_ti_kj_per_mol"), 0);
        assertEquals(d.omega(), d.value("omega"), 0);
        assertEquals(d.meltingPointK(), d.value("t_melt_k"), 0);
        assertEquals(d.priceUsdPerKg(), d.value("price_usd_per_kg"), 0);
        assertEquals(d.hhiProduction(), d.value("hhi_production"), 0);
        assertEquals(d.hhiReserves(), d.value("hhi_reserves"), 0);
        assertEquals(d.criticalAtomFraction(), d.value("critical_fraction"), 0);
        assertEquals(d.criticalMassFraction(), d.value("critical_mass_fraction"), 0);
        Map<String, Double> m = d.asMap();
        assertEquals(DescriptorRegistry.all().size(), m.size());
        assertEquals(d.omega(), m.get("omega"), 0);
    }

    @Test
    void unknownKeyIsAUserErrorListingTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DescriptorRegistry.require("price", "campaign.yaml", "criteria[0].descriptor"));
        assertEquals("campaign.yaml", e.source());
        assertTrue(e.reason().contains("price_usd_per_kg"), e.reason());
        assertTrue(DescriptorRegistry.find("nope").isEmpty());
    }

    @Test
    void missingMapOnlyAcceptsRegistryKeys() {
        Descriptors d = DescriptorCalculator.standard().compute(Composition.parse("Fe"));
        Set<String> keys = d.missing().keySet();
        assertTrue(DescriptorRegistry.all().stream().map(DescriptorInfo::key).toList().containsAll(keys));
        assertThrows(InvalidInputException.class, () -> d.missing("not_a_key"));
    }
}
