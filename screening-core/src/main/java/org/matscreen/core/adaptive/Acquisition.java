package org.matscreen.core.adaptive;

import java.io.Serializable;
import java.util.List;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Objective;

/**
 * The acquisition function of a round: expected hypervolume improvement over the front of the feasible
 * observations, times the probability that the candidate passes every filter (constrained expected improvement,
 * Gardner et al., ICML 2014; Schonlau, Welch &amp; Jones 1998), with the filter quantities independent Gaussians:
 * P(g &lt; c) = Φ((c − μ)/σ). Costs are objectives oriented so that smaller is better.
 */
public final class Acquisition implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] objectiveQuantity;
    private final boolean[] maximise;
    private final int[] filterQuantity;
    private final Criterion[] filters;
    private final double[] reference;
    private final NondominatedCells cells;

    private Acquisition(int[] objectiveQuantity, boolean[] maximise, int[] filterQuantity, Criterion[] filters,
            double[] reference, NondominatedCells cells) {
        this.objectiveQuantity = objectiveQuantity;
        this.maximise = maximise;
        this.filterQuantity = filterQuantity;
        this.filters = filters;
        this.reference = reference;
        this.cells = cells;
    }

    /**
     * @param quantities the surrogate's metric keys (every objective and filter metric is among them)
     * @param front cost vectors of the feasible observations (any set; only its non-dominated part matters)
     * @param reference hypervolume reference point in costs
     */
    public static Acquisition of(List<String> quantities, List<Objective> objectives, List<Criterion> filters,
            List<double[]> front, double[] reference) {
        int[] oq = new int[objectives.size()];
        boolean[] max = new boolean[objectives.size()];
        for (int k = 0; k < oq.length; k++) {
            oq[k] = index(quantities, objectives.get(k).metric());
            max[k] = objectives.get(k).maximise();
        }
        int[] fq = new int[filters.size()];
        for (int k = 0; k < fq.length; k++) {
            fq[k] = index(quantities, filters.get(k).metric());
        }
        if (reference.length != oq.length) {
            throw new IllegalArgumentException("reference point of " + reference.length + " for " + oq.length
                    + " objectives");
        }
        return new Acquisition(oq, max, fq, filters.toArray(new Criterion[0]), reference.clone(),
                NondominatedCells.of(front, reference));
    }

    private static int index(List<String> quantities, String metric) {
        int i = quantities.indexOf(metric);
        if (i < 0) {
            throw new IllegalArgumentException(metric + " is not among the quantities " + quantities);
        }
        return i;
    }

    /** The same function over another front (the batch rule adds fantasised points). */
    public Acquisition withFront(List<double[]> front) {
        return new Acquisition(objectiveQuantity, maximise, filterQuantity, filters, reference,
                NondominatedCells.of(front, reference));
    }

    public double[] reference() {
        return reference.clone();
    }

    /** Cost vector of quantity values (NaN where an objective is unknown). */
    public double[] costs(double[] values) {
        double[] c = new double[objectiveQuantity.length];
        for (int k = 0; k < c.length; k++) {
            double v = values[objectiveQuantity[k]];
            c[k] = maximise[k] ? -v : v;
        }
        return c;
    }

    /** Whether quantity values pass every filter (an unknown value does not). */
    public boolean feasible(double[] values) {
        for (int k = 0; k < filters.length; k++) {
            if (!filters[k].test(values[filterQuantity[k]])) {
                return false;
            }
        }
        return true;
    }

    /** Probability of passing every filter, the filter quantities being independent N(mean, sd²). */
    public double probabilityFeasible(double[] mean, double[] sd) {
        double p = 1;
        for (int k = 0; k < filters.length && p > 0; k++) {
            double m = mean[filterQuantity[k]];
            double s = sd[filterQuantity[k]];
            Criterion f = filters[k];
            if (s <= 0 || Double.isNaN(m)) {
                p *= f.test(m) ? 1 : 0;
                continue;
            }
            double below = Gaussian.cdf((f.value() - m) / s);
            p *= switch (f.op()) {
                case LT, LE -> below;
                case GT, GE -> 1 - below;
                case NE -> 1; // a continuous value equals a given number with probability 0
                case EQ -> 0;
            };
        }
        return p;
    }

    /** Expected hypervolume improvement of a candidate with these quantity means and latent sds. */
    public double ehvi(double[] mean, double[] sd) {
        double[] m = new double[objectiveQuantity.length];
        double[] s = new double[objectiveQuantity.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = maximise[k] ? -mean[objectiveQuantity[k]] : mean[objectiveQuantity[k]];
            s[k] = sd[objectiveQuantity[k]];
            if (Double.isNaN(m[k])) {
                return 0;
            }
        }
        return ExpectedHypervolumeImprovement.value(cells, m, s);
    }

    /** Scores a candidate from its prediction. */
    public Scored score(long index, Prediction p) {
        double pf = probabilityFeasible(p.mean(), p.sd());
        double e = pf > 0 ? ehvi(p.mean(), p.sd()) : 0;
        return new Scored(index, e * pf, e, pf, p.mean(), p.sd());
    }
}
