package org.matscreen.optimade.index;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import org.matscreen.repository.filter.ComparisonOperator;
import org.matscreen.repository.filter.PropertyType;

/** Integers, or timestamps as milliseconds since the Unix epoch (UTC), with a bit set of known rows. */
final class LongColumn extends ScalarColumn {
    private final long[] values;
    private final long[] known;
    private final boolean timestamp;

    LongColumn(long[] values, long[] known, boolean timestamp) {
        this.values = values;
        this.known = known;
        this.timestamp = timestamp;
    }

    @Override
    public PropertyType type() {
        return timestamp ? PropertyType.TIMESTAMP : PropertyType.INTEGER;
    }

    boolean isKnown(int row) {
        return Words.get(known, row);
    }

    long get(int row) {
        return values[row];
    }

    @Override
    public Object value(int row) {
        if (!Words.get(known, row)) {
            return null;
        }
        return timestamp ? Instant.ofEpochMilli(values[row]) : (Object) values[row];
    }

    @Override
    public void write(JsonGenerator g, int row) throws IOException {
        if (!Words.get(known, row)) {
            g.writeNull();
        } else if (timestamp) {
            g.writeString(Instant.ofEpochMilli(values[row]).toString());
        } else {
            g.writeNumber(values[row]);
        }
    }

    @Override
    public long[] known() {
        return known.clone();
    }

    /** {@code value op constant}: a number for an integer column, an {@link Instant} for a timestamp column. */
    Selection compare(ComparisonOperator op, Object constant) {
        Threshold th = constant instanceof Instant t ? Threshold.ofMillis(t) : Threshold.of((Number) constant);
        long[] t = Words.forRows(values.length);
        long[] f = Words.forRows(values.length);
        for (int i = 0; i < values.length; i++) {
            if (Words.get(known, i)) {
                Words.set(th.test(values[i], op) ? t : f, i);
            }
        }
        return Selection.of(t, f);
    }

    @Override
    int maxRank() {
        return values.length;
    }

    @Override
    int[] computeRanks() {
        int n = 0;
        long[] sorted = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            if (Words.get(known, i)) {
                sorted[n++] = values[i];
            }
        }
        sorted = Arrays.copyOf(sorted, n);
        Arrays.sort(sorted);
        int[] r = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = Words.get(known, i) ? lowerBound(sorted, values[i]) : -1;
        }
        return r;
    }

    private static int lowerBound(long[] sorted, long x) {
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
