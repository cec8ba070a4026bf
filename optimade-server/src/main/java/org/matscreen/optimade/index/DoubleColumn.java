package org.matscreen.optimade.index;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Arrays;
import org.matscreen.repository.filter.ComparisonOperator;
import org.matscreen.repository.filter.PropertyType;

/** Floating-point values; NaN stands for unknown (the repository stores an unknown metric as a missing value). */
final class DoubleColumn extends ScalarColumn {
    private static final double TWO_TO_53 = 0x1p53;
    private static final double TWO_TO_63 = 0x1p63;

    private final double[] values;

    DoubleColumn(double[] values) {
        this.values = values;
    }

    @Override
    public PropertyType type() {
        return PropertyType.FLOAT;
    }

    double get(int row) {
        return values[row];
    }

    @Override
    public Object value(int row) {
        double v = values[row];
        return Double.isNaN(v) ? null : v;
    }

    @Override
    public void write(JsonGenerator g, int row) throws IOException {
        double v = values[row];
        if (Double.isNaN(v)) {
            g.writeNull();
        } else {
            g.writeNumber(v);
        }
    }

    @Override
    public long[] known() {
        long[] k = Words.forRows(values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                Words.set(k, i);
            }
        }
        return k;
    }

    /** {@code value op constant} on every row; a Long constant is compared exactly, also beyond 2^53. */
    Selection compare(ComparisonOperator op, Number constant) {
        long[] t = Words.forRows(values.length);
        long[] f = Words.forRows(values.length);
        if (constant instanceof Long l && Math.abs((double) l) > TWO_TO_53) {
            long c = l;
            for (int i = 0; i < values.length; i++) {
                double x = values[i];
                if (x == x) {
                    Words.set(op.holds(compareToLong(x, c)) ? t : f, i);
                }
            }
            return Selection.of(t, f);
        }
        double c = constant.doubleValue();
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (x == x) {
                // Primitive comparisons, so -0.0 equals 0.0 as the spec's "equality to zero" needs.
                int cmp = x < c ? -1 : (x > c ? 1 : 0);
                Words.set(op.holds(cmp) ? t : f, i);
            }
        }
        return Selection.of(t, f);
    }

    /** Exact three-way comparison of a known double with a filter's number constant (a Long or a Double). */
    static int compareExact(double x, Number constant) {
        if (constant instanceof Long l) {
            return compareToLong(x, l);
        }
        double c = constant.doubleValue();
        return x < c ? -1 : (x > c ? 1 : 0);
    }

    /** Exact three-way comparison of a double with a long. */
    private static int compareToLong(double x, long c) {
        if (x >= TWO_TO_63) {
            return 1;
        }
        if (x < -TWO_TO_63) {
            return -1;
        }
        double rounded = c;
        // Rounding a long to double is monotonic and no double lies strictly between c and its rounding, so a strict
        // difference after rounding is a strict difference before; on a tie x is integral and fits a long.
        if (x < rounded) {
            return -1;
        }
        if (x > rounded) {
            return 1;
        }
        return Long.compare((long) x, c);
    }

    @Override
    int maxRank() {
        return values.length;
    }

    @Override
    int[] computeRanks() {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int[] r = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = Double.isNaN(values[i]) ? -1 : lowerBound(sorted, values[i]);
        }
        return r;
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
