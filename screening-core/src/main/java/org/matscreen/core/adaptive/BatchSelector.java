package org.matscreen.core.adaptive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matscreen.core.campaign.StrategySpec.BatchRule;
import org.matscreen.core.space.CandidateSpace;

/**
 * Chooses a round's batch from the shortlist of best single-point candidates, one pick at a time, each time
 * conditioning the surrogate on a fantasised outcome of the pick so the next pick is made as if it were known
 * (Ginsbourger, Le Riche &amp; Carraro, "Kriging is well-suited to parallelize optimization", in Computational
 * Intelligence in Expensive Optimization Problems, Springer 2010, 131–162). A neighbour of a pick then has a smaller
 * variance and, under the fantasised front, less to improve, so a batch spreads instead of clustering at one
 * optimum.
 *
 * <ul>
 *   <li>kriging believer: the outcome is the posterior mean. Conditioning on it leaves the means unchanged and
 *       shrinks the variances near the pick; the pick joins the fantasised front if its means pass the filters.</li>
 *   <li>constant liar: every objective comes out at the worst value observed so far (Ginsbourger's CL-max for
 *       minimised costs): the means near the pick drop, which pushes the next picks further away. Filter quantities
 *       are believed (their mean). The optimistic CL-min lie would dominate the whole front and zero every
 *       candidate's improvement, so it is not offered.</li>
 * </ul>
 *
 * <p>Updates are exact Gaussian conditioning of the shortlist's joint posterior (means and covariance matrix per
 * simulated quantity), O(shortlist²) per pick and quantity.
 */
final class BatchSelector {
    private BatchSelector() {}

    /**
     * @param front cost vectors of the feasible observations
     * @param lie per quantity, the value a constant liar reports (only read for objective quantities)
     */
    static List<Pick> select(CandidateSpace space, RoundModel round, List<Scored> shortlist, int count,
            BatchRule rule, List<double[]> front, double[] lie, boolean[] objectiveQuantity) {
        SurrogateModel model = round.surrogate();
        int quantities = model.metrics().size();
        int s = shortlist.size();
        double[][] x = new double[s][];
        for (int i = 0; i < s; i++) {
            x[i] = model.features().features(space.candidate(shortlist.get(i).index()));
        }
        double[][] mu = new double[quantities][s];
        double[][][] cov = new double[quantities][][];
        for (int q = 0; q < quantities; q++) {
            GaussianProcess gp = model.process(q);
            if (gp == null) {
                for (int i = 0; i < s; i++) {
                    mu[q][i] = shortlist.get(i).mean()[q];
                }
            } else {
                mu[q] = gp.means(x);
                cov[q] = gp.posteriorCovariance(x);
            }
        }
        Acquisition acquisition = round.acquisition();
        List<double[]> fantasyFront = new ArrayList<>(front);
        boolean[] taken = new boolean[s];
        List<Pick> picks = new ArrayList<>();
        double[] mean = new double[quantities];
        double[] sd = new double[quantities];
        while (picks.size() < Math.min(count, s)) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < s; i++) {
                if (taken[i]) {
                    continue;
                }
                for (int q = 0; q < quantities; q++) {
                    mean[q] = mu[q][i];
                    sd[q] = cov[q] == null ? 0 : Math.sqrt(Math.max(0, cov[q][i][i]));
                }
                double pf = acquisition.probabilityFeasible(mean, sd);
                double value = pf > 0 ? pf * acquisition.ehvi(mean, sd) : 0;
                // strictly greater: among equal values the shortlist's order (then the index) decides
                if (value > bestValue) {
                    best = i;
                    bestValue = value;
                }
            }
            taken[best] = true;
            picks.add(pick(model, shortlist.get(best), bestValue));
            double[] outcome = new double[quantities];
            for (int q = 0; q < quantities; q++) {
                outcome[q] = rule == BatchRule.CONSTANT_LIAR && objectiveQuantity[q] && cov[q] != null ? lie[q]
                        : mu[q][best];
                if (cov[q] != null) {
                    double noise = model.noiseSd(q);
                    condition(mu[q], cov[q], best, outcome[q], noise * noise);
                }
            }
            if (acquisition.feasible(outcome)) {
                fantasyFront.add(acquisition.costs(outcome));
                acquisition = acquisition.withFront(fantasyFront);
            }
        }
        return picks;
    }

    /** Conditions a joint Gaussian (mean, covariance) on observing y at entry j with noise variance {@code noise}. */
    static void condition(double[] mu, double[][] cov, int j, double y, double noise) {
        double denom = cov[j][j] + noise;
        if (!(denom > 0)) {
            return;
        }
        int s = mu.length;
        double[] col = new double[s];
        for (int i = 0; i < s; i++) {
            col[i] = cov[i][j];
        }
        double delta = y - mu[j];
        for (int i = 0; i < s; i++) {
            mu[i] += col[i] / denom * delta;
            for (int k = 0; k < s; k++) {
                cov[i][k] -= col[i] * col[k] / denom;
            }
        }
    }

    private static Pick pick(SurrogateModel model, Scored s, double acquisition) {
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> sd = new LinkedHashMap<>();
        List<String> metrics = model.metrics();
        for (int q = 0; q < metrics.size(); q++) {
            if (model.process(q) != null) {
                mean.put(metrics.get(q), s.mean()[q]);
                sd.put(metrics.get(q), Math.hypot(s.sd()[q], model.noiseSd(q)));
            }
        }
        return new Pick(s.index(), acquisition, mean, sd);
    }
}
