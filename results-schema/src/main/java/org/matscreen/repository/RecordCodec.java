package org.matscreen.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.result.Provenance;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.sim.FitScope;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.sim.PropertySettings;
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

/**
 * Converts a {@link CandidateResult} to a Parquet row of {@link RecordSchema} and back, losslessly: writing and
 * reading a record gives an equal record (tested), which is what lets the repository be the source of truth.
 */
public final class RecordCodec {
    private final MessageType schema;
    private final SimpleGroupFactory factory;

    public RecordCodec() {
        this.schema = RecordSchema.parquetSchema();
        this.factory = new SimpleGroupFactory(schema);
    }

    public MessageType schema() {
        return schema;
    }

    public Group encode(CandidateResult r) {
        Group g = factory.newGroup();
        g.add("id", r.id());
        g.add("schema_version", RecordSchema.VERSION);
        g.add("campaign", r.campaign());
        g.add("candidate_index", r.candidateIndex());
        Composition c = r.composition();
        g.add("formula", c.formula());
        g.add("reduced_formula", r.cellComposition().reducedFormula());
        g.add("chemical_system", c.chemicalSystem());
        strings(g, "elements", c.symbols());
        g.add("nelements", c.size());
        doubles(g, "element_fractions", c.fractions());
        double[] counts = r.cellComposition().amounts();
        int[] ic = new int[counts.length];
        for (int i = 0; i < ic.length; i++) {
            ic[i] = (int) Math.round(counts[i]);
        }
        ints(g, "cell_counts", ic);
        StructureRecipe rc = r.recipe();
        g.add("prototype", rc.prototype().key());
        g.add("supercell", rc.supercell().key());
        g.add("ordering", rc.ordering().key());
        g.add("composition_tolerance", rc.compositionTolerance());
        g.add("sqs_shells", rc.sqsShells());
        g.add("sqs_sweeps", rc.sqsSweeps());
        g.add("start_lattice_parameter_angstrom", r.startingLatticeParameterAngstrom());
        g.add("nsites", rc.sites());
        if (r.warrenCowley() != null) {
            double[][][] wc = r.warrenCowley();
            double[] flat = new double[wc.length * wc[0].length * wc[0].length];
            int n = 0;
            for (double[][] shell : wc) {
                for (double[] row : shell) {
                    for (double a : row) {
                        flat[n++] = a;
                    }
                }
            }
            doubles(g, "sqs_warren_cowley", flat);
        }
        g.add("status", r.status().key());
        g.add("error", r.errorText());
        if (r.relaxed() != null) {
            doubles(g, "lattice_vectors_angstrom", r.relaxed().lattice().rowMajor());
            ints(g, "site_species", r.relaxed().siteSpecies());
            doubles(g, "fractional_positions", r.relaxed().fractionalCoordinates());
        }
        Relaxation rx = r.relaxation();
        if (rx != null) {
            g.add("relax_converged", rx.converged());
            g.add("relax_minimisations", rx.minimisations());
            g.add("relax_iterations", rx.iterations());
            g.add("relax_stop_reason", rx.stopReason());
            g.add("relax_early_stops", rx.earlyStops());
            optional(g, "relax_max_force_ev_per_angstrom", rx.maxForceEvPerA());
            optional(g, "relax_max_pressure_bar", rx.maxPressureBar());
        }
        for (String key : Metrics.all().keySet()) {
            optional(g, key, r.metric(key));
        }
        if (r.eosVolumesA3PerAtom().length > 0) {
            doubles(g, "eos_volumes_a3_per_atom", r.eosVolumesA3PerAtom());
            doubles(g, "eos_energies_ev_per_atom", r.eosEnergiesEvPerAtom());
        }
        if (r.elastic() != null) {
            g.add("elastic_strain", r.elastic().strain());
            doubles(g, "elastic_stress_plus_gpa", flatten(r.elastic().stressPlusGpa()));
            doubles(g, "elastic_stress_minus_gpa", flatten(r.elastic().stressMinusGpa()));
        }
        MethodInfo m = r.method();
        PotentialSpec spec = m.potential();
        // a record without a concrete file (e.g. pulled from a server that does not say) keeps the columns empty
        PotentialRef p = r.potentialFile() != null ? r.potentialFile()
                : new PotentialRef("", "", "", spec.pairStyle(), List.of(), "");
        g.add("code", m.code());
        g.add("method_potential", spec.name());
        g.add("method_potential_key", spec.key());
        strings(g, "method_potential_elements", spec.elements());
        g.add("method_potential_citation", spec.citation());
        g.add("code_version", r.provenance().codeVersion());
        g.add("pair_style", spec.pairStyle());
        g.add("potential_name", p.name());
        g.add("potential_path", p.path());
        g.add("potential_sha256", p.sha256());
        g.add("potential_citation", p.citation());
        strings(g, "potential_elements", p.elements());
        FitScope fit = spec.fitScope();
        List<String> symbols = r.composition().symbols();
        g.add("method_potential_fit_scope", fit.key());
        g.add("potential_fit", fit.fitOf(symbols).key());
        strings(g, "potential_fitted_pairs", fit.fittedPairsOf(symbols));
        g.add("relax_settings", m.relax().key());
        g.add("property_settings", m.properties().key());
        Provenance pv = r.provenance();
        g.add("matscreen_version", pv.matscreenVersion());
        g.add("matscreen_commit", pv.matscreenCommit());
        g.add("host", pv.host());
        g.add("started_at", pv.startedAtEpochMs());
        g.add("finished_at", pv.finishedAtEpochMs());
        g.add("wall_seconds", pv.wallSeconds());
        g.add("native_seconds", pv.nativeSeconds());
        g.add("origin", pv.origin());
        Visibility v = r.visibility();
        g.add("visibility", v.level().key());
        if (v.embargoUntil() != null) {
            g.add("embargo_until", v.embargoUntil().toString());
        }
        g.add("owner", v.owner());
        return g;
    }

