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
 * the binaries and ternaries, the per-composition aggregates (error bars) when the campaign sampled orderings, the
 * property's spread across the members when it named an ensemble of potentials, and the mechanically unstable
 * pure-element references.
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
 * @param ensemble the property's spread across an ensemble of potentials ({@link EnsembleData#NONE} for one
 *     potential)
 */
public record ReportData(String campaign, Optional<Manifest> manifest, Map<String, Long> statusCounts,
        List<Objective> objectives, String objectivesNote, List<ObjectivePoint> points, String property,
        String propertyUnit, List<CompositionPoint> compositions, Map<String, Long> potentialFit,
        Map<String, Long> flagCounts, List<ReferenceEnergies.Entry> unstableReferences,
        List<AggregatePoint> aggregates, EnsembleData ensemble) {

    public ReportData {
        ensemble = ensemble == null ? EnsembleData.NONE : ensemble;
    }

    /** Report data of a campaign with one potential. */
    public ReportData(String campaign, Optional<Manifest> manifest, Map<String, Long> statusCounts,
            List<Objective> objectives, String objectivesNote, List<ObjectivePoint> points, String property,
            String propertyUnit, List<CompositionPoint> compositions, Map<String, Long> potentialFit,
            Map<String, Long> flagCounts, List<ReferenceEnergies.Entry> unstableReferences,
            List<AggregatePoint> aggregates) {
        this(campaign, manifest, statusCounts, objectives, objectivesNote, points, property, propertyUnit,
                compositions, potentialFit, flagCounts, unstableReferences, aggregates, EnsembleData.NONE);
    }

    /**
     * The property across the members of an ensemble of potentials, from the potentials aggregates table.
     *
     * @param members the members in campaign order, with their citations
     * @param spreads one per composition (prototype, recipe) whose members have values of the property
     */
    public record EnsembleData(List<Member> members, List<SpreadPoint> spreads) {
        public static final EnsembleData NONE = new EnsembleData(List.of(), List.of());

        public EnsembleData {
            members = List.copyOf(members);
            spreads = List.copyOf(spreads);
        }

        public boolean isEmpty() {
            return members.isEmpty();
        }
    }

    /** A member of an ensemble: its name as the campaign gives it and its citation ("" when not recorded). */
    public record Member(String name, String citation) {
        /** A short label for legends: a KIM model's authors and year, else the name. */
        public String label() {
            return label(name);
        }

        /** {@code kim:EAM_Dynamo_BonnyCastinTerentyev_2013_FeNiCr__MO_763197941039_000} → {@code BonnyCastinTerentyev 2013}. */
        public static String label(String name) {
            if (!name.startsWith("kim:")) {
                return name;
            }
            String id = name.substring(4);
            int mo = id.indexOf("__");
            String[] parts = (mo > 0 ? id.substring(0, mo) : id).split("_");
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].matches("(19|20)\\d\\d")) {
                    return parts[i - 1] + " " + parts[i];
                }
            }
            return id;
        }
    }

    /**
     * One composition's property across the members.
     *
     * @param memberValues each member's value (its mean over the orderings), aligned with the members; NaN where none
     * @param configurationStd the spread over orderings pooled within the members (NaN without sampling)
     */
    public record SpreadPoint(String formula, String chemicalSystem, String prototype, double mean, double std,
            double min, double max, double configurationStd, double[] memberValues) {}

    /**
     * One record in objective space, with its values in the objectives' order (as stored, not as costs).
     *
     * @param flags the record's flag keys
     * @param ranked false when the campaign's ranking leaves the record out for its flags
     * @param group the id of sample 0 of the record's composition (its own id without sampling)
     */
    public record ObjectivePoint(String id, String formula, String chemicalSystem, String prototype,
            double[] values, List<String> flags, boolean ranked, String group) {

        /** A point that is its own group (one ordering per composition). */
        public ObjectivePoint(String id, String formula, String chemicalSystem, String prototype, double[] values,
                List<String> flags, boolean ranked) {
            this(id, formula, chemicalSystem, prototype, values, flags, ranked, id);
        }
    }

    /** One record's composition, property value, flag keys and the potential that computed it. */
    public record CompositionPoint(String chemicalSystem, String prototype, List<String> elements,
            double[] fractions, double value, String formula, List<String> flags, String potential) {

        /** A point whose potential is not recorded. */
        public CompositionPoint(String chemicalSystem, String prototype, List<String> elements, double[] fractions,
                double value, String formula, List<String> flags) {
            this(chemicalSystem, prototype, elements, fractions, value, formula, flags, "");
        }
    }

    /**
     * The series a composition point is drawn in: its prototype, and with an ensemble of potentials also its member
     * (members computed the same compositions, so mixing them in one series would mix the potentials' values).
     */
    public String seriesOf(CompositionPoint p) {
        return ensemble.isEmpty() || p.potential().isEmpty() ? p.prototype()
                : p.prototype() + " · " + Member.label(p.potential());
    }

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
                "chemical_system", "elements", "element_fractions", "prototype", "potential_fit", "flags", "group_id",
                prop, "method_potential", "method_potential_citation"));
        objectives.forEach(o -> columns.add(o.metric()));
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, Long> flagCounts = new TreeMap<>();
        List<ObjectivePoint> points = new ArrayList<>();
        List<CompositionPoint> compositions = new ArrayList<>();
        Map<String, Long> fit = new TreeMap<>();
        List<Objective> objs = objectives;
        ScreeningSpec screening = gate;
        Map<String, String> citations = new TreeMap<>();
        store.scan("", columns, row -> {
            if (row.get("method_potential") instanceof String name && !citations.containsKey(name)) {
                citations.put(name, row.get("method_potential_citation") instanceof String c ? c : "");
            }
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
                        !screening.excludes(parse(flags)), row.get("group_id") instanceof String g ? g
                                : (String) row.get("id")));
            }
            double v = number(row, prop);
            List<String> elements = strings(row, "elements");
            if (!Double.isNaN(v) && elements.size() <= 3) {
                compositions.add(new CompositionPoint((String) row.get("chemical_system"),
                        (String) row.get("prototype"), elements, fractions(row), v,
                        (String) row.get("reduced_formula"), flags,
                        row.get("method_potential") instanceof String m ? m : ""));
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
                compositions, fit, flagCounts, unstable, aggregates, ensemble(store, prop, citations));
    }

    /** The potentials aggregates table's view of the property, with the members named; none without the table. */
    @SuppressWarnings("unchecked")
    private static EnsembleData ensemble(RecordStore store, String prop, Map<String, String> citations) {
        List<String> names = new ArrayList<>();
        List<SpreadPoint> spreads = new ArrayList<>();
        new AggregateStore(store.layout(), AggregateAxis.POTENTIALS).forEach(row -> {
            if (names.isEmpty()) {
                names.addAll((List<String>) row.get("potentials"));
            }
            double[] s = AggregateStore.spread(row, prop);
            double[] members = AggregateStore.memberValues(row, prop);
            if (!Double.isNaN(s[0]) && members.length > 0) {
                spreads.add(new SpreadPoint((String) row.get("cell_formula"), (String) row.get("chemical_system"),
                        (String) row.get("prototype"), s[0], s[1], s[2], s[3], s[5], members));
            }
        });
        if (names.isEmpty()) {
            return EnsembleData.NONE;
        }
        return new EnsembleData(names.stream().map(n -> new Member(n, citations.getOrDefault(n, ""))).toList(),
                spreads);
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
