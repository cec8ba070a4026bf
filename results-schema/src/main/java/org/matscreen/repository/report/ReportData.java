package org.matscreen.repository.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.ScreeningSpec;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.properties.ReferenceEnergies;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.result.AggregateAxis;
import org.matscreen.core.screening.Metric;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.sim.Status;
import org.matscreen.repository.AggregateStore;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.ReferenceStore;
import org.matscreen.repository.query.RecordStore;
import org.matscreen.repository.schema.RecordRow;

/**
 * What the report shows, gathered in one streaming pass over the repository that reads only the columns the plots
 * need: statuses, flags, the campaign's objectives for every computed record, one property against composition for
 * the binaries and ternaries, the per-composition aggregates (error bars) when the campaign sampled orderings, and
 * the mechanically unstable pure-element references.
 *
 * @param objectives from the campaign text in the manifest; empty if there is none (then {@code objectivesNote} says
 *     why)
 * @param points every OK record whose objective values are all known
 * @param property the metric plotted against composition, with {@code propertyUnit}
 * @param compositions every OK record with a known property value and one to three elements
 * @param potentialFit OK records by how the potential's fit covers their composition ({@code potential_fit}:
 *     fitted, partial, mixing_rule, unknown; {@code not recorded} for rows written before the column existed)
 * @param flagCounts OK records per flag key
 * @param unstableReferences pure-element references that violate the Born criteria
 * @param aggregates per-composition means and standard errors of the property (empty without sampling)
 */
