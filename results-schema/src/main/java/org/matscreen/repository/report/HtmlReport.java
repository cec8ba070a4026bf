package org.matscreen.repository.report;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.matscreen.core.descriptors.MetricNotes;
import org.matscreen.core.properties.ElasticConstants;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.properties.ReferenceEnergies;
import org.matscreen.core.screening.MetricLabels;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.sim.FitScope;
import org.matscreen.core.util.BuildInfo;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.report.ReportData.ObjectivePoint;

/**
 * A campaign report as one self-contained HTML page: inline CSS and inline SVG plots, no script and no external
 * resource, so it displays the same offline, attached to a mail or archived with the data.
 */
public final class HtmlReport {
    /** Rows of the Pareto-front table. */
    static final int FRONT_TABLE_ROWS = 25;

    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:24px auto;max-width:1280px;color:#212121}
            h1{font-size:24px;margin-bottom:4px}h2{font-size:19px;margin-top:32px;border-bottom:1px solid #ccc}
            .muted{color:#616161}table{border-collapse:collapse;font-size:13px}
            .warning{background:#fff3e0;border-left:4px solid #e65100;padding:6px 10px}
            td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}th{background:#f5f5f5}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .grid-charts{display:flex;flex-wrap:wrap;gap:12px}
            svg.chart{background:#fff;border:1px solid #e0e0e0}
            svg .grid{stroke:#eeeeee;stroke-width:1}svg .axis{stroke:#424242;stroke-width:1.2}
            svg text{font-size:12px;fill:#212121}svg .tick{font-size:11px;fill:#424242}
            svg .axis-title{font-size:13px}svg .chart-title{font-size:13px;font-weight:bold}
            svg .point{fill:#9e9e9e;fill-opacity:0.55}
            svg .front{fill:#d32f2f;stroke:#7f0000;stroke-width:1}
            svg .front-line{stroke:#d32f2f;stroke-width:1.5}
            svg .series{stroke-width:1.8}svg .binary-point{stroke:#fff;stroke-width:0.8}
            svg .triangle{fill:#fafafa;stroke:#424242;stroke-width:1.2}
            svg .ternary-point{stroke:#212121;stroke-width:0.4}svg .vertex{font-size:14px;font-weight:bold}
            svg .flagged{fill:#ff8f00;stroke:#4e342e;stroke-width:0.8}svg .hollow{fill:none;stroke:#4e342e}
            svg .error-bar{stroke-width:1.2}.legend{font-size:12px}
            svg .ternary-grid{stroke:#d0d0d0;stroke-width:0.7}svg .ternary-tick{font-size:9px;fill:#757575}
            svg circle:hover,svg polygon.flagged:hover,svg rect.flagged:hover{stroke:#000;stroke-width:2}
            svg .spread-band{stroke:#bdbdbd;stroke-width:7;stroke-linecap:round}svg .spread-mean{stroke:#212121;stroke-width:1.5}
            svg .configuration-bar{stroke-width:1}svg .member-point{stroke:#fff;stroke-width:0.6}
            svg .predicted{fill:#fff;stroke:#1976d2;stroke-width:1.2}svg .predicted-bar{stroke:#90caf9;stroke-width:1}
            svg .round-front{stroke:#212121;stroke-width:0.4}
            svg .reference-line{stroke:#9e9e9e;stroke-width:1;stroke-dasharray:4 3}
            """;

    private HtmlReport() {}

    public static String render(ReportData data, Instant generated) {
        return render(data, java.util.List.of(), generated);
    }

    /** The report with the later tiers of a multi-fidelity campaign compared against this one. */
    public static String render(ReportData data, java.util.List<org.matscreen.repository.TierReport> tiers,
            Instant generated) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>matscreen report: ")
                .append(Svg.escape(data.campaign())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        b.append("<h1>matscreen report: ").append(Svg.escape(data.campaign())).append("</h1>\n");
        data.manifest().map(Manifest::description).filter(d -> !d.isBlank())
                .ifPresent(d -> b.append("<p>").append(Svg.escape(d)).append("</p>\n"));
        b.append("<p class=\"muted\">Generated ").append(generated).append(" by matscreen ")
                .append(Svg.escape(BuildInfo.version())).append(".</p>\n");
        summary(b, data);
        b.append("<h2 id=\"statuses\">Statuses</h2>\n").append(StatusChart.render(data.statusCounts()));
        flags(b, data);
        references(b, data);
        pareto(b, data);
        ensemble(b, data);
        AdaptiveSection.render(b, data);
        TierSection.render(b, tiers);
        composition(b, data);
        b.append("<p class=\"muted\">This page is self-contained: plots are inline SVG; it loads nothing.</p>\n");
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void summary(StringBuilder b, ReportData data) {
        long records = data.statusCounts().values().stream().mapToLong(Long::longValue).sum();
        b.append("<table id=\"summary\">\n");
        row(b, "records", records + (data.manifest().isPresent() ? " of " + data.manifest().get().candidates()
                + " candidates" : ""));
        row(b, "statuses", data.statusCounts().toString());
        data.manifest().ifPresent(m -> {
            row(b, "potential", m.potential().name() + " (" + m.potential().pairStyle() + "), key "
                    + m.potential().key() + "; " + m.potential().citation());
            row(b, "simulation code", m.codeVersion());
            row(b, "matscreen", m.matscreenVersion() + ", commit " + m.matscreenCommit());
            double wall = m.runs().stream().mapToDouble(Manifest.Run::wallSeconds).sum();
            row(b, "runs", String.format(Locale.ROOT, "%d (%.1f s wall in total), last updated %s", m.runs().size(),
                    wall, m.updatedAt()));
        });
        row(b, "objectives", data.objectives().isEmpty() ? "none: " + data.objectivesNote()
                : data.objectives().toString());
        if (!data.potentialFit().isEmpty()) {
            row(b, "potential fit", data.potentialFit().toString());
        }
        b.append("</table>\n");
        fitWarning(b, data);
    }

    /**
     * A visible warning when the campaign ranks by an energy but some computed compositions have unlike pairs the
     * potential was not fitted to (a mixing rule): the ranking's energies are then not the alloy's.
     */
    private static void fitWarning(StringBuilder b, ReportData data) {
        List<String> energies = data.objectives().stream().map(Objective::metric)
                .filter(FitScope.ENERGY_METRICS::contains).toList();
        long notFitted = data.potentialFit().entrySet().stream().filter(e -> !e.getKey().equals("fitted"))
                .mapToLong(Map.Entry::getValue).sum();
        if (energies.isEmpty() || notFitted == 0) {
            return;
        }
        b.append("<p class=\"warning\" id=\"fit-warning\"><strong>Warning:</strong> the ranking uses ")
                .append(Svg.escape(String.join(", ", energies))).append(", but for ").append(notFitted)
                .append(" computed records the potential was not fitted to every unlike pair of the composition (")
                .append(Svg.escape(data.potentialFit().toString())).append("): those alloy energies come from a"
                        + " mixing rule or an unstated fit, and their signs may be wrong. <code>matscreen potentials"
                        + " --elements …</code> lists fitted potentials.</p>\n");
    }

    private static void pareto(StringBuilder b, ReportData data) {
        b.append("<h2 id=\"pareto\">Pareto front</h2>\n");
        if (data.objectives().isEmpty() || data.points().isEmpty()) {
            b.append("<p>No Pareto front: ").append(Svg.escape(data.objectives().isEmpty() ? data.objectivesNote()
                    : "no computed record has every objective value")).append(".</p>\n");
            return;
        }
        List<ObjectivePoint> front = ParetoChart.front(data);
        b.append(ParetoChart.render(data, front));
        int ranked = data.rankedPoints().size();
        int leftOut = data.points().size() - ranked;
        int drawn = ParetoChart.drawnBackground(ranked, front.size()) + front.size() + leftOut;
        b.append("<p class=\"muted\">").append(data.points().size()).append(" computed records, ")
                .append(front.size()).append(" on the front of ").append(Svg.escape(data.objectives().toString()))
                .append(leftOut > 0 ? "; " + leftOut + " left out of the ranking for their flags (drawn as markers)"
                        : "")
                .append(drawn < data.points().size() ? "; " + drawn + " drawn (evenly thinned)" : "")
                .append(".</p>\n").append(Markers.legend());
        dataNotes(b, data.objectives().stream().map(Objective::metric).toList(), data);
        b.append("<table id=\"front-table\">\n<tr><th>formula</th><th>system</th><th>prototype</th>");
        for (Objective o : data.objectives()) {
            b.append("<th title=\"").append(Svg.escape(o.metric())).append("\">")
                    .append(Svg.escape(MetricLabels.withUnit(o.metric()))).append("</th>");
        }
        b.append("<th>id</th></tr>\n");
        for (ObjectivePoint p : front.subList(0, Math.min(FRONT_TABLE_ROWS, front.size()))) {
            b.append("<tr><td>").append(Svg.escape(p.formula())).append("</td><td>")
                    .append(Svg.escape(p.chemicalSystem())).append("</td><td>").append(Svg.escape(p.prototype()))
                    .append("</td>");
            for (double v : p.values()) {
                b.append("<td class=\"num\">").append(String.format(Locale.ROOT, "%.5g", v)).append("</td>");
            }
            b.append("<td><code>").append(Svg.escape(p.id().substring(0, Math.min(12, p.id().length()))))
                    .append("</code></td></tr>\n");
        }
        b.append("</table>\n");
    }

    /** Rows of the table of spreads across potentials. */
    static final int SPREAD_TABLE_ROWS = 25;

    /**
     * The campaign's ensemble of potentials: its members, how far they spread on the plotted property per
     * composition (the systematic error of the potential), next to the spread over orderings, as a chart and a table.
     */
    private static void ensemble(StringBuilder b, ReportData data) {
        ReportData.EnsembleData e = data.ensemble();
        if (e.isEmpty()) {
            return;
        }
        String title = PlotFrame.title(data.property(), data.propertyUnit());
        b.append("<h2 id=\"ensemble\">Spread across potentials</h2>\n<p>Every composition was computed on the same"
                + " cells with each of the ").append(e.members().size()).append(" members of the campaign's"
                + " ensemble of potentials (aggregates/potentials/):</p>\n<ol id=\"ensemble-members\">\n");
        for (int m = 0; m < e.members().size(); m++) {
            ReportData.Member member = e.members().get(m);
            b.append("<li><span style=\"color:").append(SpreadChart.MEMBER_COLOURS[m
                    % SpreadChart.MEMBER_COLOURS.length]).append("\">●</span> <code>")
                    .append(Svg.escape(member.name())).append("</code>")
                    .append(member.citation().isEmpty() ? "" : ": " + Svg.escape(member.citation()))
                    .append("</li>\n");
        }
        b.append("</ol>\n");
        if (e.spreads().isEmpty()) {
            b.append("<p>No composition has values of ").append(Svg.escape(data.property()))
                    .append(" from its members.</p>\n");
            return;
        }
        double[] std = e.spreads().stream().mapToDouble(ReportData.SpreadPoint::std).filter(v -> !Double.isNaN(v))
                .sorted().toArray();
        double[] range = e.spreads().stream().mapToDouble(p -> p.max() - p.min()).sorted().toArray();
        double[] configuration = e.spreads().stream().mapToDouble(ReportData.SpreadPoint::configurationStd)
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
        b.append("<p id=\"ensemble-summary\">").append(Svg.escape(title)).append(" over ").append(e.spreads().size())
                .append(" compositions: median standard deviation across potentials ")
                .append(number(median(std))).append(", median range (largest − smallest member) ")
                .append(number(median(range)));
        b.append(configuration.length == 0 ? "; one ordering per composition, so no configurational spread to"
                + " compare" : "; median standard deviation over orderings (pooled within members) "
                        + number(median(configuration)));
        b.append(".</p>\n").append(SpreadChart.render(data));
        b.append("<p class=\"muted\">Grey band: smallest to largest member value; dots: each member (legend);"
                + " black tick: the members' mean; whiskers: ± the standard deviation over orderings pooled within"
                + " the members.</p>\n");
        b.append("<table id=\"spread-table\">\n<tr><th>formula</th><th>prototype</th>");
        for (ReportData.Member m : e.members()) {
            b.append("<th>").append(Svg.escape(m.label())).append("</th>");
        }
        b.append("<th>mean</th><th>std across potentials</th><th>range</th><th>std over orderings</th></tr>\n");
        List<ReportData.SpreadPoint> sorted = SpreadChart.byMean(e);
        for (ReportData.SpreadPoint p : sorted.subList(0, Math.min(SPREAD_TABLE_ROWS, sorted.size()))) {
            b.append("<tr><td>").append(Svg.escape(p.formula())).append("</td><td>")
                    .append(Svg.escape(p.prototype())).append("</td>");
            for (double v : p.memberValues()) {
                b.append("<td class=\"num\">").append(number(v)).append("</td>");
            }
            for (double v : new double[] {p.mean(), p.std(), p.max() - p.min(), p.configurationStd()}) {
                b.append("<td class=\"num\">").append(number(v)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n<p class=\"muted\">").append(Math.min(SPREAD_TABLE_ROWS, sorted.size())).append(" of ")
                .append(sorted.size()).append(" compositions, by increasing mean ").append(Svg.escape(title))
                .append(".</p>\n");
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static void flags(StringBuilder b, ReportData data) {
        b.append("<h2 id=\"flags\">Flags</h2>\n");
        if (data.flagCounts().isEmpty()) {
            b.append("<p>No computed record carries a flag.</p>\n");
            return;
        }
        b.append("<table id=\"flag-table\">\n<tr><th>flag</th><th>ok records</th><th>left out of ranking by"
                + " default</th><th>meaning</th></tr>\n");
        for (RecordFlag f : RecordFlag.values()) {
            long n = data.flagCounts().getOrDefault(f.key(), 0L);
            if (n > 0) {
                b.append("<tr><td>").append(f.key()).append("</td><td class=\"num\">").append(n)
                        .append("</td><td>").append(f.excludesFromRanking() ? "yes" : "no").append("</td><td>")
                        .append(Svg.escape(f.meaning())).append("</td></tr>\n");
            }
        }
        b.append("</table>\n");
    }

    private static void references(StringBuilder b, ReportData data) {
        if (data.unstableReferences().isEmpty()) {
            return;
        }
        b.append("<h2 id=\"unstable-references\">Mechanically unstable references</h2>\n<p>Pure elements whose"
                + " elastic constants violate the Born criteria in a structure the enthalpies refer to; records"
                + " using them carry the unstable-reference flag.</p>\n<table id=\"reference-table\">\n<tr>"
                + "<th>element</th><th>structure</th><th>C11 (GPa)</th><th>C12 (GPa)</th><th>C13 (GPa)</th>"
                + "<th>C33 (GPa)</th><th>C44 (GPa)</th><th>C66 (GPa)</th></tr>\n");
        for (ReferenceEnergies.Entry e : data.unstableReferences()) {
            ElasticConstants c = e.elastic();
            b.append("<tr><td>").append(Svg.escape(e.element())).append("</td><td>").append(e.prototype().key())
                    .append("</td>");
            for (double v : new double[] {c.c11Gpa(), c.c12Gpa(), c.c13Gpa(), c.c33Gpa(), c.c44Gpa(), c.c66Gpa()}) {
                b.append("<td class=\"num\">").append(String.format(Locale.ROOT, "%.1f", v)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void composition(StringBuilder b, ReportData data) {
        String title = MetricLabels.withUnit(data.property());
        b.append("<h2 id=\"composition\">").append(Svg.escape(title)).append(" against composition</h2>\n");
        dataNotes(b, List.of(data.property()), data);
        List<String> binaries = CompositionCharts.systems(data, 2);
        List<String> ternaries = CompositionCharts.systems(data, 3);
        if (binaries.isEmpty() && ternaries.isEmpty()) {
            b.append("<p>No binary or ternary system has computed values of ")
                    .append(Svg.escape(MetricLabels.name(data.property())))
                    .append(".</p>\n");
            return;
        }
        if (!binaries.isEmpty()) {
            b.append("<h3>Binaries</h3>\n<div class=\"grid-charts\" id=\"binaries\">\n");
            binaries.stream().limit(CompositionCharts.MAX_CHARTS)
                    .forEach(s -> b.append(CompositionCharts.binary(data, s)));
            b.append("</div>\n");
            more(b, binaries.size(), "binary systems");
            if (!data.aggregates().isEmpty() && data.ensemble().isEmpty()) {
                b.append("<p class=\"muted\">Error bars: mean ± standard error over each composition's sampled"
                        + " orderings (aggregates/configurations/).</p>\n");
            }
        }
        if (!ternaries.isEmpty()) {
            b.append("<h3>Ternaries</h3>\n<div class=\"grid-charts\" id=\"ternaries\">\n");
            int n = 0;
            for (String s : ternaries) {
                for (String prototype : CompositionCharts.prototypes(data, s)) {
                    if (n++ < CompositionCharts.MAX_CHARTS) {
                        b.append(CompositionCharts.ternary(data, s, prototype));
                    }
                }
            }
            b.append("</div>\n");
            more(b, n, "ternary charts");
        }
    }

    /**
     * The year, scope and caveats of the data behind descriptor metrics (price year, Fe's ore-like price, the
     * footprints' year and scope), for the elements of the repository's records.
     */
    private static void dataNotes(StringBuilder b, List<String> metrics, ReportData data) {
        Set<String> elements = new TreeSet<>();
        data.points().forEach(p -> elements.addAll(List.of(p.chemicalSystem().split("-"))));
        data.compositions().forEach(p -> elements.addAll(p.elements()));
        for (String m : new LinkedHashSet<>(metrics)) {
            for (String note : MetricNotes.of(m, elements)) {
                b.append("<p class=\"muted data-note\">Note: ").append(Svg.escape(note)).append(".</p>\n");
            }
        }
    }

    private static void more(StringBuilder b, int count, String what) {
        if (count > CompositionCharts.MAX_CHARTS) {
            b.append("<p class=\"muted\">").append(CompositionCharts.MAX_CHARTS).append(" of ").append(count)
                    .append(' ').append(what).append(" shown (alphabetically first).</p>\n");
        }
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(Svg.escape(key)).append("</th><td>").append(Svg.escape(value))
                .append("</td></tr>\n");
    }
}
