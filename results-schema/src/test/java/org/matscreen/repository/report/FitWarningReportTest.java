package org.matscreen.repository.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.matscreen.core.screening.Objective;

/** The report warns, visibly, when it ranks by an energy that a mixing rule produced (issue 14). */
class FitWarningReportTest {
    static String html(List<Objective> objectives, Map<String, Long> fit) {
        ReportData d = new ReportData("c", Optional.empty(), Map.of("ok", 10L), objectives, "", List.of(),
                "dh_mix_ev_per_atom", "eV/atom", List.of(), fit, Map.of(), List.of(), List.of());
        return HtmlReport.render(d, Instant.parse("2026-01-02T00:00:00Z"));
    }

    @Test
    void energyRankingOverMixingRuleRecordsIsWarned() {
        String h = html(List.of(new Objective("dh_form_ev_per_atom", false)), Map.of("mixing_rule", 7L, "fitted", 3L));
        assertTrue(h.contains("id=\"fit-warning\""), h);
        assertTrue(h.contains("for 7 computed records"), h);
    }

    @Test
    void noWarningWhenEveryRecordIsFittedOrNoEnergyIsRanked() {
        assertFalse(html(List.of(new Objective("dh_form_ev_per_atom", false)), Map.of("fitted", 10L))
                .contains("fit-warning"));
        assertFalse(html(List.of(new Objective("bulk_modulus_gpa", true)), Map.of("mixing_rule", 10L))
                .contains("fit-warning"));
    }
}