public record ReportData(String campaign, Optional<Manifest> manifest, Map<String, Long> statusCounts,
        List<Objective> objectives, String objectivesNote, List<ObjectivePoint> points, String property,
        String propertyUnit, List<CompositionPoint> compositions, Map<String, Long> potentialFit,
        Map<String, Long> flagCounts, List<ReferenceEnergies.Entry> unstableReferences,
        List<AggregatePoint> aggregates) {

    /**
     * One record in objective space, with its values in the objectives' order (as stored, not as costs).
     *
     * @param flags the record's flag keys
     * @param ranked false when the campaign's ranking leaves the record out for its flags
     */
    public record ObjectivePoint(String id, String formula, String chemicalSystem, String prototype,
            double[] values, List<String> flags, boolean ranked) {}

    /** One record's composition, property value and flag keys. */
    public record CompositionPoint(String chemicalSystem, String prototype, List<String> elements,
            double[] fractions, double value, String formula, List<String> flags) {}

    /** One composition's mean and standard error of the property over its sampled orderings. */
    public record AggregatePoint(String chemicalSystem, String prototype, List<String> elements, double[] fractions,
            double mean, double sem, int n, String formula) {}

    /**
     * Reads what the report needs from {@code store}.
     *
     * @param property metric to plot against composition; {@code null} for the first objective's, or the mixing
     *     enthalpy when the campaign has no objectives
     */
    public static ReportData collect(RecordStore store, String property) {
        Optional<Manifest> manifest = store.manifest();
        List<Objective> objectives = List.of();
        // Without the campaign's own screening, rank as a campaign that admits no flag would.
        ScreeningSpec gate = new ScreeningSpec(List.of(), List.of(new Objective("dh_mix_ev_per_atom", false)), 1);
        String note = "";
        if (manifest.isEmpty()) {
            note = "the repository has no manifest.json, so the campaign's objectives are unknown";
        } else {
            try {
                ScreeningSpec spec = CampaignLoader.parse(manifest.get().campaignYaml(), "manifest.json campaignYaml")
                        .screening();
                objectives = spec.objectives();
                gate = spec;
                if (objectives.isEmpty()) {
                    note = "the campaign names no objectives";
                }
            } catch (MatscreenException e) {
                note = "the campaign text in manifest.json cannot be read: " + e.getMessage();
            }
        }
        String prop = property != null ? Metrics.require(property, "--property", "").key()
                : objectives.isEmpty() ? "dh_mix_ev_per_atom" : objectives.get(0).metric();
        Metric metric = Metrics.all().get(prop);

        Set<String> columns = new LinkedHashSet<>(List.of("id", "status", "formula", "reduced_formula",
                "chemical_system", "elements", "element_fractions", "prototype", "potential_fit", "flags", prop));
        objectives.forEach(o -> columns.add(o.metric()));
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, Long> flagCounts = new TreeMap<>();
        List<ObjectivePoint> points = new ArrayList<>();
        List<CompositionPoint> compositions = new ArrayList<>();
        Map<String, Long> fit = new TreeMap<>();
        List<Objective> objs = objectives;
        ScreeningSpec screening = gate;
        store.scan("", columns, row -> {
            String status = (String) row.get("status");
            statuses.merge(status, 1L, Long::sum);
            if (!Status.OK.key().equals(status)) {
                return;
            }
            fit.merge(row.get("potential_fit") instanceof String f ? f : "not recorded", 1L, Long::sum);
            List<String> flags = strings(row, "flags");
            flags.forEach(f -> flagCounts.merge(f, 1L, Long::sum));
            double[] values = new double[objs.size()];
            boolean known = !objs.isEmpty();
            for (int k = 0; k < values.length; k++) {
                values[k] = number(row, objs.get(k).metric());
                known &= !Double.isNaN(values[k]);
            }
            if (known) {
                points.add(new ObjectivePoint((String) row.get("id"), (String) row.get("reduced_formula"),
                        (String) row.get("chemical_system"), (String) row.get("prototype"), values, flags,
                        !screening.excludes(parse(flags))));
            }
            double v = number(row, prop);
            List<String> elements = strings(row, "elements");
            if (!Double.isNaN(v) && elements.size() <= 3) {
                compositions.add(new CompositionPoint((String) row.get("chemical_system"),
                        (String) row.get("prototype"), elements, fractions(row), v,
                        (String) row.get("reduced_formula"), flags));
            }
        });
        List<ReferenceEnergies.Entry> unstable = new ArrayList<>();
        for (ReferenceEnergies r : new ReferenceStore(store.layout()).all()) {
            for (ReferenceEnergies.Entry e : r.unstable()) {
                if (unstable.stream().noneMatch(u -> u.element().equals(e.element())
                        && u.prototype() == e.prototype())) {
                    unstable.add(e);
                }
            }
        }
        List<AggregatePoint> aggregates = new ArrayList<>();
        new AggregateStore(store.layout(), AggregateAxis.CONFIGURATIONS).forEach(row -> {
            double[] s = AggregateStore.statistics(row, prop);
            List<String> elements = strings(row, "elements");
            if (!Double.isNaN(s[0]) && elements.size() <= 3) {
                aggregates.add(new AggregatePoint((String) row.get("chemical_system"), (String) row.get("prototype"),
                        elements, fractions(row), s[0], s[2], (int) s[3], (String) row.get("cell_formula")));
            }
        });
        String campaign = manifest.map(Manifest::campaign).orElse(store.layout().root().getName());
        return new ReportData(campaign, manifest, statuses, objectives, note, points, prop, metric.unit(),
                compositions, fit, flagCounts, unstable, aggregates);
    }

    /** The points the ranking keeps (not left out for their flags). */
    public List<ObjectivePoint> rankedPoints() {
        return points.stream().filter(ObjectivePoint::ranked).toList();
    }

    private static Set<RecordFlag> parse(List<String> keys) {
        Set<RecordFlag> flags = EnumSet.noneOf(RecordFlag.class);
        for (String k : keys) {
            RecordFlag f = RecordFlag.ofKey(k);
            if (f != null) {
                flags.add(f);
            }
        }
        return flags;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(RecordRow row, String column) {
        Object v = row.get(column);
        return v == null ? List.of() : (List<String>) v;
    }

    @SuppressWarnings("unchecked")
    private static double[] fractions(RecordRow row) {
        return ((List<Double>) row.get("element_fractions")).stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double number(RecordRow row, String column) {
        Object v = row.get(column);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
