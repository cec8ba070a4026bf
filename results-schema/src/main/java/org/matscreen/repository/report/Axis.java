package org.matscreen.repository.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear axis from data values to pixels, with "nice" ticks (1, 2 or 5 × 10^k apart) that cover the data.
 *
 * @param min lowest value shown (a tick)
 * @param max highest value shown (a tick)
 * @param step distance between ticks
 * @param from pixel of {@code min}
 * @param to pixel of {@code max} (smaller than {@code from} for a vertical axis, whose pixels grow downwards)
 */
record Axis(double min, double max, double step, double from, double to) {

    /** An axis covering {@code lo..hi} with about five ticks, mapped onto pixels {@code from..to}. */
    static Axis covering(double lo, double hi, double from, double to) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double raw = (hi - lo) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        double step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
        return new Axis(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step, from, to);
    }

    /** The pixel of {@code v}. */
    double px(double v) {
        return from + (v - min) / (max - min) * (to - from);
    }

    List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        int n = (int) Math.round((max - min) / step);
        for (int i = 0; i <= n; i++) {
            t.add(min + i * step);
        }
        return t;
    }

    /** A tick label with as many decimals as the step needs. */
    String label(double v) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }
}
