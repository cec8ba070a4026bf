package org.matscreen.repository.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.matscreen.core.screening.MetricLabels;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.screening.Objective;
import org.matscreen.repository.report.ReportData.ObjectivePoint;

/**
 * The campaign's objective space: every computed record as a grey point, records the ranking leaves out for their
 * flags as distinct markers ({@link Markers}), the Pareto front over all objectives of the ranked records in colour,
 * and for two objectives the front joined by a line. The first two objectives are the axes; a single objective is
 * plotted against the records' rank.
 */
final class ParetoChart {
    /** Points beyond this many are thinned (evenly) so the page stays light; the front is always drawn in full. */
    static final int MAX_BACKGROUND_POINTS = 4000;
    private static final int WIDTH = 680;
    private static final int HEIGHT = 440;

    private ParetoChart() {}

    /**
     * The front of the ranked points (flagged records left out, as the ranking does), best first by the first
     * objective; computed once and shared with the table.
     */
    static List<ObjectivePoint> front(ReportData data) {
        List<ObjectivePoint> ranked = data.rankedPoints();
        List<double[]> costs = new ArrayList<>();
        for (ObjectivePoint p : ranked) {
            double[] c = new double[p.values().length];
            for (int k = 0; k < c.length; k++) {
                c[k] = data.objectives().get(k).cost(p.values()[k]);
            }
            costs.add(c);
        }
        boolean[] on = ParetoFront.of(costs);
        List<ObjectivePoint> front = new ArrayList<>();
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                front.add(ranked.get(i));
            }
        }
        Objective first = data.objectives().get(0);
        front.sort(Comparator.comparingDouble(p -> first.cost(p.values()[0])));
        return front;
    }

    static String render(ReportData data, List<ObjectivePoint> front) {
        List<Objective> objectives = data.objectives();
        boolean twoD = objectives.size() >= 2;
        List<ObjectivePoint> points = new ArrayList<>(data.points());
        if (!twoD) {
            Objective o = objectives.get(0);
            points.sort(Comparator.comparingDouble(p -> o.cost(p.values()[0])));
        }
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = twoD ? points.get(i).values()[0] : i + 1;
            ys[i] = twoD ? points.get(i).values()[1] : points.get(i).values()[0];
        }
        PlotFrame f = new PlotFrame(WIDTH, HEIGHT, min(xs), max(xs), min(ys), max(ys));
        Svg svg = new Svg("pareto-chart", "chart", WIDTH, HEIGHT, "Pareto front of " + objectives);
        f.draw(svg, twoD ? axisTitle(objectives.get(0)) : "rank", axisTitle(objectives.get(twoD ? 1 : 0)));
        Set<ObjectivePoint> onFront = Collections.newSetFromMap(new IdentityHashMap<>());
        onFront.addAll(front);
        int ranked = (int) points.stream().filter(ObjectivePoint::ranked).count();
        int stride = Math.max(1, (ranked - front.size() + MAX_BACKGROUND_POINTS - 1) / MAX_BACKGROUND_POINTS);
        int background = 0;
        for (int i = 0; i < xs.length; i++) {
            ObjectivePoint p = points.get(i);
            if (!p.ranked()) {
                // every left-out record is drawn: there are few, and they are what a referee looks for
                Markers.draw(svg, f.x.px(xs[i]), f.y.px(ys[i]), 4, Markers.markerOf(p.flags()), "point", "",
                        tooltip(p, objectives));
            } else if (!onFront.contains(p) && background++ % stride == 0) {
                svg.circle(f.x.px(xs[i]), f.y.px(ys[i]), 3, "point", "", tooltip(p, objectives));
            }
        }
        List<double[]> frontXy = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (onFront.contains(points.get(i))) {
                frontXy.add(new double[] {xs[i], ys[i], i});
            }
        }
        if (objectives.size() == 2 && frontXy.size() > 1) {
            frontXy.sort(Comparator.comparingDouble(p -> p[0]));
            svg.polyline(frontXy.stream().mapToDouble(p -> f.x.px(p[0])).toArray(),
                    frontXy.stream().mapToDouble(p -> f.y.px(p[1])).toArray(), "front-line", "");
        }
        for (double[] p : frontXy) {
            svg.circle(f.x.px(p[0]), f.y.px(p[1]), 5, "front", "", tooltip(points.get((int) p[2]), objectives));
        }
        return svg.end();
    }

    /** How many background points {@link #render} draws. */
    static int drawnBackground(int points, int front) {
        int stride = Math.max(1, (points - front + MAX_BACKGROUND_POINTS - 1) / MAX_BACKGROUND_POINTS);
        return (points - front + stride - 1) / stride;
    }

    static String axisTitle(Objective o) {
        return MetricLabels.withUnit(o.metric()) + (o.maximise() ? " → max"
                : " → min");
    }

    private static String tooltip(ObjectivePoint p, List<Objective> objectives) {
        StringBuilder b = new StringBuilder(p.formula() + " (" + p.prototype() + ")"
                + (p.flags().isEmpty() ? "" : " [" + String.join(", ", p.flags()) + "]"));
        for (int k = 0; k < objectives.size(); k++) {
            b.append(String.format(Locale.ROOT, "; %s = %.5g %s", MetricLabels.name(objectives.get(k).metric()),
                    p.values()[k], unitOf(objectives.get(k).metric())));
        }
        return b.toString();
    }

    private static String unitOf(String metric) {
        var m = Metrics.all().get(metric);
        return m == null || m.unit().equals("1") ? "" : m.unit();
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(1);
    }
}
