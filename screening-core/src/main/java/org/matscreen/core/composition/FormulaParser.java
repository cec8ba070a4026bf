package org.matscreen.core.composition;

import java.util.Map;
import java.util.TreeMap;
import org.matscreen.core.element.PeriodicTable;
import org.matscreen.core.error.InvalidInputException;

/**
 * The one formula parser: element symbols with optional decimal amounts and parenthesised groups with a multiplier,
 * e.g. {@code Cu0.95Ni0.05}, {@code Al(CoCrFeNi)0.25}. Errors name the position and the fragment that could not be read.
 */
public final class FormulaParser {
    private final String text;
    private int pos;

    private FormulaParser(String text) {
        this.text = text;
    }

    public static Composition parse(String formula) {
        if (formula == null || formula.isBlank()) {
            throw new InvalidInputException("formula", "", "empty formula");
        }
        FormulaParser p = new FormulaParser(formula.strip());
        Map<String, Double> m = p.group();
        if (p.pos != p.text.length()) {
            throw p.error("unexpected '" + p.text.substring(p.pos) + "'");
        }
        if (m.isEmpty()) {
            throw p.error("no elements");
        }
        return Composition.of(m);
    }

    private Map<String, Double> group() {
        Map<String, Double> m = new TreeMap<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '(') {
                pos++;
                Map<String, Double> inner = group();
                if (pos >= text.length() || text.charAt(pos) != ')') {
                    throw error("missing ')'");
                }
                pos++;
                double k = number();
                inner.forEach((el, a) -> m.merge(el, a * k, Double::sum));
            } else if (c == ')') {
                return m;
            } else if (Character.isUpperCase(c)) {
                int start = pos++;
                while (pos < text.length() && Character.isLowerCase(text.charAt(pos))) {
                    pos++;
                }
                String symbol = text.substring(start, pos);
                if (!PeriodicTable.isElementSymbol(symbol)) {
                    pos = start;
                    throw error("unknown element '" + symbol + "'");
                }
                m.merge(symbol, number(), Double::sum);
            } else {
                throw error("unexpected '" + text.substring(pos) + "'");
            }
        }
        return m;
    }

    private double number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (start == pos) {
            return 1.0;
        }
        String s = text.substring(start, pos);
        try {
            double v = Double.parseDouble(s);
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            pos = start;
            throw error("bad amount '" + s + "'");
        }
    }

    private InvalidInputException error(String what) {
        return new InvalidInputException("formula '" + text + "'", "", what + " at position " + pos);
    }
}
