package org.matscreen.repository.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.matscreen.core.screening.Objective;
import org.matscreen.repository.report.ReportData.CompositionPoint;
import org.matscreen.repository.report.ReportData.ObjectivePoint;

/** A price or footprint objective is shown with the year and scope of its data, and Fe's ore-like price. */
class ReportDataNotesTest {
    private static ReportData data(List<Objective> objectives, String system, String property) {
        List<String> elements = List.of(system.split("-"));
        double[] fractions = new double[elements.size()];
        java.util.Arrays.fill(fractions, 1.0 / elements.size());
        return new ReportData("notes", Optional.empty(), Map.of("ok", 2L), objectives, "",
                List.of(new ObjectivePoint("a".repeat(64), system, system, "fcc", new double[] {10, 2}, List.of(),
                        true), new ObjectivePoint("b".repeat(64), system, system, "fcc", new double[] {12, 1},
                        List.of(), true)),
                property, "USD/kg", List.of(new CompositionPoint(system, "fcc", elements, fractions, 10, system,
                        List.of())), Map.of(), Map.of(), List.of(), List.of());
    }

    @Test
    void priceAndFootprintObjectivesCarryTheirDataNotes() {
        String html = HtmlReport.render(data(List.of(new Objective("price_usd_per_kg", false),
                new Objective("co2_kg_per_kg", false)), "Co-Cr-Fe-Ni", "price_usd_per_kg"), Instant.EPOCH);
        assertTrue(html.contains("Note: price_usd_per_kg: element prices of 2013 (pymatgen costdb)"), html);
        assertTrue(html.contains("Note: price_usd_per_kg: Fe at 0.02970 USD/kg (2013) is an ore-like value"), html);
        assertTrue(html.contains("Note: co2_kg_per_kg: Nuss &amp; Eckelman (2014), 2008 global averages of primary"
                + " metal, cradle to gate"), html);
    }

    @Test
    void noFeNoFeCaveatAndNoNoteForPhysicalObjectives() {
        String cuni = HtmlReport.render(data(List.of(new Objective("price_usd_per_kg", false),
                new Objective("bulk_modulus_gpa", true)), "Cu-Ni", "price_usd_per_kg"), Instant.EPOCH);
        assertTrue(cuni.contains("element prices of 2013"), cuni);
        assertFalse(cuni.contains("ore-like"), cuni);
        String physical = HtmlReport.render(data(List.of(new Objective("dh_mix_ev_per_atom", false),
                new Objective("bulk_modulus_gpa", true)), "Co-Cr-Fe-Ni", "dh_mix_ev_per_atom"), Instant.EPOCH);
        assertFalse(physical.contains("data-note"), physical);
    }
}
