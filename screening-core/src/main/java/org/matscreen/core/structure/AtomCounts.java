package org.matscreen.core.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.matscreen.core.composition.Composition;

/**
 * Integer atom counts for a composition in a cell of {@code n} sites.
 *
 * <p><b>Rounding rule</b> (largest remainder, also called Hamilton's method): every element first gets
 * ⌊x·n⌋ atoms; the atoms still missing go one each to the elements with the largest remainders x·n − ⌊x·n⌋, ties
 * broken alphabetically by symbol. The result sums to n exactly and each count differs from x·n by less than one
 * atom. A composition is representable within a tolerance t if every element present gets at least one atom and
 * |count/n − x| ≤ t for every element.
 */
public record AtomCounts(List<String> symbols, int[] counts, double maxFractionError) {

    public static AtomCounts of(Composition composition, int sites) {
        if (sites <= 0) {
            throw new IllegalArgumentException("a cell needs at least one site");
        }
        List<String> symbols = composition.symbols();
        double[] x = composition.fractions();
        int[] n = new int[x.length];
        double[] remainder = new double[x.length];
        int assigned = 0;
        for (int i = 0; i < x.length; i++) {
            double exact = x[i] * sites;
            // Guard against 0.35*20 = 6.999999999 being floored to 6.
            n[i] = (int) Math.floor(exact + 1e-9);
            remainder[i] = exact - n[i];
            assigned += n[i];
        }
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(remainder[b], remainder[a]);
            return c != 0 ? c : Integer.compare(a, b); // symbols are alphabetical, so index order = alphabetical
        });
        for (int k = 0; assigned < sites; k = (k + 1) % order.length) {
            n[order[k]]++;
            assigned++;
        }
        double err = 0;
        for (int i = 0; i < x.length; i++) {
            err = Math.max(err, Math.abs((double) n[i] / sites - x[i]));
        }
        return new AtomCounts(symbols, n, err);
    }

    public int total() {
        return Arrays.stream(counts).sum();
    }

    /** True if every element present in the composition got at least one atom. */
    public boolean everyElementPresent() {
        return Arrays.stream(counts).allMatch(c -> c > 0);
    }

    /** True if the counts represent the composition within {@code tolerance} (atomic fraction) for every element. */
    public boolean representsWithin(double tolerance) {
        return everyElementPresent() && maxFractionError <= tolerance + 1e-12;
    }

    /**
     * Why these counts do not represent the composition within {@code tolerance}, in words for an error message
     * (which elements the cell leaves out, or the largest fraction error); empty if they do.
     */
    public String shortfall(double tolerance) {
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                absent.add(symbols.get(i));
            }
        }
        if (!absent.isEmpty()) {
            return String.format(Locale.ROOT, "the nearest counts %s leave out %s", Arrays.toString(counts),
                    String.join(", ", absent));
        }
        if (maxFractionError > tolerance + 1e-12) {
            return String.format(Locale.ROOT, "the nearest counts %s miss a fraction by %.4g",
                    Arrays.toString(counts), maxFractionError);
        }
        return "";
    }

    public Composition composition() {
        return Composition.ofCounts(symbols, counts);
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AtomCounts a && symbols.equals(a.symbols) && Arrays.equals(counts, a.counts);
    }

    @Override
    public int hashCode() {
        return 31 * symbols.hashCode() + Arrays.hashCode(counts);
    }
}
