package org.matscreen.repository.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.matscreen.core.screening.MetricLabels;
import org.matscreen.repository.report.ReportData.CompositionPoint;

/**
 * A property against composition: one line chart per binary system (x = fraction of its second element, one line
 * per prototype, the pure elements at the ends) and one triangle per ternary system and prototype (points at their
 * barycentric position, coloured by value on the viridis scale, with the system's binaries and pure elements on its
 * edges and corners).
 */
final class CompositionCharts {
    /** Most charts of each kind; a campaign with more systems shows the first ones alphabetically and says so. */
    static final int MAX_CHARTS = 12;
    private static final String[] SERIES_COLOURS = {"#1565c0", "#c62828", "#2e7d32", "#6a1b9a"};
    static final int W = 400;
    private static final int H = 300;
    /** Width to the right of a binary chart's plot area that holds its legend, so the legend never covers a point. */
    static final int LEGEND_WIDTH = 96;
    /** Composition gridlines of a ternary chart, every this atom fraction. */
    static final double TERNARY_GRID_STEP = 0.2;

    private CompositionCharts() {}

    /** Chemical systems of {@code order} elements that have points, alphabetically. */
    static List<String> systems(ReportData data, int order) {
        return data.compositions().stream().filter(p -> p.elements().size() == order)
                .map(CompositionPoint::chemicalSystem).distinct().sorted().toList();
    }

