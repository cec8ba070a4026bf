package org.matscreen.optimade.index;

import java.time.Instant;
import org.matscreen.repository.filter.ComparisonOperator;

/**
 * A filter constant moved into the integer domain of a column, so that every row is compared with two integer
 * comparisons however the constant was written. {@code x op c} for an integer {@code x} is decided by comparing
 * {@code x} with {@code base}: below is below, above is above, and equal means equal only when the constant has no
 * fractional part ({@code 2.5}: base 2, fractional; {@code x = 2} is then below the constant). This is exact where
 * converting {@code x} to a double is not (beyond 2^53), and it is the same arithmetic for a number constant against
 * an integer column, a string constant against a sorted dictionary and an instant against millisecond timestamps.
 *
 * @param base the largest integer not above the constant (clamped for constants outside the long range)
 * @param fractional whether the constant lies strictly between {@code base} and {@code base + 1}
 * @param belowAll whether the constant is below every long (then every row compares above it)
 */
record Threshold(long base, boolean fractional, boolean belowAll) {
    private static final double TWO_TO_63 = 0x1p63;

    /** -1, 0 or 1 as {@code x} is below, equal to or above the constant. */
    int compare(long x) {
        if (belowAll || x > base) {
            return 1;
        }
        if (x < base) {
            return -1;
        }
        return fractional ? -1 : 0;
    }

    boolean test(long x, ComparisonOperator op) {
        return op.holds(compare(x));
    }

    /** The threshold of a number constant (a Long or a Double from the filter) for an integer column. */
    static Threshold of(Number constant) {
        if (constant instanceof Long l) {
            return new Threshold(l, false, false);
        }
        double d = constant.doubleValue();
        if (d >= TWO_TO_63) {
            return new Threshold(Long.MAX_VALUE, true, false); // above every long
        }
        if (d < -TWO_TO_63) {
            return new Threshold(Long.MIN_VALUE, false, true);
        }
        double f = Math.floor(d);
        return new Threshold((long) f, f != d, false);
    }

    /** The threshold of an instant for a column of milliseconds since the epoch. */
    static Threshold ofMillis(Instant t) {
        long ms = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1000L), t.getNano() / 1_000_000);
        return new Threshold(ms, t.getNano() % 1_000_000 != 0, false);
    }

    /**
     * The threshold for a value absent from a sorted dictionary, given its insertion point: codes below the point
     * are smaller, codes at or above it larger.
     */
    static Threshold insertionPoint(int point) {
        return new Threshold(point - 1L, true, false);
    }
}
