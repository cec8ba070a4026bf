package org.matscreen.repository.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.matscreen.core.adaptive.Hypervolume;
import org.matscreen.core.screening.Objective;
import org.matscreen.repository.AdaptiveManifest;
import org.matscreen.repository.report.ReportData.ObjectivePoint;

/**
 * The report's section on an adaptive campaign, from the manifest's rounds and the records: the measured Pareto front
 * as it grew round by round (first two objectives, with the predicted front and its ±1 σ bars), the hypervolume of
 * the measured front against simulations spent, and the calibration of each round's predictions (how often the
 * outcome fell inside the predicted 95 % interval).
 */
final class AdaptiveSection {
    private static final int WIDTH = 680;
    private static final int HEIGHT = 440;
    private static final int SMALL_WIDTH = 520;
    private static final int SMALL_HEIGHT = 320;
    private static final String[] METRIC_COLOURS = {"#d32f2f", "#1976d2", "#388e3c", "#f57c00", "#7b1fa2"};

    private AdaptiveSection() {}

    /** Appends the section if the campaign is adaptive. */
    static void render(StringBuilder b, ReportData data) {
        AdaptiveManifest a = data.manifest().map(m -> m.adaptive()).orElse(null);
        if (a == null) {
            return;
        }
        b.append("<h2 id=\"adaptive\">Adaptive screening</h2>\n");
        long spent = a.rounds().stream().mapToLong(r -> r.picks().size()).sum();
        long candidates = data.manifest().get().candidates();
        b.append("<p>").append(a.rounds().size()).append(" rounds chose ").append(spent).append(" of the ")
                .append(candidates).append(" candidates (").append(String.format(Locale.ROOT, "%.1f %%",
                        100.0 * spent / Math.max(1, candidates))).append("; budget ").append(a.budget())
                .append("): a space-filling initial design, then batches chosen by expected hypervolume improvement ×"
                        + " probability of passing the filters, with a Gaussian-process surrogate refitted each"
                        + " round.</p>\n");
        List<double[]> growth = growth(data, a);
        if (data.objectives().size() >= 2 && !data.rankedPoints().isEmpty()) {
            b.append(frontChart(data, a));
            b.append("<p class=\"muted\">The measured Pareto front of ").append(Svg.escape(
                    data.objectives().subList(0, 2).toString())).append(" after each round (over the ranked"
                    + " records, as in the Pareto chart above; dark: early rounds, yellow: late)");
            if (a.outcome() != null && !a.outcome().predictedFront().isEmpty()) {
                b.append(", and the front the final surrogate predicts among candidates not simulated (open"
                        + " circles, bars ±1 σ)");
            }
            b.append(".</p>\n");
        }
        if (!growth.isEmpty()) {
            b.append(hypervolumeChart(growth));
            b.append("<p class=\"muted\">Hypervolume dominated by the measured front after each round, relative to"
                    + " the final one (reference point 10 % of the final front's range past its worst values).</p>\n");
        }
        if (a.rounds().stream().anyMatch(r -> !r.calibration().isEmpty())) {
            b.append(calibrationChart(a));
            b.append("<p class=\"muted\">Share of each round's outcomes inside the 95 % interval its surrogate"
                    + " predicted (mean ± 1.96 σ); a calibrated model stays near the dashed line at 0.95.</p>\n");
        }
        roundTable(b, a);
    }

    /** Round by id of every picked candidate. */
    static Map<String, Integer> roundsById(AdaptiveManifest a) {
        Map<String, Integer> m = new HashMap<>();
        for (AdaptiveManifest.Round r : a.rounds()) {
            for (AdaptiveManifest.RoundPick p : r.picks()) {
                m.putIfAbsent(p.id(), r.number());
            }
        }
        return m;
    }

    private static double[] costs(ObjectivePoint p, List<Objective> objectives) {
        double[] c = new double[objectives.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = objectives.get(k).cost(p.values()[k]);
        }
        return c;
    }

    /**
     * The ranked records known after each round: points whose round (found by their composition's group; records no
     * round chose count from the start) ≤ k.
     */
    private static List<List<ObjectivePoint>> cumulative(ReportData data, AdaptiveManifest a) {
        Map<String, Integer> round = roundsById(a);
        List<List<ObjectivePoint>> out = new ArrayList<>();
        for (AdaptiveManifest.Round r : a.rounds()) {
            List<ObjectivePoint> known = new ArrayList<>();
            for (ObjectivePoint p : data.rankedPoints()) {
                if (round.getOrDefault(p.group(), -1) <= r.number()) {
                    known.add(p);
                }
            }
            out.add(known);
        }
        return out;
    }

