package org.matscreen.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.tiers.TierAgreement;
import org.matscreen.core.tiers.TierCampaign;
import org.matscreen.core.tiers.TierPick;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import org.matscreen.repository.TierReport;

/**
 * The link between two tiers of a multi-fidelity campaign: which of a run's ranked records the next tier recomputes,
 * and how the next tier's records compare with them. The comparison is made per pick, on its composition in its
 * prototype, so a pick and the later tier's record of the same cell kind stand side by side (ids of both in the
 * report's rows).
 */
public final class TierStage {
    /** The metric tiers are compared on when the earlier tier's table shows it: what a DFT check is about. */
    public static final String FORMATION_ENTHALPY = "dh_form_ev_per_atom";

    private TierStage() {}

    /** A finished run's ranked table as picks, best first (rank = row position). */
    public static List<TierPick> picks(RunSummary run) {
        List<TierPick> picks = new ArrayList<>();
        for (TopCandidates.Row row : run.top()) {
            RankedEntry e = row.entry();
            picks.add(new TierPick(picks.size() + 1, e.id(), Composition.parse(e.formula()),
                    Prototype.parse(e.prototype(), run.repositoryUri(), "prototype")));
        }
        return picks;
    }

    /**
     * The metric two tiers are compared on: the formation enthalpy if the earlier run's table has it, else its first
     * column (the first objective's metric).
     */
    public static String metric(RunSummary earlier) {
        return earlier.tableMetrics().contains(FORMATION_ENTHALPY) ? FORMATION_ENTHALPY
                : earlier.tableMetrics().get(0);
    }

    /**
     * Compares tier {@code later} (its committed records in {@code laterLayout}) with the picks it recomputed from
     * the {@code earlier} run.
     *
     * @param model what the later tier computed with, as records name it
     */
    public static TierReport compare(TierCampaign later, RunSummary earlier, RepositoryLayout laterLayout,
            String model) {
        String metric = metric(earlier);
        int column = earlier.tableMetrics().indexOf(metric);
        List<CandidateResult> records = new ResultReader(laterLayout).readAll();
        Screening screening = new Screening(later.spec().screening(), List.of(metric));
        List<TierAgreement.Row> rows = new ArrayList<>();
        for (TierPick p : later.picks()) {
            double before = earlier.top().get(p.rank() - 1).entry().metrics()[column];
            CandidateResult r = records.stream().filter(x -> x.recipe().prototype() == p.prototype()
                    && x.composition().almostEquals(p.composition(), 1e-9)).findFirst().orElse(null);
            if (r == null) {
                rows.add(new TierAgreement.Row(p, before, null, "not computed", Double.NaN, false,
                        "the tier committed no record (interrupted, or past its deadline)"));
                continue;
            }
            boolean ok = r.status() == Status.OK;
            String note = !ok ? r.status().key()
                    : !screening.passesFilters(r) ? "fails the campaign's filters"
                    : screening.excluded(r.flags()) ? "flagged " + String.join(", ", r.flags().stream()
                            .map(RecordFlag::key).toList())
                    : "";
            rows.add(new TierAgreement.Row(p, before, r.id(), r.status().key(), ok ? r.metric(metric) : Double.NaN,
                    note.isEmpty(), note));
        }
        TierAgreement a = TierAgreement.of(metric, rows);
        List<TierReport.Row> out = a.byRank().stream().map(x -> new TierReport.Row(x.pick().rank(),
                x.pick().recordId(), x.pick().composition().formula(), x.pick().prototype().key(),
                TierReport.finite(x.earlier()), x.laterId(), x.laterStatus(), TierReport.finite(x.later()),
                x.survives(), x.note())).toList();
        return new TierReport(later.tier().name(), later.spec().name(), earlier.campaign(),
                later.tier().method().code(), model, later.cells(), metric, a.pairs(), TierReport.finite(a.spearman()),
                TierReport.finite(a.meanAbsoluteDifference()), TierReport.finite(a.meanSignedDifference()),
                a.survivors().size(), out, later.skipped());
    }

    /** The comparison as the run prints it: one line of agreement, then one line per pick. */
    public static List<String> lines(TierReport t) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "tier %s (%s, %s) on the top %d of %s: %s Spearman rho %s over %d pairs,"
                + " mean |difference| %s, mean difference %s; %d of %d survive", t.tier(), t.code(), t.model(),
                t.rows().size(), t.previousCampaign(), t.metric(), fmt(t.spearman(), "%.2f"), t.pairs(),
                fmt(t.meanAbsoluteDifference(), "%.3f"), fmt(t.meanSignedDifference(), "%+.3f"), t.survivors(),
                t.rows().size()));
        out.add("  cells: " + t.cells());
        out.add(String.format(Locale.ROOT, "  %4s  %-16s %-4s %10s %10s  %-12s %s", "rank", "formula", "prot",
                "earlier", "later", "status", "survives"));
        for (TierReport.Row r : t.rows()) {
            out.add(String.format(Locale.ROOT, "  %4d  %-16s %-4s %10s %10s  %-12s %s", r.rank(), r.formula(),
                    r.prototype(), fmt(r.earlier(), "%.4f"), fmt(r.later(), "%.4f"), r.laterStatus(),
                    r.survives() ? "yes" : "no: " + r.note()));
        }
        t.skipped().forEach(s -> out.add("  not computed: " + s));
        return out;
    }

    private static String fmt(Double v, String format) {
        return v == null ? "-" : String.format(Locale.ROOT, format, v);
    }
}