    /** Reads a row back; columns absent from an older file read as unknown. */
    public CandidateResult decode(Group g) {
        GroupType t = g.getType();
        List<String> elements = readStrings(g, "elements");
        double[] fractions = readDoubles(g, "element_fractions");
        Map<String, Double> nominal = new LinkedHashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            nominal.put(elements.get(i), fractions[i]);
        }
        int[] counts = readInts(g, "cell_counts");
        Composition cell = Composition.ofCounts(elements, counts);
        StructureRecipe recipe = new StructureRecipe(Prototype.parse(str(g, "prototype"), "record", "prototype"),
                parseSupercell(str(g, "supercell")), SiteOrdering.parse(str(g, "ordering"), "record", "ordering"),
                g.getDouble("composition_tolerance", 0), g.getInteger("sqs_shells", 0),
                g.getInteger("sqs_sweeps", 0));
        Structure relaxed = null;
        if (has(g, "lattice_vectors_angstrom")) {
            relaxed = new Structure(Lattice.of(readDoubles(g, "lattice_vectors_angstrom")), elements,
                    readInts(g, "site_species"), readDoubles(g, "fractional_positions"));
        }
        Relaxation rx = null;
        if (has(g, "relax_converged")) {
            rx = new Relaxation(g.getBoolean("relax_converged", 0), g.getInteger("relax_minimisations", 0),
                    g.getInteger("relax_iterations", 0), str(g, "relax_stop_reason"),
                    g.getInteger("relax_early_stops", 0), dbl(g, "relax_max_force_ev_per_angstrom"),
                    dbl(g, "relax_max_pressure_bar"));
        }
        Status status = Status.parse(str(g, "status"));
        CandidateProperties props = status == Status.OK ? new CandidateProperties(dbl(g, "energy_per_atom_ev"),
                dbl(g, "volume_per_atom_a3"), dbl(g, "lattice_a_angstrom"), dbl(g, "lattice_b_angstrom"),
                dbl(g, "lattice_c_angstrom"), dbl(g, "lattice_parameter_angstrom"), dbl(g, "dh_mix_ev_per_atom"),
                dbl(g, "dh_form_ev_per_atom"), dbl(g, "density_g_per_cm3"), dbl(g, "bulk_modulus_gpa"),
                dbl(g, "bulk_modulus_prime"), dbl(g, "eos_rms_residual_ev_per_atom"), dbl(g, "c11_gpa"),
                dbl(g, "c12_gpa"), dbl(g, "c44_gpa"), dbl(g, "cubic_deviation_gpa"), dbl(g, "shear_modulus_gpa"),
                dbl(g, "pugh_ratio")) : null;
        Map<String, Double> descriptors = new HashMap<>();
        for (String key : Metrics.all().keySet()) {
            if (!Metrics.isPropertyMetric(key) && t.containsField(key) && has(g, key)) {
                descriptors.put(key, g.getDouble(key, 0));
            }
        }
        StrainStress elastic = null;
        if (has(g, "elastic_strain")) {
            elastic = new StrainStress(g.getDouble("elastic_strain", 0),
                    unflatten(readDoubles(g, "elastic_stress_plus_gpa")),
                    unflatten(readDoubles(g, "elastic_stress_minus_gpa")));
        }
        PotentialRef p = str(g, "potential_path").isEmpty() ? null : new PotentialRef(str(g, "potential_name"),
                str(g, "potential_path"), str(g, "potential_sha256"), str(g, "pair_style"),
                readStrings(g, "potential_elements"), str(g, "potential_citation"));
        PotentialSpec spec = new PotentialSpec(str(g, "method_potential"), str(g, "method_potential_key"),
                str(g, "pair_style"), readStrings(g, "method_potential_elements"),
                str(g, "method_potential_citation"), has(g, "method_potential_fit_scope") ? FitScope.parse(str(g, "method_potential_fit_scope"))
                        : FitScope.UNKNOWN);
        double[][][] wc = null;
        if (has(g, "sqs_warren_cowley")) {
            int k = elements.size();
            double[] flat = readDoubles(g, "sqs_warren_cowley");
            wc = new double[flat.length / (k * k)][k][k];
            for (int i = 0; i < flat.length; i++) {
                wc[i / (k * k)][(i / k) % k][i % k] = flat[i];
            }
        }
        MethodInfo method = new MethodInfo(str(g, "code"), spec, relaxSettings(str(g, "relax_settings")),
                propertySettings(str(g, "property_settings")));
        Provenance pv = new Provenance(str(g, "matscreen_version"), str(g, "matscreen_commit"),
                str(g, "code_version"), str(g, "host"), g.getLong("started_at", 0), g.getLong("finished_at", 0),
                g.getDouble("wall_seconds", 0), g.getDouble("native_seconds", 0),
                has(g, "origin") ? str(g, "origin") : Provenance.COMPUTED);
        Visibility.Level level = Visibility.Level.valueOf(str(g, "visibility").toUpperCase(java.util.Locale.ROOT));
        LocalDate until = has(g, "embargo_until") ? LocalDate.parse(str(g, "embargo_until")) : null;
        Visibility vis = new Visibility(level, until, str(g, "owner"));
        return new CandidateResult(str(g, "id"), str(g, "campaign"), g.getLong("candidate_index", 0),
                Composition.of(nominal), cell, recipe, g.getDouble("start_lattice_parameter_angstrom", 0), status,
                str(g, "error"), relaxed, props, rx, has(g, "eos_volumes_a3_per_atom")
                        ? readDoubles(g, "eos_volumes_a3_per_atom") : null,
                has(g, "eos_energies_ev_per_atom") ? readDoubles(g, "eos_energies_ev_per_atom") : null, elastic,
                descriptors, wc, method, p, pv, vis);
    }

    static Supercell parseSupercell(String key) {
        String[] p = key.split("x");
        return new Supercell(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }

    /** Inverse of {@link RelaxSettings#key()}. */
    static RelaxSettings relaxSettings(String key) {
        Map<String, String> kv = keyValues(key);
        return new RelaxSettings(Double.parseDouble(kv.get("etol")), Double.parseDouble(kv.get("ftol")),
                Integer.parseInt(kv.get("maxiter")), Integer.parseInt(kv.get("maxeval")),
                Double.parseDouble(kv.get("ptol")), Double.parseDouble(kv.get("fmax")),
                Integer.parseInt(kv.get("restarts")));
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

    private static boolean has(Group g, String field) {
        return g.getType().containsField(field) && g.getFieldRepetitionCount(field) > 0;
    }

    private static String str(Group g, String field) {
        return g.getString(field, 0);
    }

    private static double dbl(Group g, String field) {
        return has(g, field) ? g.getDouble(field, 0) : Double.NaN;
    }

    private static void optional(Group g, String field, double v) {
        if (!Double.isNaN(v)) {
            g.add(field, v);
        }
    }

    private static void strings(Group g, String field, List<String> values) {
        Group list = g.addGroup(field);
        for (String v : values) {
            list.addGroup("list").add("element", v);
        }
    }

    private static void doubles(Group g, String field, double[] values) {
        Group list = g.addGroup(field);
        for (double v : values) {
            list.addGroup("list").add("element", v);
        }
    }

    private static void ints(Group g, String field, int[] values) {
        Group list = g.addGroup(field);
        for (int v : values) {
            list.addGroup("list").add("element", v);
        }
    }

    static List<String> readStrings(Group g, String field) {
        List<String> out = new ArrayList<>();
        if (has(g, field)) {
            Group list = g.getGroup(field, 0);
            int n = list.getFieldRepetitionCount("list");
            for (int i = 0; i < n; i++) {
                out.add(list.getGroup("list", i).getString("element", 0));
            }
        }
        return out;
    }

    static double[] readDoubles(Group g, String field) {
        if (!has(g, field)) {
            return new double[0];
        }
        Group list = g.getGroup(field, 0);
        int n = list.getFieldRepetitionCount("list");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = list.getGroup("list", i).getDouble("element", 0);
        }
        return out;
    }

    static int[] readInts(Group g, String field) {
        if (!has(g, field)) {
            return new int[0];
        }
        Group list = g.getGroup(field, 0);
        int n = list.getFieldRepetitionCount("list");
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = list.getGroup("list", i).getInteger("element", 0);
        }
        return out;
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
