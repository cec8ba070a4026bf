package org.matscreen.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScientificFormatTest {

    private static String fast(double v) {
        StringBuilder sb = new StringBuilder();
        ScientificFormat.append(sb, v);
        return sb.toString();
    }

    private static void assertSameAsFormatter(double v) {
        assertEquals(String.format(Locale.ROOT, "%.16e", v), fast(v), () -> "for " + v + " (bits "
                + Long.toHexString(Double.doubleToRawLongBits(v)) + ")");
    }

    @Test
    void edgeCasesMatchStringFormat() {
        double[] cases = {0.0, -0.0, 1.0, -1.0, 0.1, 1.0 / 3, 2.0 / 3, 9.999999999999999, 0.001, 0.0009999999999999998,
            1e7, 9999999.999999998, 1e-10, 1e100, 1.7976931348623157e308, Double.MIN_VALUE, Double.MIN_NORMAL,
            123456789012345678.0, 5e-324, 0.5, 99.99999999999999, -2.100595, 129.43678377183025, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double v : cases) {
            assertSameAsFormatter(v);
        }
    }

    @Test
    void randomDoublesMatchStringFormat() {
        SplittableRandom rng = new SplittableRandom(20040413);
        for (int i = 0; i < 100_000; i++) {
            // Half uniformly random bit patterns (every exponent), half values in the range of EAM tables.
            double v = i % 2 == 0 ? Double.longBitsToDouble(rng.nextLong())
                    : (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-8, 6));
            if (Double.isFinite(v)) {
                assertSameAsFormatter(v);
            }
        }
    }

    @Test
    void formattedValuesReadBackExactly() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double v = Double.longBitsToDouble(rng.nextLong());
            if (Double.isFinite(v)) {
                assertEquals(v, Double.parseDouble(fast(v)));
            }
        }
    }
}