    static String binary(ReportData data, String system) {
        List<String> els = List.of(system.split("-"));
        Map<String, List<CompositionPoint>> byPrototype = within(data, els).stream()
                .collect(Collectors.groupingBy(data::seriesOf, TreeMap::new, Collectors.toList()));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<CompositionPoint> ps : byPrototype.values()) {
            for (CompositionPoint p : ps) {
                lo = Math.min(lo, p.value());
                hi = Math.max(hi, p.value());
            }
        }
        for (ReportData.AggregatePoint a : data.ensemble().isEmpty() ? data.aggregates()
                : List.<ReportData.AggregatePoint>of()) {
            if (els.containsAll(a.elements()) && !Double.isNaN(a.sem())) {
                lo = Math.min(lo, a.mean() - a.sem());
                hi = Math.max(hi, a.mean() + a.sem());
            }
        }
        PlotFrame f = new PlotFrame(W, H, 0, 1, lo, hi);
        Svg svg = new Svg("", "chart binary-chart", W + LEGEND_WIDTH, H, MetricLabels.name(data.property()) + " of "
                + system);
        f.draw(svg, els.get(1) + " atom fraction in " + system, MetricLabels.withUnit(data.property()));
        int s = 0;
        for (Map.Entry<String, List<CompositionPoint>> e : byPrototype.entrySet()) {
            String colour = SERIES_COLOURS[s % SERIES_COLOURS.length];
            // The line joins the mean value of the unflagged records at each composition; every record is a marker,
            // flagged ones in the shape of their flag.
            Map<Double, double[]> byX = new TreeMap<>();
            for (CompositionPoint p : e.getValue()) {
                if (Markers.markerOf(p.flags()) != null) {
                    continue;
                }
                double x = fraction(p, els.get(1));
                byX.computeIfAbsent(x, k -> new double[2]);
                byX.get(x)[0] += p.value();
                byX.get(x)[1]++;
            }
            svg.polyline(byX.keySet().stream().mapToDouble(f.x::px).toArray(),
                    byX.values().stream().mapToDouble(v -> f.y.px(v[0] / v[1])).toArray(), "series", colour);
            for (CompositionPoint p : e.getValue()) {
                Markers.draw(svg, f.x.px(fraction(p, els.get(1))), f.y.px(p.value()), 3.5,
                        Markers.markerOf(p.flags()), "binary-point", colour, tooltip(p, data));
            }
            for (ReportData.AggregatePoint a : aggregates(data, els, e.getKey())) {
                if (Double.isNaN(a.sem())) {
                    continue;
                }
                double x = f.x.px(aggregateFraction(a, els.get(1)));
                double yLo = f.y.px(a.mean() - a.sem());
                double yHi = f.y.px(a.mean() + a.sem());
                svg.polylineWithTitle(new double[] {x - 4, x + 4, x, x, x - 4, x + 4},
                        new double[] {yLo, yLo, yLo, yHi, yHi, yHi}, "error-bar", colour, String.format(Locale.ROOT,
                                "%s (%s): %.5g ± %.2g (n = %d)", a.formula(), a.prototype(), a.mean(), a.sem(),
                                a.n()));
            }
            svg.rect(W + 4, PlotFrame.TOP + 5 + 15 * s, 10, 10, "legend-swatch", colour, "", "");
            svg.text(W + 18, PlotFrame.TOP + 14 + 15 * s, e.getKey(), "legend", "start", 0);
            s++;
        }
        return svg.end();
    }

    /** @param prototype a series of {@link #prototypes}: a prototype, with an ensemble a prototype · member */
    static String ternary(ReportData data, String system, String prototype) {
        List<String> els = List.of(system.split("-"));
        List<CompositionPoint> points = within(data, els).stream().filter(p -> data.seriesOf(p).equals(prototype))
                .sorted(Comparator.comparingDouble(CompositionPoint::value)).toList();
        double lo = points.stream().mapToDouble(CompositionPoint::value).min().orElse(0);
        double hi = points.stream().mapToDouble(CompositionPoint::value).max().orElse(1);
        Svg svg = new Svg("", "chart ternary-chart", W, H, MetricLabels.name(data.property()) + " of " + system + " "
                + prototype);
        double left = 40;
        double right = W - 130;
        double bottom = H - 40;
        double top = bottom - (right - left) * Math.sqrt(3) / 2;
        double[] vx = {left, right, (left + right) / 2};
        double[] vy = {bottom, bottom, top};
        svg.polygon(vx, vy, "triangle");
        grid(svg, vx, vy);
        svg.text(vx[0], vy[0] + 18, els.get(0), "vertex", "middle", 0);
        svg.text(vx[1], vy[1] + 18, els.get(1), "vertex", "middle", 0);
        svg.text(vx[2], vy[2] - 6, els.get(2), "vertex", "middle", 0);
        for (CompositionPoint p : points) {
            double x = 0;
            double y = 0;
            for (int k = 0; k < 3; k++) {
                double frac = fraction(p, els.get(k));
                x += frac * vx[k];
                y += frac * vy[k];
            }
            double t = hi > lo ? (p.value() - lo) / (hi - lo) : 0.5;
            Markers.draw(svg, x, y, 5, Markers.markerOf(p.flags()), "ternary-point", ColourMap.viridis(t),
                    tooltip(p, data));
        }
        colourBar(svg, right + 30, top, bottom, lo, hi, data);
        svg.text(left, 16, system + " · " + prototype, "chart-title", "start", 0);
        return svg.end();
    }

    /**
     * Lines of constant atom fraction of each element, every {@value #TERNARY_GRID_STEP}: the line x_k = f joins
     * f·V_k + (1 − f)·V_i and f·V_k + (1 − f)·V_j, with f printed where it meets the edge V_k V_i.
     */
    private static void grid(Svg svg, double[] vx, double[] vy) {
        int lines = (int) Math.round(1 / TERNARY_GRID_STEP);
        for (int k = 0; k < 3; k++) {
            int i = (k + 1) % 3;
            int j = (k + 2) % 3;
            for (int n = 1; n < lines; n++) {
                double f = n * TERNARY_GRID_STEP;
                double x1 = f * vx[k] + (1 - f) * vx[i];
                double y1 = f * vy[k] + (1 - f) * vy[i];
                double x2 = f * vx[k] + (1 - f) * vx[j];
                double y2 = f * vy[k] + (1 - f) * vy[j];
                svg.line(x1, y1, x2, y2, "ternary-grid");
                // outside the edge V_k V_i, away from the triangle's centre
                double cx = (vx[0] + vx[1] + vx[2]) / 3;
                double cy = (vy[0] + vy[1] + vy[2]) / 3;
                double dx = x1 - cx;
                double dy = y1 - cy;
                double len = Math.hypot(dx, dy);
                svg.text(x1 + 9 * dx / len, y1 + 9 * dy / len + 3, String.format(Locale.ROOT, "%.1f", f),
                        "ternary-tick", "middle", 0);
            }
        }
    }

    private static void colourBar(Svg svg, double x, double top, double bottom, double lo, double hi,
            ReportData data) {
        int steps = 24;
        double h = (bottom - top) / steps;
        for (int i = 0; i < steps; i++) {
            svg.rect(x, bottom - (i + 1) * h, 14, h + 0.5, "colour-bar", ColourMap.viridis((i + 0.5) / steps), "",
                    "");
        }
        svg.text(x + 18, top + 8, String.format(Locale.ROOT, "%.4g", hi), "tick", "start", 0);
        svg.text(x + 18, bottom, String.format(Locale.ROOT, "%.4g", lo), "tick", "start", 0);
        svg.text(x + 7, top - 6, data.propertyUnit(), "tick", "middle", 0);
    }

    /** What a pointer over a point shows: formula, prototype, the property with its unit, and any flags. */
    private static String tooltip(CompositionPoint p, ReportData data) {
        return String.format(Locale.ROOT, "%s (%s): %s = %.5g%s%s", p.formula(), p.prototype(),
                MetricLabels.name(data.property()), p.value(), data.propertyUnit().isEmpty() ? "" : " "
                        + data.propertyUnit(), p.flags().isEmpty() ? "" : " [" + String.join(", ", p.flags()) + "]");
    }

    /**
     * Aggregates of a prototype whose elements all belong to {@code elements}; none with an ensemble, whose
     * configurations rows are per member (the spread across members has its own chart).
     */
    private static List<ReportData.AggregatePoint> aggregates(ReportData data, List<String> elements,
            String prototype) {
        if (!data.ensemble().isEmpty()) {
            return List.of();
        }
        return data.aggregates().stream().filter(a -> a.prototype().equals(prototype)
                && elements.containsAll(a.elements())).toList();
    }

    private static double aggregateFraction(ReportData.AggregatePoint a, String element) {
        int i = a.elements().indexOf(element);
        return i < 0 ? 0 : a.fractions()[i];
    }

    /** The points whose elements all belong to {@code elements}: the system itself and its subsystems. */
    private static List<CompositionPoint> within(ReportData data, List<String> elements) {
        List<CompositionPoint> out = new ArrayList<>();
        for (CompositionPoint p : data.compositions()) {
            if (elements.containsAll(p.elements())) {
                out.add(p);
            }
        }
        return out;
    }

    /** Atomic fraction of {@code element} in the point's nominal composition (0 if absent). */
    private static double fraction(CompositionPoint p, String element) {
        int i = p.elements().indexOf(element);
        return i < 0 ? 0 : p.fractions()[i];
    }

    /** Series (prototypes; with an ensemble, prototype · member) with points in a ternary system. */
    static List<String> prototypes(ReportData data, String system) {
        return data.compositions().stream().filter(p -> p.chemicalSystem().equals(system))
                .map(data::seriesOf).distinct().sorted().toList();
    }
}