    private static List<ObjectivePoint> front(List<ObjectivePoint> points, List<Objective> objectives) {
        List<double[]> c = points.stream().map(p -> costs(p, objectives)).toList();
        boolean[] on = ParetoFront.of(c);
        List<ObjectivePoint> out = new ArrayList<>();
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                out.add(points.get(i));
            }
        }
        return out;
    }

    /**
     * Per round: {simulations so far, hypervolume of the measured front ÷ the final one}; empty without objectives or
     * points.
     */
    static List<double[]> growth(ReportData data, AdaptiveManifest a) {
        List<Objective> objectives = data.objectives();
        if (objectives.isEmpty() || data.rankedPoints().isEmpty() || a.rounds().isEmpty()) {
            return List.of();
        }
        List<double[]> finalFront = front(data.rankedPoints(), objectives).stream().map(p -> costs(p, objectives))
                .toList();
        double[] reference = new double[objectives.size()];
        for (int k = 0; k < reference.length; k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] c : finalFront) {
                lo = Math.min(lo, c[k]);
                hi = Math.max(hi, c[k]);
            }
            reference[k] = hi + 0.1 * (hi > lo ? hi - lo : Math.max(1, Math.abs(hi)));
        }
        double total = Hypervolume.of(finalFront, reference);
        List<double[]> out = new ArrayList<>();
        long spent = 0;
        List<List<ObjectivePoint>> known = cumulative(data, a);
        for (int r = 0; r < a.rounds().size(); r++) {
            spent += a.rounds().get(r).picks().size();
            List<double[]> c = known.get(r).stream().map(p -> costs(p, objectives)).toList();
            out.add(new double[] {spent, total > 0 ? Hypervolume.of(c, reference) / total : Double.NaN});
        }
        return out;
    }

    private static String frontChart(ReportData data, AdaptiveManifest a) {
        List<Objective> objectives = data.objectives();
        List<AdaptiveManifest.FrontMember> predicted = a.outcome() == null ? List.of()
                : a.outcome().predictedFront();
        String m0 = objectives.get(0).metric();
        String m1 = objectives.get(1).metric();
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (ObjectivePoint p : data.points()) {
            xLo = Math.min(xLo, p.values()[0]);
            xHi = Math.max(xHi, p.values()[0]);
            yLo = Math.min(yLo, p.values()[1]);
            yHi = Math.max(yHi, p.values()[1]);
        }
        List<double[]> bars = new ArrayList<>(); // x, y, sdX, sdY
        for (AdaptiveManifest.FrontMember f : predicted) {
            Double x = f.mean().get(m0);
            Double y = f.mean().get(m1);
            if (x == null || y == null) {
                continue;
            }
            double sx = f.sd().getOrDefault(m0, 0.0) == null ? 0 : f.sd().getOrDefault(m0, 0.0);
            double sy = f.sd().getOrDefault(m1, 0.0) == null ? 0 : f.sd().getOrDefault(m1, 0.0);
            bars.add(new double[] {x, y, sx, sy});
            xLo = Math.min(xLo, x - sx);
            xHi = Math.max(xHi, x + sx);
            yLo = Math.min(yLo, y - sy);
            yHi = Math.max(yHi, y + sy);
        }
        PlotFrame f = new PlotFrame(WIDTH, HEIGHT, xLo, xHi, yLo, yHi);
        Svg svg = new Svg("adaptive-front-chart", "chart", WIDTH, HEIGHT, "measured Pareto front by round");
        f.draw(svg, ParetoChart.axisTitle(objectives.get(0)), ParetoChart.axisTitle(objectives.get(1)));
        int stride = Math.max(1, (data.points().size() + ParetoChart.MAX_BACKGROUND_POINTS - 1)
                / ParetoChart.MAX_BACKGROUND_POINTS);
        for (int i = 0; i < data.points().size(); i += stride) {
            ObjectivePoint p = data.points().get(i);
            svg.circle(f.x.px(p.values()[0]), f.y.px(p.values()[1]), 2.5, "point", "", "");
        }
        for (double[] bar : bars) {
            svg.line(f.x.px(bar[0] - bar[2]), f.y.px(bar[1]), f.x.px(bar[0] + bar[2]), f.y.px(bar[1]),
                    "predicted-bar");
            svg.line(f.x.px(bar[0]), f.y.px(bar[1] - bar[3]), f.x.px(bar[0]), f.y.px(bar[1] + bar[3]),
                    "predicted-bar");
            svg.circle(f.x.px(bar[0]), f.y.px(bar[1]), 3.5, "predicted", "", String.format(Locale.ROOT,
                    "predicted: %s = %.5g ± %.2g, %s = %.5g ± %.2g", m0, bar[0], bar[2], m1, bar[1], bar[3]));
        }
        List<List<ObjectivePoint>> known = cumulative(data, a);
        List<Objective> two = objectives.subList(0, 2);
        int last = Math.max(1, known.size() - 1);
        for (int r = 0; r < known.size(); r++) {
            List<ObjectivePoint> fr = front(known.get(r), two);
            fr.sort(Comparator.comparingDouble(p -> p.values()[0]));
            if (fr.isEmpty()) {
                continue;
            }
            String colour = ColourMap.viridis((double) r / last);
            svg.polyline(fr.stream().mapToDouble(p -> f.x.px(p.values()[0])).toArray(),
                    fr.stream().mapToDouble(p -> f.y.px(p.values()[1])).toArray(), "series", colour);
            for (ObjectivePoint p : fr) {
                svg.circle(f.x.px(p.values()[0]), f.y.px(p.values()[1]), 3, "round-front", colour,
                        "after round " + a.rounds().get(r).number() + ": " + p.formula() + " (" + p.prototype() + ")");
            }
        }
        return svg.end();
    }

    private static String hypervolumeChart(List<double[]> growth) {
        double xHi = growth.get(growth.size() - 1)[0];
        PlotFrame f = new PlotFrame(SMALL_WIDTH, SMALL_HEIGHT, 0, xHi, 0, 1);
        Svg svg = new Svg("adaptive-hypervolume-chart", "chart", SMALL_WIDTH, SMALL_HEIGHT,
                "hypervolume of the measured front by simulations spent");
        f.draw(svg, "simulations spent", "hypervolume ÷ final");
        svg.polyline(growth.stream().mapToDouble(g -> f.x.px(g[0])).toArray(),
                growth.stream().mapToDouble(g -> f.y.px(Double.isNaN(g[1]) ? 0 : g[1])).toArray(), "front-line", "");
        for (double[] g : growth) {
            svg.circle(f.x.px(g[0]), f.y.px(Double.isNaN(g[1]) ? 0 : g[1]), 3, "front", "", String.format(
                    Locale.ROOT, "%.0f simulations: %.3f", g[0], g[1]));
        }
        return svg.end();
    }

    private static String calibrationChart(AdaptiveManifest a) {
        Set<String> metrics = new LinkedHashSet<>();
        a.rounds().forEach(r -> r.calibration().forEach(c -> metrics.add(c.metric())));
        int lastRound = a.rounds().get(a.rounds().size() - 1).number();
        PlotFrame f = new PlotFrame(SMALL_WIDTH, SMALL_HEIGHT, 0, Math.max(1, lastRound), 0, 1);
        Svg svg = new Svg("adaptive-calibration-chart", "chart", SMALL_WIDTH, SMALL_HEIGHT,
                "calibration of each round's predictions");
        f.draw(svg, "round", "outcomes inside the 95 % interval");
        svg.line(f.x.px(0), f.y.px(0.95), f.x.px(Math.max(1, lastRound)), f.y.px(0.95), "reference-line");
        int m = 0;
        for (String metric : metrics) {
            String colour = METRIC_COLOURS[m++ % METRIC_COLOURS.length];
            List<double[]> pts = new ArrayList<>();
            for (AdaptiveManifest.Round r : a.rounds()) {
                for (AdaptiveManifest.RoundCalibration c : r.calibration()) {
                    if (c.metric().equals(metric) && c.insideFraction() != null) {
                        pts.add(new double[] {r.number(), c.insideFraction(), c.count()});
                    }
                }
            }
            svg.polyline(pts.stream().mapToDouble(p -> f.x.px(p[0])).toArray(),
                    pts.stream().mapToDouble(p -> f.y.px(p[1])).toArray(), "series", colour);
            for (double[] p : pts) {
                svg.circle(f.x.px(p[0]), f.y.px(p[1]), 3, "calibration-point", colour, String.format(Locale.ROOT,
                        "%s, round %.0f: %.2f of %.0f", metric, p[0], p[1], p[2]));
            }
            // legend in the bottom left, below where calibrated rounds lie
            double ly = f.y.px(0) - 10 - 14 * (metrics.size() - m);
            svg.polyline(new double[] {f.x.px(0) + 8, f.x.px(0) + 28}, new double[] {ly - 4, ly - 4}, "series",
                    colour);
            svg.text(f.x.px(0) + 32, ly, metric, "tick", "start", 0);
        }
        return svg.end();
    }

    private static void roundTable(StringBuilder b, AdaptiveManifest a) {
        b.append("<table id=\"rounds-table\">\n<tr><th>round</th><th>phase</th><th>candidates</th><th>state</th>"
                + "<th>front size when planned</th><th>calibration (inside 95 % interval, RMSE)</th></tr>\n");
        for (AdaptiveManifest.Round r : a.rounds()) {
            StringBuilder cal = new StringBuilder();
            for (AdaptiveManifest.RoundCalibration c : r.calibration()) {
                cal.append(cal.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %d/%d, %.3g",
                        c.metric(), c.inside95(), c.count(), c.rmse() == null ? Double.NaN : c.rmse()));
            }
            b.append("<tr><td class=\"num\">").append(r.number()).append("</td><td>").append(Svg.escape(r.phase()))
                    .append("</td><td class=\"num\">").append(r.picks().size()).append("</td><td>")
                    .append(Svg.escape(r.state())).append("</td><td class=\"num\">").append(r.frontSize())
                    .append("</td><td>").append(Svg.escape(cal.toString())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }
}
