package org.matscreen.core.tiers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How far a later tier agrees with the tier whose top records it recomputed, on one metric (the formation enthalpy by
 * default): Spearman's rank correlation and the mean absolute and mean signed differences over the pairs both tiers
 * computed, and which picks survive (the later tier's record is OK, admitted to ranking and passes the campaign's
 * filters).
 *
 * @param metric the compared metric's key, e.g. {@code dh_form_ev_per_atom}
 * @param rows one row per pick, in the previous tier's rank order
 * @param pairs rows with a finite value in both tiers
 * @param spearman Spearman's ρ over the pairs (NaN with fewer than 3 pairs or no spread)
 * @param meanAbsoluteDifference mean |later − earlier| over the pairs, in the metric's unit (NaN without pairs)
 * @param meanSignedDifference mean (later − earlier), in the metric's unit (NaN without pairs)
 */
public record TierAgreement(String metric, List<Row> rows, int pairs, double spearman, double meanAbsoluteDifference,
        double meanSignedDifference) {

    public TierAgreement {
        Objects.requireNonNull(metric, "metric");
        rows = List.copyOf(rows);
    }

    /**
     * One pick seen by both tiers.
     *
     * @param pick the previous tier's record
     * @param earlier its metric value in the previous tier
     * @param laterId the later tier's record id, or null if it computed none
     * @param laterStatus the later record's status ({@code ok}, {@code crashed}, …), or {@code skipped}
     * @param later its metric value in the later tier (NaN if none)
     * @param survives whether the later record is OK, admitted to ranking and passes the filters
     * @param note why it does not survive (empty when it does)
     */
    public record Row(TierPick pick, double earlier, String laterId, String laterStatus, double later,
            boolean survives, String note) {
        public Row {
            Objects.requireNonNull(pick, "pick");
            note = note == null ? "" : note;
        }

        public boolean paired() {
            return Double.isFinite(earlier) && Double.isFinite(later);
        }
    }

    /** The agreement over {@code rows}. */
    public static TierAgreement of(String metric, List<Row> rows) {
        List<Row> paired = rows.stream().filter(Row::paired).toList();
        double[] a = paired.stream().mapToDouble(Row::earlier).toArray();
        double[] b = paired.stream().mapToDouble(Row::later).toArray();
        double mad = Double.NaN;
        double msd = Double.NaN;
        if (a.length > 0) {
            double sa = 0;
            double ss = 0;
            for (int i = 0; i < a.length; i++) {
                sa += Math.abs(b[i] - a[i]);
                ss += b[i] - a[i];
            }
            mad = sa / a.length;
            msd = ss / a.length;
        }
        return new TierAgreement(metric, rows, a.length, spearman(a, b), mad, msd);
    }

    /** Picks the later tier confirms. */
    public List<Row> survivors() {
        return rows.stream().filter(Row::survives).toList();
    }

    /** Spearman's ρ: Pearson's correlation of the ranks, ties given their mean rank. NaN below 3 pairs. */
    static double spearman(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("samples differ in length");
        }
        if (a.length < 3) {
            return Double.NaN;
        }
        return pearson(ranks(a), ranks(b));
    }

    static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; ) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = mean;
            }
            i = j + 1;
        }
        return r;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** The rows as a plain list in rank order (for reports). */
    public List<Row> byRank() {
        List<Row> r = new ArrayList<>(rows);
        r.sort(Comparator.comparingInt(x -> x.pick().rank()));
        return r;
    }
}
