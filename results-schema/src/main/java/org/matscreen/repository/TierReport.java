package org.matscreen.repository;

import java.util.List;

/**
 * How a later tier of a multi-fidelity campaign compares with the tier whose best records it recomputed: the file
 * {@code tiers/<name>/agreement.json} of the earlier tier's repository. Values are in the metric's unit; null where a
 * number does not exist (fewer than three pairs for ρ, a record the later tier did not compute).
 *
 * @param tier the later tier's name
 * @param campaign the later tier's campaign name (its records carry it)
 * @param previousCampaign the campaign of the tier it recomputed
 * @param code the later tier's simulation code
 * @param model what the later tier computed with (potential name or DFT settings description)
 * @param cells the later tier's cells, e.g. {@code fcc 2x1x1 (8 sites), sqs}
 * @param metric compared metric key, e.g. {@code dh_form_ev_per_atom}
 * @param pairs records with the metric in both tiers
 * @param spearman Spearman's rank correlation over the pairs
 * @param meanAbsoluteDifference mean |later − earlier|
 * @param meanSignedDifference mean (later − earlier)
 * @param survivors picks the later tier confirms (OK, admitted to ranking, passing the filters)
 * @param rows one per pick, by the earlier tier's rank
 * @param skipped picks the later tier could not compute, with the reason
 */
public record TierReport(String tier, String campaign, String previousCampaign, String code, String model,
        String cells, String metric, int pairs, Double spearman, Double meanAbsoluteDifference, Double meanSignedDifference,
        int survivors, List<Row> rows, List<String> skipped) {

    public TierReport {
        rows = rows == null ? List.of() : List.copyOf(rows);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /**
     * One pick in both tiers.
     *
     * @param rank the earlier tier's rank (1 = best)
     * @param earlierId the earlier record's id
     * @param laterId the later record's id, null if none
     */
    public record Row(int rank, String earlierId, String formula, String prototype, Double earlier, String laterId,
            String laterStatus, Double later, boolean survives, String note) {}

    /** A finite double, or null (JSON has no NaN). */
    public static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Writes the report into its tier's folder of {@code layout}'s repository, through the repository's staging
     * folder, creating both if missing.
     */
    public static void write(RepositoryLayout layout, TierReport report) {
        try {
            layout.fs().mkdirs(layout.tier(report.tier()));
            layout.fs().mkdirs(layout.staging());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + layout.tier(report.tier()) + " or "
                    + layout.staging(), e);
        }
        JsonFiles.write(layout, new org.apache.hadoop.fs.Path(layout.tier(report.tier()), "agreement.json"), report);
    }

    /** Every tier report of {@code layout}'s repository, by tier name. */
    public static List<TierReport> readAll(RepositoryLayout layout) {
        try {
            if (!layout.fs().exists(layout.tiers())) {
                return List.of();
            }
            List<TierReport> out = new java.util.ArrayList<>();
            for (var st : layout.fs().listStatus(layout.tiers())) {
                if (st.isDirectory()) {
                    JsonFiles.read(layout, new org.apache.hadoop.fs.Path(st.getPath(), "agreement.json"),
                            TierReport.class).ifPresent(out::add);
                }
            }
            out.sort(java.util.Comparator.comparing(TierReport::tier));
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + layout.tiers(), e);
        }
    }
}
