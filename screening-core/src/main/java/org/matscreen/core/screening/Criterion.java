package org.matscreen.core.screening;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matscreen.core.error.InvalidInputException;

/**
 * A screening filter {@code <metric> <op> <number>}, e.g. {@code dh_mix_ev_per_atom < 0}. A candidate whose metric is
 * unknown (NaN) does not pass.
 */
public record Criterion(String metric, Op op, double value) implements Serializable {

    /** Comparison operators. */
    public enum Op {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String text;

        Op(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        boolean test(double a, double b) {
            return switch (this) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
                case EQ -> a == b;
                case NE -> a != b;
            };
        }
    }

    private static final Pattern FORM = Pattern.compile(
            "\\s*([a-z][a-z0-9_]*)\\s*(<=|>=|==|!=|<|>|=)\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*");

    public boolean test(double metricValue) {
        return !Double.isNaN(metricValue) && op.test(metricValue, value);
    }

    /** Parses {@code key op number}; the key must be a known metric. */
    public static Criterion parse(String text, String source, String field) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new InvalidInputException(source, field, "expected '<metric> <op> <number>' (op one of < <= > >= == !="
                    + "), got '" + text + "'");
        }
        String key = m.group(1).toLowerCase(Locale.ROOT);
        Metrics.require(key, source, field);
        String opText = m.group(2).equals("=") ? "==" : m.group(2);
        Op op = null;
        for (Op o : Op.values()) {
            if (o.text.equals(opText)) {
                op = o;
            }
        }
        return new Criterion(key, op, Double.parseDouble(m.group(3)));
    }

    @Override
    public String toString() {
        return metric + " " + op.text + " " + value;
    }
}
