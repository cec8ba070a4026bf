package org.matscreen.repository.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.matscreen.repository.report.ReportData.EnsembleData;
import org.matscreen.repository.report.ReportData.SpreadPoint;

/**
 * The spread of a property across the members of an ensemble of potentials: compositions along x in order of the
 * members' mean, for each a band from the smallest to the largest member value, a dot per member in the member's
 * colour (named in the legend), and a bar for the mean ± the configurational standard deviation pooled within the
 * members, so the potentials' spread and the orderings' spread can be compared at a glance.
 */
final class SpreadChart {
    /** Compositions beyond this many are thinned evenly by rank so the page stays light. */
    static final int MAX_COMPOSITIONS = 120;
    static final String[] MEMBER_COLOURS = {"#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f"};
    private static final int W = 760;
    private static final int H = 340;

    private SpreadChart() {}

    /** The compositions by increasing mean. */
    static List<SpreadPoint> byMean(EnsembleData e) {
        List<SpreadPoint> sorted = new ArrayList<>(e.spreads());
        sorted.sort(Comparator.comparingDouble(SpreadPoint::mean).thenComparing(SpreadPoint::formula));
        return sorted;
    }

    static String render(ReportData data) {
        EnsembleData e = data.ensemble();
        List<SpreadPoint> sorted = byMean(e);
        List<SpreadPoint> drawn = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.size() <= MAX_COMPOSITIONS || (long) i * MAX_COMPOSITIONS / sorted.size()
                    != (long) (i - 1) * MAX_COMPOSITIONS / sorted.size()) {
                drawn.add(sorted.get(i));
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SpreadPoint p : drawn) {
            lo = Math.min(lo, Math.min(p.min(), p.mean() - orZero(p.configurationStd())));
            hi = Math.max(hi, Math.max(p.max(), p.mean() + orZero(p.configurationStd())));
        }
        PlotFrame f = new PlotFrame(W, H, 0, Math.max(1, drawn.size() + 1), lo, hi);
        Svg svg = new Svg("spread-chart", "chart spread-chart", W, H, data.property() + " across potentials");
        f.draw(svg, "compositions, by the members' mean " + data.property(),
                PlotFrame.title(data.property(), data.propertyUnit()));
        for (int i = 0; i < drawn.size(); i++) {
            SpreadPoint p = drawn.get(i);
            double x = f.x.px(i + 1);
            svg.polylineWithTitle(new double[] {x, x}, new double[] {f.y.px(p.min()), f.y.px(p.max())},
                    "spread-band", "", tooltip(p, e));
            if (!Double.isNaN(p.configurationStd())) {
                double yLo = f.y.px(p.mean() - p.configurationStd());
                double yHi = f.y.px(p.mean() + p.configurationStd());
                svg.polyline(new double[] {x - 3, x + 3, x, x, x - 3, x + 3},
                        new double[] {yLo, yLo, yLo, yHi, yHi, yHi}, "configuration-bar", "#212121");
            }
            svg.line(x - 5, f.y.px(p.mean()), x + 5, f.y.px(p.mean()), "spread-mean");
            for (int m = 0; m < p.memberValues().length; m++) {
                double v = p.memberValues()[m];
                if (!Double.isNaN(v)) {
                    svg.circle(x, f.y.px(v), 3, "member-point", MEMBER_COLOURS[m % MEMBER_COLOURS.length],
                            e.members().get(m).label() + ": " + p.formula() + " "
                                    + String.format(Locale.ROOT, "%.5g", v));
                }
            }
        }
        for (int m = 0; m < e.members().size(); m++) {
            String label = e.members().get(m).label();
            svg.text(W - PlotFrame.RIGHT - 4, PlotFrame.TOP + 14 + 15 * m, label, "legend", "end", 0);
            svg.circle(W - PlotFrame.RIGHT - 4 - 7 * label.length() - 12, PlotFrame.TOP + 10 + 15 * m, 4,
                    "legend-swatch", MEMBER_COLOURS[m % MEMBER_COLOURS.length], "");
        }
        return svg.end();
    }

    private static String tooltip(SpreadPoint p, EnsembleData e) {
        return String.format(Locale.ROOT, "%s (%s): mean %.5g, std across %d potentials %.3g, range %.3g%s",
                p.formula(), p.prototype(), p.mean(), e.members().size(), p.std(), p.max() - p.min(),
                Double.isNaN(p.configurationStd()) ? ""
                        : String.format(Locale.ROOT, ", std over orderings %.3g", p.configurationStd()));
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
