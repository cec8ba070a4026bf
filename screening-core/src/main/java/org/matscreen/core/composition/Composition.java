package org.matscreen.core.composition;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.matscreen.core.element.Element;
import org.matscreen.core.element.PeriodicTable;
import org.matscreen.core.util.Hashing;

/**
 * An immutable chemical composition: element symbols with non-negative amounts (atoms or fractions), in the spirit of
 * pymatgen's {@code Composition}. Elements are kept in alphabetical order of symbol, which is the canonical order of
 * every rendering here (formula, chemical system, OPTIMADE's reduced formula). Zero amounts are dropped.
 *
 * <p>{@code equals}/{@code hashCode} are exact on the stored amounts; compositions that differ only by scale
 * (Cu1Ni1 vs Cu0.5Ni0.5) are compared with {@link #almostEquals(Composition, double)} on fractions.
 */
public final class Composition implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Amount below which an element is treated as absent; also the rounding step of {@link #canonicalKey()}. */
    public static final double AMOUNT_TOLERANCE = 1e-10;

    private final String[] symbols;
    private final double[] amounts;

    private Composition(String[] symbols, double[] amounts) {
        this.symbols = symbols;
        this.amounts = amounts;
    }

    /** A composition from element symbol to amount; symbols are validated against the periodic table. */
    public static Composition of(Map<String, ? extends Number> amounts) {
        TreeMap<String, Double> sorted = new TreeMap<>();
        for (Map.Entry<String, ? extends Number> e : amounts.entrySet()) {
            PeriodicTable.require(e.getKey(), "composition", "element");
            double v = e.getValue().doubleValue();
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("amount of " + e.getKey() + " must be finite and >= 0: " + v);
            }
            if (v > AMOUNT_TOLERANCE) {
                sorted.merge(e.getKey(), v, Double::sum);
            }
        }
        String[] s = sorted.keySet().toArray(new String[0]);
        double[] a = sorted.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new Composition(s, a);
    }

    /** Integer atom counts, e.g. of a supercell, in the order of {@code symbols}. */
    public static Composition ofCounts(List<String> symbols, int[] counts) {
        if (symbols.size() != counts.length) {
            throw new IllegalArgumentException("symbols and counts differ in length");
        }
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("negative count for " + symbols.get(i));
            }
            m.merge(symbols.get(i), counts[i], Integer::sum);
        }
        return of(m);
    }

    /** Parses a formula such as {@code Cu0.95Ni0.05}, {@code CoCrFeNi}, {@code Al(CoCr)2}. See {@link FormulaParser}. */
    public static Composition parse(String formula) {
        return FormulaParser.parse(formula);
    }

    public int size() {
        return symbols.length;
    }

    /** Element symbols present, alphabetical. */
    public List<String> symbols() {
        return List.of(symbols);
    }

    public List<Element> elements() {
        return Arrays.stream(symbols).map(PeriodicTable::of).toList();
    }

    public boolean contains(String symbol) {
        return Arrays.binarySearch(symbols, symbol) >= 0;
    }

    /** Amount of an element (0 if absent). */
    public double amount(String symbol) {
        int i = Arrays.binarySearch(symbols, symbol);
        return i >= 0 ? amounts[i] : 0.0;
    }

    /** Amounts in the order of {@link #symbols()}. */
    public double[] amounts() {
        return amounts.clone();
    }

    public double totalAmount() {
        double t = 0;
        for (double a : amounts) {
            t += a;
        }
        return t;
    }

    /** Atomic fraction of an element (0 if absent). */
    public double fraction(String symbol) {
        return amount(symbol) / totalAmount();
    }

    /** Atomic fractions in the order of {@link #symbols()}; they sum to 1. */
    public double[] fractions() {
        double t = totalAmount();
        double[] f = new double[amounts.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = amounts[i] / t;
        }
        return f;
    }

    /** The same composition scaled to a total amount of 1. */
    public Composition normalized() {
        return new Composition(symbols.clone(), fractions());
    }

    /** Sum of two compositions (pymatgen: Fe2O3 + FeO = Fe3O4). */
    public Composition plus(Composition other) {
        Map<String, Double> m = new TreeMap<>();
        for (int i = 0; i < symbols.length; i++) {
            m.merge(symbols[i], amounts[i], Double::sum);
        }
        for (int i = 0; i < other.symbols.length; i++) {
            m.merge(other.symbols[i], other.amounts[i], Double::sum);
        }
        return of(m);
    }

    /** Mass fraction of each element, in the order of {@link #symbols()}. */
    public double[] massFractions() {
        double[] w = new double[symbols.length];
        double total = 0;
        for (int i = 0; i < symbols.length; i++) {
            w[i] = amounts[i] * PeriodicTable.of(symbols[i]).atomicMassGPerMol();
            total += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= total;
        }
        return w;
    }

    /** Mean atomic mass in g/mol. */
    public double meanAtomicMassGPerMol() {
        double[] f = fractions();
        double m = 0;
        for (int i = 0; i < symbols.length; i++) {
            m += f[i] * PeriodicTable.of(symbols[i]).atomicMassGPerMol();
        }
        return m;
    }

    /** The chemical system key, elements joined by '-' in alphabetical order, e.g. {@code Co-Cr-Fe-Ni}. */
    public String chemicalSystem() {
        return String.join("-", symbols);
    }

    /**
     * The formula with the stored amounts, alphabetical, amounts of exactly 1 omitted and up to 8 significant
     * decimals: {@code Cu0.95Ni0.05}, {@code Cu19Ni}. {@code parse(formula())} reproduces this composition to 1e-8.
     */
    public String formula() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < symbols.length; i++) {
            sb.append(symbols[i]).append(formatAmount(amounts[i]));
        }
        return sb.toString();
    }

    /**
     * Integer proportions with the smallest integers that reproduce the fractions within {@code 1e-6} (denominators
     * up to 10^6), or {@code null} if there are none (an irrational-looking composition).
     */
    public long[] integerProportions() {
        double[] f = fractions();
        for (long denominator = 1; denominator <= 1_000_000; denominator++) {
            long[] n = new long[f.length];
            boolean ok = true;
            for (int i = 0; i < f.length && ok; i++) {
                double x = f[i] * denominator;
                n[i] = Math.round(x);
                ok = n[i] > 0 && Math.abs(x - n[i]) < 1e-6 * Math.max(1, denominator / 100.0);
            }
            if (ok) {
                long g = 0;
                for (long v : n) {
                    g = BigInteger.valueOf(g).gcd(BigInteger.valueOf(v)).longValue();
                }
                for (int i = 0; i < n.length; i++) {
                    n[i] /= g;
                }
                return n;
            }
        }
        return null;
    }

    /**
     * Reduced formula with integer counts, as OPTIMADE's {@code chemical_formula_reduced} (alphabetical, counts of 1
     * omitted): {@code Cu19Ni}. Falls back to {@link #normalized()}'s formula when no small integer ratio exists.
     */
    public String reducedFormula() {
        long[] n = integerProportions();
        if (n == null) {
            return normalized().formula();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < symbols.length; i++) {
            sb.append(symbols[i]);
            if (n[i] != 1) {
                sb.append(n[i]);
            }
        }
        return sb.toString();
    }

    /**
     * OPTIMADE's {@code chemical_formula_anonymous}: the reduced integer proportions sorted in descending order and
     * labelled A, B, C, ... ({@code A19B} for Cu19Ni).
     */
    public String anonymousFormula() {
        long[] n = integerProportions();
        if (n == null) {
            return null;
        }
        long[] sorted = n.clone();
        Arrays.sort(sorted);
        StringBuilder sb = new StringBuilder();
        for (int k = sorted.length - 1, label = 0; k >= 0; k--, label++) {
            sb.append(anonymousLabel(label));
            if (sorted[k] != 1) {
                sb.append(sorted[k]);
            }
        }
        return sb.toString();
    }

    private static String anonymousLabel(int i) {
        // OPTIMADE: A..Z, then Aa..Az, Ba.. (an uppercase letter followed by a lowercase one).
        if (i < 26) {
            return String.valueOf((char) ('A' + i));
        }
        int j = i - 26;
        return "" + (char) ('A' + j / 26) + (char) ('a' + j % 26);
    }

    /**
     * The canonical text of this composition's fractions, rounded to 10 decimals, e.g. {@code Cu:0.9500000000,Ni:...}.
     * It is the same on every machine and JVM, so it is what content hashes are built from.
     */
    public String canonicalKey() {
        double[] f = fractions();
        StringBuilder sb = new StringBuilder(16 * symbols.length);
        for (int i = 0; i < symbols.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(symbols[i]).append(':');
            appendFixed10(sb, f[i]);
        }
        return sb.toString();
    }

    /**
     * Appends a fraction in [0, 1] with exactly 10 decimals, rounded half up: what {@code %.10f} prints, without the
     * formatter's cost (ids are derived for every candidate of campaigns of millions).
     */
    static void appendFixed10(StringBuilder sb, double x) {
        long v = Math.round(x * 1e10);
        long whole = v / 10_000_000_000L;
        long frac = v % 10_000_000_000L;
        sb.append(whole).append('.');
        String digits = Long.toString(frac);
        for (int k = digits.length(); k < 10; k++) {
            sb.append('0');
        }
        sb.append(digits);
    }

    /** SHA-256 (hex) of {@link #canonicalKey()}: stable across runs and machines, unlike {@link #hashCode()}. */
    public String stableHash() {
        return Hashing.sha256Hex(canonicalKey());
    }

    /** True if both have the same elements and every fraction agrees within {@code tolerance}. */
    public boolean almostEquals(Composition other, double tolerance) {
        if (!Arrays.equals(symbols, other.symbols)) {
            return false;
        }
        double[] a = fractions();
        double[] b = other.fractions();
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    static String formatAmount(double a) {
        if (Math.abs(a - 1.0) < 1e-12) {
            return "";
        }
        if (Math.abs(a - Math.rint(a)) < 1e-9) {
            return Long.toString(Math.round(a));
        }
        // What String.format(Locale.ROOT, "%.8f", a) writes (half-up rounding of the shortest decimal form, which is
        // Double.toString's), without the formatter: parsing the pattern and a regex per amount were 7 % of the
        // executor's Java time in a screen (formulas are made for every record and ranked entry).
        String s = Double.isFinite(a)
                ? new BigDecimal(Double.toString(a)).setScale(8, RoundingMode.HALF_UP).toPlainString()
                : String.format(Locale.ROOT, "%.8f", a);
        int end = s.length();
        if (s.indexOf('.') >= 0) {
            while (end > 0 && s.charAt(end - 1) == '0') {
                end--;
            }
            if (end > 0 && s.charAt(end - 1) == '.') {
                end--;
            }
        }
        return s.substring(0, end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Composition c && Arrays.equals(symbols, c.symbols) && Arrays.equals(amounts, c.amounts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(symbols), Arrays.hashCode(amounts));
    }

    @Override
    public String toString() {
        return formula();
    }
}
