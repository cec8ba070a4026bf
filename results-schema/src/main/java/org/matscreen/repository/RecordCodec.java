package org.matscreen.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.MessageType;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.properties.PropertyColumn;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.result.Provenance;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.sim.FitScope;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.StrainStress;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.SiteOrdering;
import org.matscreen.core.structure.Structure;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.repository.schema.RecordRow;
import org.matscreen.repository.schema.RowConversion;
import org.matscreen.repository.schema.RowWriteSupport;
import org.matscreen.repository.schema.SchemaMigrations;

/**
 * Converts a {@link CandidateResult} to a row of {@link RecordSchema} and back, losslessly: writing and reading a
 * record gives an equal record (tested), which is what lets the repository be the source of truth. Reading goes
 * through the {@link SchemaMigrations}, so a row of any older version reads as a current record (columns it did not
 * have are unknown).
 */
public final class RecordCodec {
    private final RowConversion rows = new RowConversion();

    public MessageType schema() {
        return RecordSchema.parquetSchema();
    }

    /** A Parquet writer's support for rows of the current schema ({@link #toRow}), {@code footer} in the file. */
    public RowWriteSupport writeSupport(Map<String, String> footer) {
        return rows.writeSupport(footer);
    }

    /** The record as a Parquet row of the current schema. */
    public Group encode(CandidateResult r) {
        return rows.toGroup(toRow(r));
    }

    /** A row of any schema version read back (migrated first). */
    public CandidateResult decode(Group g) {
        return fromRow(SchemaMigrations.toCurrent(RowConversion.toRow(g)));
    }

