package org.matscreen.core.adaptive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well a round's predictions held once its batch was simulated, per metric: how often the outcome fell inside
 * the central 95 % interval mean ± 1.96 sd (near 0.95 for a calibrated model), the root-mean-square error, and the
 * root-mean-square standardised error (near 1 when the sds are right).
 *
 * @param count picks with a finite outcome and a prediction
 */
public record Calibration(String metric, int count, int inside95, double insideFraction, double rmse,
        double rmsStandardisedError) {

    public static final double Z95 = 1.959963984540054;

    /**
     * @param picks a round's picks (design picks, which carry no prediction, are skipped)
     * @param outcomes the committed observations (any superset of the picks)
     */
    public static List<Calibration> of(List<Pick> picks, List<Observation> outcomes) {
        Map<Long, Observation> byIndex = new java.util.HashMap<>();
        for (Observation o : outcomes) {
            byIndex.put(o.index(), o);
        }
        Set<String> metrics = new LinkedHashSet<>();
        picks.forEach(p -> metrics.addAll(p.mean().keySet()));
        List<Calibration> out = new ArrayList<>();
        for (String m : metrics) {
            int n = 0;
            int inside = 0;
            double se = 0;
            double sz = 0;
            for (Pick p : picks) {
                Observation o = byIndex.get(p.index());
                Double mean = p.mean().get(m);
                Double sd = p.sd().get(m);
                if (o == null || mean == null || sd == null || !Double.isFinite(o.value(m)) || !(sd > 0)) {
                    continue;
                }
                double e = o.value(m) - mean;
                n++;
                if (Math.abs(e) <= Z95 * sd) {
                    inside++;
                }
                se += e * e;
                sz += (e / sd) * (e / sd);
            }
            if (n > 0) {
                out.add(new Calibration(m, n, inside, (double) inside / n, Math.sqrt(se / n), Math.sqrt(sz / n)));
            }
        }
        return out;
    }
}
