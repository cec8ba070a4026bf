package org.matscreen.core.screening;

import java.io.Serializable;

/**
 * Mean, sample standard deviation and standard error of the mean of a set of values, accumulated one at a time or
 * merged from parts with the pairwise update of T. F. Chan, G. H. Golub and R. J. LeVeque (Am. Stat. 37, 242 (1983)),
 * which stays accurate for values that differ little around a large mean (energies of −4.2 eV that scatter by meV).
 * NaN values are not counted. Immutable.
 *
 * @param n values counted
 * @param mean their mean (NaN when none)
 * @param m2 sum of squared deviations from the mean
 */
public record SampleStatistics(long n, double mean, double m2) implements Serializable {

    public static final SampleStatistics EMPTY = new SampleStatistics(0, Double.NaN, 0);

    public static SampleStatistics of(double... values) {
        SampleStatistics s = EMPTY;
        for (double v : values) {
            s = s.add(v);
        }
        return s;
    }

    /** These statistics with one more value (NaN is ignored). */
    public SampleStatistics add(double value) {
        return Double.isNaN(value) ? this : merge(new SampleStatistics(1, value, 0));
    }

    /** Statistics of the union of both sets. */
    public SampleStatistics merge(SampleStatistics o) {
        if (o.n == 0) {
            return this;
        }
        if (n == 0) {
            return o;
        }
        long total = n + o.n;
        double delta = o.mean - mean;
        return new SampleStatistics(total, mean + delta * o.n / total, m2 + o.m2 + delta * delta * n * o.n / total);
    }

    /** Sample standard deviation (n − 1 in the denominator); NaN for fewer than two values. */
    public double std() {
        return n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
    }

    /** Standard error of the mean, std / √n; NaN for fewer than two values. */
    public double sem() {
        return n < 2 ? Double.NaN : std() / Math.sqrt(n);
    }
}
