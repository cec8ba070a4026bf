package org.matscreen.repository.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.screening.Metric;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.sim.Status;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.query.RecordStore;
import org.matscreen.repository.schema.RecordRow;

/**
 * What the report shows, gathered in one streaming pass over the repository that reads only the columns the plots
 * need: statuses, the campaign's objectives for every computed record, and one property against composition for the
 * binaries and ternaries.
 *
 * @param objectives from the campaign text in the manifest; empty if there is none (then {@code objectivesNote} says
 *     why)
 * @param points every OK record whose objective values are all known
 * @param property the metric plotted against composition, with {@code propertyUnit}
 * @param compositions every OK record with a known property value and one to three elements
 * @param potentialFit OK records by how the potential's fit covers their composition ({@code potential_fit}:
 *     fitted, partial, mixing_rule, unknown; {@code not recorded} for rows written before the column existed)
 */
public record ReportData(String campaign, Optional<Manifest> manifest, Map<String, Long> statusCounts,
        List<Objective> objectives, String objectivesNote, List<ObjectivePoint> points, String property,
        String propertyUnit, List<CompositionPoint> compositions, Map<String, Long> potentialFit) {

    /** One record in objective space, with its values in the objectives' order (as stored, not as costs). */
    public record ObjectivePoint(String id, String formula, String chemicalSystem, String prototype,
            double[] values) {}

    /** One record's composition and property value. */
    public record CompositionPoint(String chemicalSystem, String prototype, List<String> elements,
            double[] fractions, double value, String formula) {}

    /**
     * Reads what the report needs from {@code store}.
     *
     * @param property metric to plot against composition; {@code null} for the first objective's, or the mixing
     *     enthalpy when the campaign has no objectives
     */
    public static ReportData collect(RecordStore store, String property) {
        Optional<Manifest> manifest = store.manifest();
        List<Objective> objectives = List.of();
        String note = "";
        if (manifest.isEmpty()) {
            note = "the repository has no manifest.json, so the campaign's objectives are unknown";
        } else {
            try {
                objectives = CampaignLoader.parse(manifest.get().campaignYaml(), "manifest.json campaignYaml")
                        .screening().objectives();
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

        Set<String> columns = new LinkedHashSet<>(List.of("id", "status", "formula", "chemical_system", "elements",
                "element_fractions", "prototype", "potential_fit", prop));
        objectives.forEach(o -> columns.add(o.metric()));
        Map<String, Long> statuses = new TreeMap<>();
        List<ObjectivePoint> points = new ArrayList<>();
        List<CompositionPoint> compositions = new ArrayList<>();
        Map<String, Long> fit = new TreeMap<>();
        List<Objective> objs = objectives;
        store.scan("", columns, row -> {
            String status = (String) row.get("status");
            statuses.merge(status, 1L, Long::sum);
            if (!Status.OK.key().equals(status)) {
                return;
            }
            fit.merge(row.get("potential_fit") instanceof String f ? f : "not recorded", 1L, Long::sum);
            double[] values = new double[objs.size()];
            boolean known = !objs.isEmpty();
            for (int k = 0; k < values.length; k++) {
                values[k] = number(row, objs.get(k).metric());
                known &= !Double.isNaN(values[k]);
            }
            if (known) {
                points.add(new ObjectivePoint((String) row.get("id"), (String) row.get("formula"),
                        (String) row.get("chemical_system"), (String) row.get("prototype"), values));
            }
            double v = number(row, prop);
            @SuppressWarnings("unchecked")
            List<String> elements = (List<String>) row.get("elements");
            if (!Double.isNaN(v) && elements.size() <= 3) {
                @SuppressWarnings("unchecked")
                List<Double> f = (List<Double>) row.get("element_fractions");
                compositions.add(new CompositionPoint((String) row.get("chemical_system"),
                        (String) row.get("prototype"), elements, f.stream().mapToDouble(Double::doubleValue).toArray(),
                        v, (String) row.get("formula")));
            }
        });
        String campaign = manifest.map(Manifest::campaign).orElse(store.layout().root().getName());
        return new ReportData(campaign, manifest, statuses, objectives, note, points, prop, metric.unit(),
                compositions, fit);
    }

    private static double number(RecordRow row, String column) {
        Object v = row.get(column);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
