package org.matscreen.repository.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.screening.ParetoRanking;
import org.matscreen.repository.TestRepositories;
import org.matscreen.repository.query.RecordStore;

/** The report's content, structure and self-containment, without a browser. */
class HtmlReportTest {
    @TempDir
    Path dir;

    static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theReportHasEveryPlot() {
        ReportData data = ReportData.collect(new RecordStore(ReportFixtures.repository(dir)), null);
        String html = HtmlReport.render(data, Instant.parse("2026-01-02T00:00:00Z"));
        assertEquals(2, data.objectives().size());
        assertEquals(68, data.points().size(), "the OK records");
        assertEquals(5, count(html, "class=\"status-bar\""), "one bar per status");
        assertTrue(html.contains("data-status=\"crashed\" data-count=\"1\""));
        int front = ParetoChart.front(data).size();
        int leftOut = 68 - data.rankedPoints().size();
        assertTrue(leftOut > 0, "the fixture has transformed and mechanically unstable records");
        assertEquals(front, count(html, "<circle class=\"front\""));
        assertEquals(68 - front - leftOut, count(html, "<circle class=\"point\""));
        assertEquals(leftOut, count(html, "class=\"point flagged flag-"), "flagged records drawn as markers");
        assertTrue(ParetoChart.front(data).stream().allMatch(ReportData.ObjectivePoint::ranked),
                "no flagged record on the front");
        assertTrue(html.contains("<table id=\"flag-table\">"));
        assertTrue(html.contains("<td>transformed</td>"));
        assertEquals(1, count(html, "class=\"front-line\""));
        assertEquals(6, count(html, "class=\"chart binary-chart\""), "C(4,2) binaries");
        assertEquals(8, count(html, "class=\"chart ternary-chart\""), "C(4,3) ternaries x 2 prototypes");
        assertTrue(html.contains("Mixing enthalpy ΔH_mix (eV/atom) against composition"), "a readable heading");
    }

    /**
     * Issue 18 item 11: axis titles are names with units, not column keys; the legend of a binary chart stands right of
     * its plot area, where no point is drawn; ternary charts have composition gridlines; points tell their values on
     * hover (an SVG title).
     */
    @Test
    void labelsAreReadableLegendsStayOutOfThePlotAndTernariesHaveAGrid() {
        String html = HtmlReport.render(ReportData.collect(new RecordStore(ReportFixtures.repository(dir)), null),
                Instant.parse("2026-01-02T00:00:00Z"));
        assertTrue(html.contains(">Mixing enthalpy ΔH_mix (eV/atom) → min</text>"), "Pareto x axis");
        assertTrue(html.contains(">Bulk modulus B_EOS (GPa) → max</text>"), "Pareto y axis");
        assertFalse(Pattern.compile("class=\"axis-title\"[^>]*>[a-z0-9]+_[a-z0-9_]+").matcher(html).find(),
                "no raw column key as an axis title");
        for (String chart : charts(html, "chart binary-chart")) {
            double plotRight = CompositionCharts.W - PlotFrame.RIGHT;
            for (double cx : numbers(chart, "class=\"binary-point\" cx=\"([0-9.]+)\"")) {
                assertTrue(cx <= plotRight + 0.05, "points inside the plot area: " + cx);
            }
            List<Double> legend = numbers(chart, "<text class=\"legend\" x=\"([0-9.]+)\"");
            assertFalse(legend.isEmpty(), "each binary chart has a legend");
            for (double x : legend) {
                assertTrue(x > plotRight, "legend right of the plot area: " + x + " > " + plotRight);
            }
            assertTrue(chart.contains(" atom fraction in "), "x axis names the fraction");
        }
        for (String chart : charts(html, "chart ternary-chart")) {
            // 1/0.2 − 1 = 4 lines of constant fraction per element, 3 elements
            assertEquals(12, count(chart, "class=\"ternary-grid\""), "composition gridlines");
            assertEquals(12, count(chart, "class=\"ternary-tick\""), "gridline labels");
        }
        assertTrue(Pattern.compile("<title>[A-Za-z0-9.]+ \\(fcc\\): Mixing enthalpy ΔH_mix = -?[0-9.e-]+ eV/atom")
                .matcher(html).find(), "hover text with the value and its unit");
    }

    /** The SVG elements of one chart class. */
    static List<String> charts(String html, String cssClass) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg [^>]*class=\"" + cssClass + "\".*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        assertFalse(out.isEmpty(), "charts of class " + cssClass);
        return out;
    }

    static List<Double> numbers(String text, String regex) {
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }

    @Test
    void theReportLoadsNothing() {
        String html = HtmlReport.render(ReportData.collect(new RecordStore(ReportFixtures.repository(dir)), null),
                Instant.now());
        String withoutNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(withoutNamespace.matches("(?s).*(https?:|//[a-z]|<script|<link|<img|<iframe|url\\().*"),
                "no script, link, image or URL");
    }

    @Test
    void withoutAManifestThereIsNoFrontButStillAReport() {
        ReportData data = ReportData.collect(new RecordStore(TestRepositories.quaternary(dir)), "bulk_modulus_gpa");
        String html = HtmlReport.render(data, Instant.now());
        assertTrue(data.objectives().isEmpty());
        assertTrue(html.contains("No Pareto front: the repository has no manifest.json"), html);
        assertTrue(html.contains("Bulk modulus B_EOS (GPa) against composition"));
        assertEquals(5, count(html, "class=\"status-bar\""));
    }

    @Test
    void theFirstFrontIsParetoRankOne() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            List<double[]> costs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                costs.add(new double[] {rng.nextInt(30), rng.nextInt(30), rng.nextDouble()});
            }
            int[] ranks = ParetoRanking.ranks(costs);
            boolean[] front = ParetoFront.of(costs);
            for (int i = 0; i < costs.size(); i++) {
                assertEquals(ranks[i] == 1, front[i], "point " + i);
            }
        }
    }

    @Test
    void axesHaveNiceTicksCoveringTheData() {
        Axis a = Axis.covering(-0.013, 0.047, 0, 100);
        assertEquals(-0.02, a.min(), 1e-12);
        assertEquals(0.06, a.max(), 1e-12);
        assertEquals(List.of("-0.02", "0.00", "0.02", "0.04", "0.06"),
                a.ticks().stream().map(a::label).toList());
        Axis flat = Axis.covering(5, 5, 0, 100);
        assertTrue(flat.min() < 5 && flat.max() > 5);
    }
}
