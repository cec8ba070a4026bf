package org.matscreen.repository.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.matscreen.core.screening.Objective;
import org.matscreen.repository.AdaptiveManifest;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.report.ReportData.ObjectivePoint;

/** The report's adaptive section: the front's growth by round against a hand calculation, and its parts. */
class AdaptiveSectionTest {
    static AdaptiveManifest.RoundPick pick(long index, String id) {
        return new AdaptiveManifest.RoundPick(index, id, "X", "fcc", Double.NaN, Map.of(), Map.of());
    }

    static ReportData data(AdaptiveManifest a) {
        Manifest m = new Manifest(1, "c", "", "name: c\n", "t", "t", "f", 10, Map.of("ok", 3L), "v", "c", "",
                new Manifest.Potential("p", "eam/alloy", "k", "cite", List.of("Cu")), List.of(), a);
        List<ObjectivePoint> points = List.of(
                new ObjectivePoint("a", "A", "Cu", "fcc", new double[] {1, 1}, List.of(), true),
                new ObjectivePoint("b", "B", "Cu", "fcc", new double[] {2, 3}, List.of(), true),
                new ObjectivePoint("c", "C", "Cu", "fcc", new double[] {0, 2}, List.of(), true));
        return data(m, points);
    }

    static ReportData data(Manifest m, List<ObjectivePoint> points) {
        return new ReportData("c", Optional.of(m), Map.of("ok", (long) points.size()), List.of(
                new Objective("dh_mix_ev_per_atom", false), new Objective("bulk_modulus_gpa", true)), "", points,
                "dh_mix_ev_per_atom", "eV/atom", List.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    static AdaptiveManifest twoRounds(AdaptiveManifest.Outcome outcome) {
        AdaptiveManifest.Round r0 = new AdaptiveManifest.Round(0, "initial", "complete", "t", "t", 0, Map.of(), 0,
                List.of(pick(0, "a"), pick(1, "b")), List.of(), List.of());
        AdaptiveManifest.Round r1 = new AdaptiveManifest.Round(1, "acquisition", "complete", "t", "t", 2,
                Map.of("dh_mix_ev_per_atom", 2.2, "bulk_modulus_gpa", 1.9), 2, List.of(pick(2, "c")), List.of(),
                List.of(new AdaptiveManifest.RoundCalibration("dh_mix_ev_per_atom", 1, 1, 1.0, 0.1, 0.5)));
        return new AdaptiveManifest(3, Map.of("seed", "1"), List.of(r0, r1), outcome);
    }

    @Test
    void theHypervolumeOfTheMeasuredFrontGrowsAsComputedByHand() {
        // costs (f1, -f2): A (1, -1), B (2, -3), C (0, -2). The final front is {C, B}; its ranges put the reference
        // at (2 + 0.1·2, -2 + 0.1·1) = (2.2, -1.9). Final volume: C's box 2.2 × 0.1 plus B's 0.2 × 1.1 less their
        // overlap 0.2 × 0.1 = 0.42. After round 0 the front is {A, B}; A lies beyond the reference in f2 and adds
        // nothing, so the volume is B's 0.22.
        List<double[]> g = AdaptiveSection.growth(data(twoRounds(null)), twoRounds(null));
        assertEquals(2, g.size());
        assertEquals(2, g.get(0)[0]);
        assertEquals(0.22 / 0.42, g.get(0)[1], 1e-12);
        assertEquals(3, g.get(1)[0]);
        assertEquals(1.0, g.get(1)[1], 1e-12);
    }

    @Test
    void aSampledRecordCountsInItsCompositionsRoundAndFlaggedRecordsAreLeftOut() {
        AdaptiveManifest a = twoRounds(null);
        Manifest m = data(a).manifest().orElseThrow();
        List<ObjectivePoint> points = List.of(
                new ObjectivePoint("a", "A", "Cu", "fcc", new double[] {1, 1}, List.of(), true),
                new ObjectivePoint("b", "B", "Cu", "fcc", new double[] {2, 3}, List.of(), true),
                new ObjectivePoint("c", "C", "Cu", "fcc", new double[] {0, 2}, List.of(), true),
                // sample 1 of c's composition: chosen in round 1 with it
                new ObjectivePoint("c2", "C", "Cu", "fcc", new double[] {0, 2.5}, List.of(), true, "c"),
                // a record the ranking leaves out (say, its cell transformed): not on any front
                new ObjectivePoint("x", "X", "Cu", "fcc", new double[] {-1, 10}, List.of("transformed"), false, "x"));
        // the final front is {c2 (0, -2.5), b (2, -3)}: reference (2.2, -2.45), volume 0.11 + 0.11 - 0.01 = 0.21;
        // after round 0, {a, b}: a lies beyond the reference, b adds 0.2 × 0.55 = 0.11
        List<double[]> g = AdaptiveSection.growth(data(m, points), a);
        assertEquals(0.11 / 0.21, g.get(0)[1], 1e-12);
        assertEquals(1.0, g.get(1)[1], 1e-12);
    }

    @Test
    void theSectionShowsFrontsByRoundThePredictedFrontCalibrationAndRounds() {
        AdaptiveManifest.FrontMember predicted = new AdaptiveManifest.FrontMember(5, "e", "E", "fcc", null,
                Map.of("dh_mix_ev_per_atom", 0.5, "bulk_modulus_gpa", 2.5), Map.of("dh_mix_ev_per_atom", 0.1, "bulk_modulus_gpa", 0.2), 0.9);
        AdaptiveManifest.Outcome outcome = new AdaptiveManifest.Outcome("t", 3, "adaptive/surrogate-map", 10,
                List.of(), List.of(), List.of(predicted), 1, 0.5, 500);
        String html = HtmlReport.render(data(twoRounds(outcome)), Instant.parse("2026-01-02T00:00:00Z"));
        assertTrue(html.contains("id=\"adaptive-front-chart\""));
        assertEquals(1, HtmlReportTest.count(html, "<circle class=\"predicted\""));
        assertEquals(2, HtmlReportTest.count(html, "class=\"predicted-bar\""), "±1 σ in both objectives");
        // round 0's front {A, B} and round 1's {C, B}
        assertEquals(4, HtmlReportTest.count(html, "<circle class=\"round-front\""));
        assertTrue(html.contains("id=\"adaptive-hypervolume-chart\""));
        assertTrue(html.contains("id=\"adaptive-calibration-chart\""));
        assertEquals(3, HtmlReportTest.count(html, "<tr>") - HtmlReportTest.count(html.substring(0,
                html.indexOf("id=\"rounds-table\"")), "<tr>"), "header and one row per round");
        assertTrue(html.contains("3 of the 10 candidates"), html);
    }

    @Test
    void anExhaustiveCampaignHasNoSection() {
        String html = HtmlReport.render(data(null), Instant.parse("2026-01-02T00:00:00Z"));
        assertFalse(html.contains("id=\"adaptive\""));
    }
}
