package org.matscreen.potential;

/**
 * Appends doubles exactly as {@code String.format(Locale.ROOT, "%.16e", v)} would, several times faster. A 17-metal
 * setfl file holds about 375 000 numbers, and {@link java.util.Formatter} re-parses its pattern for each of them;
 * that dominated generation time. Both start from the shortest decimal digits that identify the double (what
 * {@link Double#toString(double)} prints), pad them to 17 significant digits and round half-up if there are more,
 * so the output is identical; {@code ScientificFormatTest} checks this against {@code String.format} on 100 000
 * random doubles.
 */
final class ScientificFormat {
    /** Significant digits of {@code %.16e}: one before the point, sixteen after. */
    private static final int DIGITS = 17;

    private ScientificFormat() {}

    /** Appends {@code v} in {@code %.16e} form, e.g. {@code -1.2345678901234567e-05}. */
    static void append(StringBuilder sb, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            sb.append(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
            return;
        }
        if (Double.doubleToRawLongBits(v) < 0) {
            sb.append('-');
        }
        if (v == 0) {
            sb.append("0.0000000000000000e+00");
            return;
        }
        // Double.toString gives "ddd.ddd" (1e-3 <= |v| < 1e7) or "d.dddE[-]n".
        String s = Double.toString(Math.abs(v));
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        int dot = mantissa.indexOf('.');
        char[] digits = new char[mantissa.length() - 1];
        mantissa.getChars(0, dot, digits, 0);
        mantissa.getChars(dot + 1, mantissa.length(), digits, dot);
        int first = 0;
        while (digits[first] == '0') {
            first++;
        }
        // value = 0.d[first]d[first+1]... × 10^(dot - first + exponent)
        int exp10 = dot - first - 1 + exponent;
        char[] sig = new char[DIGITS];
        int n = Math.min(DIGITS, digits.length - first);
        System.arraycopy(digits, first, sig, 0, n);
        for (int i = n; i < DIGITS; i++) {
            sig[i] = '0';
        }
        if (digits.length - first > DIGITS && digits[first + DIGITS] >= '5') {
            int i = DIGITS - 1;
            while (i >= 0 && sig[i] == '9') {
                sig[i--] = '0';
            }
            if (i < 0) {
                sig[0] = '1';
                exp10++;
            } else {
                sig[i]++;
            }
        }
        sb.append(sig[0]).append('.').append(sig, 1, DIGITS - 1).append('e').append(exp10 < 0 ? '-' : '+');
        int a = Math.abs(exp10);
        if (a < 10) {
            sb.append('0');
        }
        sb.append(a);
    }
}