    /** The record as a row of the current schema, in column order. */
    public RecordRow toRow(CandidateResult r) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", r.id());
        v.put("schema_version", RecordSchema.VERSION);
        v.put("campaign", r.campaign());
        v.put("candidate_index", r.candidateIndex());
        v.put("sample", r.recipe().sample());
        v.put("group_id", r.groupId());
        v.put("configuration_id", r.configurationId());
        Composition c = r.composition();
        v.put("formula", c.formula());
        v.put("reduced_formula", r.cellComposition().reducedFormula());
        v.put("chemical_system", c.chemicalSystem());
        v.put("elements", c.symbols());
        v.put("nelements", c.size());
        v.put("element_fractions", list(c.fractions()));
        double[] counts = r.cellComposition().amounts();
        List<Integer> ic = new ArrayList<>();
        for (double x : counts) {
            ic.add((int) Math.round(x));
        }
        v.put("cell_counts", ic);
        StructureRecipe rc = r.recipe();
        v.put("prototype", rc.prototype().key());
        v.put("supercell", rc.supercell().key());
        v.put("ordering", rc.ordering().key());
        v.put("composition_tolerance", rc.compositionTolerance());
        v.put("sqs_shells", rc.sqsShells());
        v.put("sqs_sweeps", rc.sqsSweeps());
        v.put("start_lattice_parameter_angstrom", r.startingLatticeParameterAngstrom());
        v.put("nsites", rc.sites());
        if (r.warrenCowley() != null) {
            List<Double> flat = new ArrayList<>();
            for (double[][] shell : r.warrenCowley()) {
                for (double[] row : shell) {
                    for (double a : row) {
                        flat.add(a);
                    }
                }
            }
            v.put("warren_cowley", flat);
        }
        v.put("status", r.status().key());
        v.put("error", r.errorText());
        if (r.relaxed() != null) {
            v.put("lattice_vectors_angstrom", list(r.relaxed().lattice().rowMajor()));
            v.put("site_species", ints(r.relaxed().siteSpecies()));
            v.put("fractional_positions", list(r.relaxed().fractionalCoordinates()));
        }
        v.put("relax_mode", r.method().relax().mode().key());
        Relaxation rx = r.relaxation();
        if (rx != null) {
            v.put("relax_converged", rx.converged());
            v.put("relax_minimisations", rx.minimisations());
            v.put("relax_iterations", rx.iterations());
            v.put("relax_stop_reason", rx.stopReason());
            v.put("relax_early_stops", rx.earlyStops());
            v.put("relax_max_force_ev_per_angstrom", known(rx.maxForceEvPerA()));
            v.put("relax_max_pressure_bar", known(rx.maxPressureBar()));
            if (rx.stressGpa().length == 6) {
                v.put("relax_stress_gpa", list(rx.stressGpa()));
            }
        }
        if (r.properties() != null) {
            v.putAll(r.properties().values());
            v.put(PropertyRegistry.FLAGS.name(), r.properties().flags().stream().map(RecordFlag::key).toList());
        }
        r.descriptors().forEach((k, d) -> v.put(k, known(d)));
        if (r.eosVolumesA3PerAtom().length > 0) {
            v.put("eos_volumes_a3_per_atom", list(r.eosVolumesA3PerAtom()));
            v.put("eos_energies_ev_per_atom", list(r.eosEnergiesEvPerAtom()));
        }
        if (r.elastic() != null) {
            v.put("elastic_strain", r.elastic().strain());
            v.put("elastic_stress_plus_gpa", list(flatten(r.elastic().stressPlusGpa())));
            v.put("elastic_stress_minus_gpa", list(flatten(r.elastic().stressMinusGpa())));
        }
        MethodInfo m = r.method();
        PotentialSpec spec = m.potential();
        // a record without a concrete file (e.g. pulled from a server that does not say) keeps the columns empty
        PotentialRef p = r.potentialFile() != null ? r.potentialFile()
                : new PotentialRef("", "", "", spec.pairStyle(), List.of(), "");
        v.put("code", m.code());
        v.put("method_potential", spec.name());
        v.put("method_potential_key", spec.key());
        v.put("method_potential_elements", spec.elements());
        v.put("method_potential_citation", spec.citation());
        v.put("code_version", r.provenance().codeVersion());
        v.put("pair_style", spec.pairStyle());
        v.put("potential_name", p.name());
        v.put("potential_path", p.path());
        v.put("potential_sha256", p.sha256());
        v.put("potential_citation", p.citation());
        v.put("potential_elements", p.elements());
        FitScope fit = spec.fitScope();
        List<String> symbols = r.composition().symbols();
        v.put("method_potential_fit_scope", fit.key());
        v.put("potential_fit", fit.fitOf(symbols).key());
        v.put("potential_fitted_pairs", fit.fittedPairsOf(symbols));
        v.put("relax_settings", m.relax().key());
        v.put("property_settings", m.properties().key());
        Provenance pv = r.provenance();
        v.put("matscreen_version", pv.matscreenVersion());
        v.put("matscreen_commit", pv.matscreenCommit());
        v.put("host", pv.host());
        v.put("started_at", pv.startedAtEpochMs());
        v.put("finished_at", pv.finishedAtEpochMs());
        v.put("wall_seconds", pv.wallSeconds());
        v.put("native_seconds", pv.nativeSeconds());
        v.put("origin", pv.origin());
        Visibility vis = r.visibility();
        v.put("visibility", vis.level().key());
        if (vis.embargoUntil() != null) {
            v.put("embargo_until", vis.embargoUntil().toString());
        }
        v.put("owner", vis.owner());
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Column col : RecordSchema.columns()) {
            Object value = v.get(col.name());
            if (value != null) {
                ordered.put(col.name(), value);
            }
        }
        return RecordRow.of(ordered);
    }

    /** A row of the current schema as a record. */
    public CandidateResult fromRow(RecordRow g) {
        List<String> elements = strings(g, "elements");
        List<Double> fractions = doubles(g, "element_fractions");
        Map<String, Double> nominal = new LinkedHashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            nominal.put(elements.get(i), fractions.get(i));
        }
        int[] counts = intArray(g, "cell_counts");
        Composition cell = Composition.ofCounts(elements, counts);
        StructureRecipe recipe = new StructureRecipe(Prototype.parse(str(g, "prototype"), "record", "prototype"),
                parseSupercell(str(g, "supercell")), SiteOrdering.parse(str(g, "ordering"), "record", "ordering"),
                dbl(g, "composition_tolerance"), integer(g, "sqs_shells"), integer(g, "sqs_sweeps"),
                g.has("sample") ? integer(g, "sample") : 0);
        Structure relaxed = null;
        if (g.has("lattice_vectors_angstrom")) {
            relaxed = new Structure(Lattice.of(array(g, "lattice_vectors_angstrom")), elements,
                    intArray(g, "site_species"), array(g, "fractional_positions"));
        }
        Relaxation rx = null;
        if (g.has("relax_converged")) {
            rx = new Relaxation((Boolean) g.get("relax_converged"), integer(g, "relax_minimisations"),
                    integer(g, "relax_iterations"), str(g, "relax_stop_reason"), integer(g, "relax_early_stops"),
                    dbl(g, "relax_max_force_ev_per_angstrom"), dbl(g, "relax_max_pressure_bar"),
                    g.has("relax_stress_gpa") ? array(g, "relax_stress_gpa") : null);
        }
        Status status = Status.parse(str(g, "status"));
        CandidateProperties props = status == Status.OK ? properties(g) : null;
        Map<String, Double> descriptors = new HashMap<>();
        for (String key : Metrics.all().keySet()) {
            if (!Metrics.isPropertyMetric(key) && g.has(key)) {
                descriptors.put(key, dbl(g, key));
            }
        }
        StrainStress elastic = null;
        if (g.has("elastic_strain")) {
            elastic = new StrainStress(dbl(g, "elastic_strain"), unflatten(array(g, "elastic_stress_plus_gpa")),
                    unflatten(array(g, "elastic_stress_minus_gpa")));
        }
        PotentialRef p = str(g, "potential_path").isEmpty() ? null : new PotentialRef(str(g, "potential_name"),
                str(g, "potential_path"), str(g, "potential_sha256"), str(g, "pair_style"),
                strings(g, "potential_elements"), str(g, "potential_citation"));
        PotentialSpec spec = new PotentialSpec(str(g, "method_potential"), str(g, "method_potential_key"),
                str(g, "pair_style"), strings(g, "method_potential_elements"), str(g, "method_potential_citation"),
                g.has("method_potential_fit_scope") ? FitScope.parse(str(g, "method_potential_fit_scope"))
                        : FitScope.UNKNOWN);
        double[][][] wc = null;
        if (g.has("warren_cowley")) {
            int k = elements.size();
            double[] flat = array(g, "warren_cowley");
            wc = new double[flat.length / (k * k)][k][k];
            for (int i = 0; i < flat.length; i++) {
                wc[i / (k * k)][(i / k) % k][i % k] = flat[i];
            }
        }
        MethodInfo method = new MethodInfo(str(g, "code"), spec, relaxSettings(str(g, "relax_settings")),
                propertySettings(str(g, "property_settings")));
        Provenance pv = new Provenance(str(g, "matscreen_version"), str(g, "matscreen_commit"),
                str(g, "code_version"), str(g, "host"), ((Number) g.get("started_at")).longValue(),
                ((Number) g.get("finished_at")).longValue(), dbl(g, "wall_seconds"), dbl(g, "native_seconds"),
                g.has("origin") ? str(g, "origin") : Provenance.COMPUTED);
        Visibility.Level level = Visibility.Level.valueOf(str(g, "visibility").toUpperCase(java.util.Locale.ROOT));
        LocalDate until = g.has("embargo_until") ? LocalDate.parse(str(g, "embargo_until")) : null;
        Visibility vis = new Visibility(level, until, str(g, "owner"));
        return new CandidateResult(str(g, "id"), str(g, "campaign"), ((Number) g.get("candidate_index")).longValue(),
                Composition.of(nominal), cell, recipe, dbl(g, "start_lattice_parameter_angstrom"), status,
                str(g, "error"), relaxed, props, rx, g.has("eos_volumes_a3_per_atom")
                        ? array(g, "eos_volumes_a3_per_atom") : null,
                g.has("eos_energies_ev_per_atom") ? array(g, "eos_energies_ev_per_atom") : null, elastic,
                descriptors, wc, method, p, pv, vis, g.has("configuration_id") ? str(g, "configuration_id") : null);
    }

    /** The property columns and flags of a row; a flag key this version does not know is kept out. */
    private static CandidateProperties properties(RecordRow g) {
        CandidateProperties.Builder b = CandidateProperties.builder();
        for (PropertyColumn c : PropertyRegistry.columns()) {
            Object v = g.get(c.name());
            if (v != null) {
                b.put(c.name(), v instanceof Number n && c.kind() == PropertyColumn.Kind.DOUBLE ? n.doubleValue() : v);
            }
        }
        for (String key : strings(g, PropertyRegistry.FLAGS.name())) {
            RecordFlag f = RecordFlag.ofKey(key);
            if (f != null) {
                b.flag(f);
            }
        }
        return b.build();
    }

    static Supercell parseSupercell(String key) {
        String[] p = key.split("x");
        return new Supercell(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }

    /** Inverse of {@link RelaxSettings#key()}; a key without a mode is from before modes existed: free. */
    static RelaxSettings relaxSettings(String key) {
        Map<String, String> kv = keyValues(key);
        return new RelaxSettings(Double.parseDouble(kv.get("etol")), Double.parseDouble(kv.get("ftol")),
                Integer.parseInt(kv.get("maxiter")), Integer.parseInt(kv.get("maxeval")),
                Double.parseDouble(kv.get("ptol")), Double.parseDouble(kv.get("fmax")),
                Integer.parseInt(kv.get("restarts")),
                kv.containsKey("mode") ? RelaxMode.parse(kv.get("mode"), "record", "relax_settings") : RelaxMode.FREE);
    }

    /** Inverse of {@link PropertySettings#key()}. */
    static PropertySettings propertySettings(String key) {
        Map<String, String> kv = keyValues(key);
        String eos = kv.get("eos");
        String el = kv.get("elastic");
        boolean eosOn = !eos.equals("off");
        boolean elOn = !el.equals("off");
        int points = eosOn ? Integer.parseInt(eos.substring(0, eos.indexOf('@'))) : PropertySettings.DEFAULT.eosPoints();
        double strain = eosOn ? Double.parseDouble(eos.substring(eos.indexOf('@') + 1))
                : PropertySettings.DEFAULT.eosMaxVolumeStrain();
        return new PropertySettings(eosOn, points, strain, elOn,
                elOn ? Double.parseDouble(el) : PropertySettings.DEFAULT.elasticStrain());
    }

    private static Map<String, String> keyValues(String key) {
        Map<String, String> kv = new HashMap<>();
        for (String part : key.split(",")) {
            int i = part.indexOf('=');
            kv.put(part.substring(0, i), part.substring(i + 1));
        }
        return kv;
    }

    private static Double known(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(d);
        }
        return out;
    }

    private static List<Integer> ints(int[] v) {
        List<Integer> out = new ArrayList<>(v.length);
        for (int i : v) {
            out.add(i);
        }
        return out;
    }

    private static String str(RecordRow g, String field) {
        return (String) g.get(field);
    }

    private static int integer(RecordRow g, String field) {
        return ((Number) g.get(field)).intValue();
    }

    private static double dbl(RecordRow g, String field) {
        Object v = g.get(field);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(RecordRow g, String field) {
        Object v = g.get(field);
        return v == null ? List.of() : (List<String>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<Double> doubles(RecordRow g, String field) {
        Object v = g.get(field);
        return v == null ? List.of() : (List<Double>) v;
    }

    private static double[] array(RecordRow g, String field) {
        return doubles(g, field).stream().mapToDouble(Double::doubleValue).toArray();
    }

    @SuppressWarnings("unchecked")
    private static int[] intArray(RecordRow g, String field) {
        Object v = g.get(field);
        return v == null ? new int[0] : ((List<Number>) v).stream().mapToInt(Number::intValue).toArray();
    }

    private static double[] flatten(double[][] m) {
        double[] out = new double[36];
        for (int j = 0; j < 6; j++) {
            System.arraycopy(m[j], 0, out, 6 * j, 6);
        }
        return out;
    }

    private static double[][] unflatten(double[] v) {
        double[][] m = new double[6][6];
        for (int j = 0; j < 6; j++) {
            System.arraycopy(v, 6 * j, m[j], 0, 6);
        }
        return m;
    }
}
