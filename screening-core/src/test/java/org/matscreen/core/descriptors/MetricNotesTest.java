package org.matscreen.core.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The notes shown next to price and footprint criteria, read from the data tables. */
class MetricNotesTest {
    @Test
    void aPriceSaysItsYearAndFesOrePrice() {
        List<String> cantor = MetricNotes.of("price_usd_per_kg", List.of("Co", "Cr", "Fe", "Ni"));
        assertEquals("price_usd_per_kg: element prices of 2013 (pymatgen costdb), nominal USD, not adjusted for"
                + " inflation", cantor.get(0));
        assertEquals(2, cantor.size(), cantor.toString());
        assertTrue(cantor.get(1).startsWith("price_usd_per_kg: Fe at 0.02970 USD/kg (2013) is an ore-like value"),
                cantor.get(1));
        List<String> cuni = MetricNotes.of("price_usd_per_kg", List.of("Cu", "Ni"));
        assertEquals(1, cuni.size(), "no Fe, no Fe caveat: " + cuni);
        // with the elements unknown, every row counts: Ba (2019) and a few gases (2020) widen the range
        List<String> any = MetricNotes.of("price_usd_per_kg", null);
        assertTrue(any.get(0).contains("2013–2020"), any.toString());
        assertTrue(any.stream().anyMatch(n -> n.contains(" Fe at ")), any.toString());
    }

    @Test
    void footprintsSayYearScopeAndWhatIsMissing() {
        List<String> notes = MetricNotes.of("co2_kg_per_kg", List.of("Fe", "C"));
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("2008 global averages of primary metal, cradle to gate"), notes.get(0));
        assertEquals("co2_kg_per_kg: unknown for alloys with C (no value in the data)", notes.get(1));
        assertEquals(1, MetricNotes.of("embodied_energy_mj_per_kg", List.of("Cu", "Ni")).size());
    }

    @Test
    void otherMetricsNeedNoNote() {
        assertTrue(MetricNotes.of("delta_pct", List.of("Fe")).isEmpty());
        assertTrue(MetricNotes.of("bulk_modulus_gpa", null).isEmpty());
    }
}
