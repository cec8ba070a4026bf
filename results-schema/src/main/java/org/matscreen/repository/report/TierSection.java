package org.matscreen.repository.report;

import java.util.List;
import java.util.Locale;
import org.matscreen.core.screening.MetricLabels;
import org.matscreen.repository.TierReport;

/** The report's multi-fidelity section: each later tier against the tier whose best records it recomputed. */
final class TierSection {
    private TierSection() {}

    static void render(StringBuilder b, List<TierReport> tiers) {
        if (tiers.isEmpty()) {
            return;
        }
        b.append("<h2 id=\"tiers\">Tiers</h2>\n");
        for (TierReport t : tiers) {
            String label = MetricLabels.withUnit(t.metric());
            b.append("<h3>").append(Svg.escape(t.tier())).append(": ").append(Svg.escape(t.code())).append(" (")
                    .append(Svg.escape(t.model())).append(") on the top ").append(t.rows().size())
                    .append(" of ").append(Svg.escape(t.previousCampaign())).append("</h3>\n");
            b.append("<p class=\"muted\">Cells of this tier: ").append(Svg.escape(t.cells())).append(".</p>\n");
            b.append("<p>").append(Svg.escape(label)).append(": Spearman ρ ").append(number(t.spearman(), "%.2f"))
                    .append(" over ").append(t.pairs()).append(" pairs; mean |difference| ")
                    .append(number(t.meanAbsoluteDifference(), "%.3f")).append(", mean difference (later − earlier) ")
                    .append(number(t.meanSignedDifference(), "%+.3f")).append(". ").append(t.survivors())
                    .append(" of ").append(t.rows().size()).append(" picks survive (OK, admitted to ranking, passing"
                    + " the filters). Records: campaign <code>").append(Svg.escape(t.campaign()))
                    .append("</code> in <code>tiers/").append(Svg.escape(t.tier())).append("/</code>.</p>\n");
            b.append("<table><tr><th>rank</th><th>formula</th><th>prototype</th><th>earlier</th><th>later</th>"
                    + "<th>status</th><th>survives</th><th>ids (earlier → later)</th></tr>\n");
            for (TierReport.Row r : t.rows()) {
                b.append("<tr><td>").append(r.rank()).append("</td><td>").append(Svg.escape(r.formula()))
                        .append("</td><td>").append(Svg.escape(r.prototype())).append("</td><td>")
                        .append(number(r.earlier(), "%.4f")).append("</td><td>").append(number(r.later(), "%.4f"))
                        .append("</td><td>").append(Svg.escape(r.laterStatus())).append("</td><td>")
                        .append(r.survives() ? "yes" : "no" + (r.note().isEmpty() ? "" : ": " + Svg.escape(r.note())))
                        .append("</td><td><code>").append(Svg.escape(shortId(r.earlierId()))).append(" → ")
                        .append(Svg.escape(r.laterId() == null ? "-" : shortId(r.laterId())))
                        .append("</code></td></tr>\n");
            }
            b.append("</table>\n");
            for (String s : t.skipped()) {
                b.append("<p class=\"muted\">Not computed: ").append(Svg.escape(s)).append("</p>\n");
            }
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static String number(Double v, String format) {
        return v == null ? "–" : String.format(Locale.ROOT, format, v);
    }
}
