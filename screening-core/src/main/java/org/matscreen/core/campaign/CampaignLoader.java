package org.matscreen.core.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.element.PeriodicTable;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.space.ChemicalSpace;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.SiteOrdering;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.yaml.YamlReader;

/**
 * Reads a campaign YAML file into a validated {@link CampaignSpec}. Everything that can be checked without the
 * simulation code is checked here, and every problem is reported as an {@link InvalidInputException} naming the
 * file, the field (dotted path) and the reason. Unknown keys are errors, so a typo never silently falls back to a
 * default. Checks that need the potential registry (coverage of the elements) live in the native bridge.
 */
public final class CampaignLoader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MAX_GRID_DENOMINATOR = 1000;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern XC = Pattern.compile("[A-Za-z][A-Za-z0-9_+-]{0,31}");
    private static final Pattern TIER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private CampaignLoader() {}

    public static CampaignSpec load(Path file) {
        return parse(YamlReader.readText(file), file.toString());
    }

    /**
     * Parses campaign YAML text; {@code source} names it in errors. The YAML layer ({@link YamlReader}) caps the
     * size, refuses duplicate keys and alias bombs, and reports syntax errors in one line.
     */
    public static CampaignSpec parse(String yaml, String source) {
        JsonNode root = YamlReader.parse(yaml, source).tree();
        Node top = new Node(root, source, "");
        if (top.isMissing() || !top.isObject()) {
            throw new InvalidInputException(source, "", "a campaign file must be a YAML mapping with at least "
                    + "'name', 'space', 'structure' and 'method'");
        }
        top.allowOnly(Set.of("schema", "name", "description", "space", "structure", "method", "screening",
                "execution", "visibility", "tiers"));
        String schema = top.get("schema").text("matscreen-campaign/1");
        if (!schema.equals("matscreen-campaign/1")) {
            throw top.get("schema").error("unsupported campaign schema '" + schema + "' (this matscreen reads "
                    + "matscreen-campaign/1)");
        }
        String name = top.get("name").requireText();
        if (!NAME.matcher(name).matches()) {
            throw top.get("name").error("must be 1-100 characters of letters, digits, '.', '_' or '-' and start with"
                    + " a letter or digit (it names the results folder)");
        }
        String description = top.get("description").text("");
        ChemicalSpace space = space(top.get("space"));
        StructureSpec structure = structure(top.get("structure"), space);
        MethodSpec method = method(top.get("method"));
        ScreeningSpec screening = screening(top.get("screening"), space, structure, method);
        ExecutionSpec execution = execution(top.get("execution"));
        Visibility visibility = visibility(top.get("visibility"));
        List<TierSpec> tiers = tiers(top.get("tiers"), method);
        CampaignSpec spec = new CampaignSpec(name, description, space, structure, method, screening, execution,
                visibility, source, tiers);
        CampaignChecks.checkRepresentable(spec);
        CampaignChecks.checkMetricsComputed(spec);
        return spec;
    }

    private static ChemicalSpace space(Node n) {
        n.requireObject();
        n.allowOnly(Set.of("elements", "orders", "order", "step", "min_fraction", "max_fraction", "base",
                "equiatomic_only", "compositions"));
        List<Composition> explicit = new ArrayList<>();
        for (Node c : n.get("compositions").list()) {
            try {
                explicit.add(Composition.parse(c.requireText()));
            } catch (InvalidInputException e) {
                throw c.error(e.reason());
            }
        }
        List<String> elements = symbols(n.get("elements"));
        if (elements.isEmpty() && explicit.isEmpty()) {
            throw n.get("elements").error("is required (or give an explicit 'compositions' list)");
        }
        if (!explicit.isEmpty()) {
            Set<String> inList = new LinkedHashSet<>();
            explicit.forEach(c -> inList.addAll(c.symbols()));
            if (!elements.isEmpty() && !elements.containsAll(inList)) {
                Set<String> extra = new LinkedHashSet<>(inList);
                extra.removeAll(elements);
                throw n.get("compositions").error("uses elements not listed in space.elements: " + extra);
            }
            for (String k : List.of("orders", "order", "step", "min_fraction", "max_fraction", "base",
                    "equiatomic_only")) {
                if (!n.get(k).isMissing()) {
                    throw n.get(k).error("cannot be combined with an explicit 'compositions' list");
                }
            }
            return new ChemicalSpace(List.copyOf(inList), List.of(), 0, Map.of(), Map.of(), List.of(), false,
                    explicit);
        }
        List<Integer> orders = new ArrayList<>();
        Node ordersNode = !n.get("orders").isMissing() ? n.get("orders") : n.get("order");
        if (!n.get("orders").isMissing() && !n.get("order").isMissing()) {
            throw n.get("order").error("give either 'order' or 'orders', not both");
        }
        for (Node o : ordersNode.list()) {
            int order = o.integer(0, 1, elements.size());
            if (orders.contains(order)) {
                throw o.error("order " + order + " is listed twice");
            }
            orders.add(order);
        }
        if (orders.isEmpty()) {
            orders.add(elements.size());
        }
        orders.sort(null);
        List<String> base = symbols(n.get("base"));
        for (int i = 0; i < base.size(); i++) {
            if (!elements.contains(base.get(i))) {
                throw n.get("base").list().get(i).error("base element " + base.get(i) + " is not in space.elements");
            }
        }
        if (orders.get(orders.size() - 1) < base.size()) {
            throw n.get("base").error("has " + base.size() + " elements, more than the largest order "
                    + orders.get(orders.size() - 1));
        }
        boolean equiatomic = n.get("equiatomic_only").bool(false);
        int denominator = 1;
        Node step = n.get("step");
        if (!equiatomic || !step.isMissing()) {
            double s = step.number(Double.NaN);
            if (Double.isNaN(s)) {
                if (orders.equals(List.of(1))) {
                    s = 1.0;
                } else {
                    throw step.error("is required for a composition grid (e.g. 0.05), or set equiatomic_only: true");
                }
            }
            if (!(s > 0 && s <= 1)) {
                throw step.error("must be in (0, 1], got " + s);
            }
            denominator = (int) Math.round(1 / s);
            if (denominator > MAX_GRID_DENOMINATOR || Math.abs(1.0 / denominator - s) > 1e-9) {
                throw step.error("must be 1/n for a whole number n <= " + MAX_GRID_DENOMINATOR
                        + " so that the fractions sum to exactly 1 (e.g. 0.05, 0.1, 0.125), got " + s);
            }
        }
        Map<String, Double> min = fractions(n.get("min_fraction"), elements);
        Map<String, Double> max = fractions(n.get("max_fraction"), elements);
        for (String el : min.keySet()) {
            if (min.get(el) > max.getOrDefault(el, 1.0)) {
                throw n.get("min_fraction").get(el).error("minimum fraction " + min.get(el)
                        + " exceeds the maximum " + max.getOrDefault(el, 1.0));
            }
        }
        int largest = orders.get(orders.size() - 1);
        if (!equiatomic && largest > denominator) {
            throw step.error("a step of " + (1.0 / denominator) + " cannot hold " + largest
                    + " elements that are all present (need step <= 1/" + largest + ")");
        }
        return new ChemicalSpace(elements, orders, denominator, min, max, base, equiatomic, List.of());
    }

    private static List<String> symbols(Node n) {
        List<String> out = new ArrayList<>();
        for (Node e : n.list()) {
            String s = e.requireText();
            PeriodicTable.require(s, e.source(), e.path());
            if (out.contains(s)) {
                throw e.error("element " + s + " is listed twice");
            }
            out.add(s);
        }
        return out;
    }

    private static Map<String, Double> fractions(Node n, List<String> elements) {
        Map<String, Double> m = new TreeMap<>();
        for (Map.Entry<String, Node> e : n.entries().entrySet()) {
            PeriodicTable.require(e.getKey(), n.source(), e.getValue().path());
            if (!elements.contains(e.getKey())) {
                throw e.getValue().error("element " + e.getKey() + " is not in space.elements");
            }
            m.put(e.getKey(), e.getValue().number(0, 0, 1));
        }
        return m;
    }

    private static StructureSpec structure(Node n, ChemicalSpace space) {
        n.requireObject();
        n.allowOnly(Set.of("prototypes", "prototype", "supercell", "max_atoms", "ordering", "composition_tolerance",
                "sqs", "samples"));
        List<Prototype> prototypes = new ArrayList<>();
        Node pn = !n.get("prototypes").isMissing() ? n.get("prototypes") : n.get("prototype");
        for (Node p : pn.list()) {
            Prototype proto = Prototype.parse(p.requireText(), p.source(), p.path());
            if (prototypes.contains(proto)) {
                throw p.error("prototype " + proto.key() + " is listed twice");
            }
            prototypes.add(proto);
        }
        if (prototypes.isEmpty()) {
            throw n.get("prototypes").error("is required: a list of fcc, bcc, hcp");
        }
        SiteOrdering ordering = SiteOrdering.parse(n.get("ordering").text("random"), n.source(),
                n.get("ordering").path());
        double tolerance = n.get("composition_tolerance").number(0.0, 0.0, 0.25);
        Node sqs = n.get("sqs");
        sqs.allowOnly(Set.of("shells", "sweeps"));
        int shells = sqs.get("shells").integer(2, 1, 4);
        int sweeps = sqs.get("sweeps").integer(50, 0, 100_000);
        Map<Prototype, Supercell> cells = new EnumMap<>(Prototype.class);
        Node sc = n.get("supercell");
        if (!sc.isMissing() && !n.get("max_atoms").isMissing()) {
            throw n.get("max_atoms").error("give either 'supercell' (explicit repeats) or 'max_atoms' (automatic),"
                    + " not both");
        }
        if (!sc.isMissing()) {
            for (Prototype p : prototypes) {
                // one list of repeats for every prototype, or a mapping prototype -> repeats
                Node reps = sc.isObject() ? sc.get(p.key()) : sc;
                if (reps.isMissing()) {
                    throw reps.error("gives no supercell for prototype " + p.key());
                }
                Supercell cell = repeats(reps);
                if (cell.sites(p) > Supercell.MAX_SITES) {
                    throw reps.error("a " + p.key() + " " + cell.key() + " supercell has " + cell.sites(p)
                            + " sites, more than " + Supercell.MAX_SITES);
                }
                cells.put(p, cell);
            }
            if (sc.isObject()) {
                for (String k : sc.entries().keySet()) {
                    Prototype p = Prototype.parse(k, sc.source(), sc.get(k).path());
                    if (!prototypes.contains(p)) {
                        throw sc.get(k).error("prototype " + k + " is not in structure.prototypes");
                    }
                }
            }
        } else {
            int maxAtoms = n.get("max_atoms").integer(256, 1, Supercell.MAX_SITES);
            int multiple = CampaignChecks.siteMultiple(space);
            for (Prototype p : prototypes) {
                Supercell cell = Supercell.mostCompact(p, multiple, maxAtoms);
                if (cell == null) {
                    throw n.get("max_atoms").error("no " + p.key() + " supercell of at most " + maxAtoms
                            + " atoms has a multiple of " + multiple + " sites, which every composition of this"
                            + " space needs to be exact; raise max_atoms or give 'supercell' and"
                            + " 'composition_tolerance'");
                }
                cells.put(p, cell);
            }
        }
        int samples = n.get("samples").integer(1, 1, StructureSpec.MAX_SAMPLES);
        return new StructureSpec(prototypes, cells, ordering, tolerance, shells, sweeps, samples);
    }

    private static Supercell repeats(Node reps) {
        List<Node> list = reps.list();
        int[] r = new int[list.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = list.get(i).integer(0, 1, 100);
        }
        return Supercell.parse(r, reps.source(), reps.path());
    }

    private static MethodSpec method(Node n) {
        n.requireObject();
        n.allowOnly(Set.of("code", "potential", "dft", "relax", "properties", "timeout_seconds"));
        String code = n.get("code").text("lammps").toLowerCase(Locale.ROOT);
        // which codes exist is the engine's registry's business; here only the name's form
        if (!CODE.matcher(code).matches()) {
            throw n.get("code").error("'" + code + "' is not a simulation code name (e.g. lammps, gpaw)");
        }
        Node pn = n.get("potential");
        String potential = "";
        Map<String, String> bySystem = new TreeMap<>();
        List<String> ensemble = new ArrayList<>();
        DftSettings dft = null;
        if (!n.get("dft").isMissing()) {
            if (!pn.isMissing()) {
                throw pn.error("a DFT method ('dft') has no interatomic potential; give one or the other");
            }
            dft = dft(n.get("dft"));
        } else if (pn.isMissing()) {
            throw pn.error("is required: an interatomic potential (a file, zhou2004 or kim:<id>), or give 'dft'"
                    + " settings for a DFT code");
        } else if (pn.isList()) {
            ensemble = ensemble(pn);
            if (ensemble.size() == 1) {
                potential = ensemble.remove(0); // a one-element list is a single potential
            }
        } else if (pn.isObject()) {
            for (Map.Entry<String, Node> e : pn.entries().entrySet()) {
                String system = canonicalSystem(e.getKey(), e.getValue());
                if (bySystem.put(system, e.getValue().requireText()) != null) {
                    throw e.getValue().error("chemical system " + system + " is given twice");
                }
            }
            if (bySystem.isEmpty()) {
                throw pn.error("must name at least one chemical system");
            }
        } else {
            potential = pn.requireText();
        }
        Node r = n.get("relax");
        r.allowOnly(Set.of("etol", "ftol", "max_iterations", "max_evaluations", "pressure_tolerance_bar",
                "max_force_ev_per_angstrom", "max_restarts", "mode"));
        RelaxSettings d = dft != null ? RelaxSettings.DFT_DEFAULT : RelaxSettings.DEFAULT;
        RelaxSettings relax = new RelaxSettings(r.get("etol").number(d.energyTolerance(), 0, 1e-3),
                r.get("ftol").number(d.forceToleranceEvPerA(), 1e-12, 1),
                r.get("max_iterations").integer(d.maxIterations(), 1, 1_000_000),
                r.get("max_evaluations").integer(d.maxEvaluations(), 1, 10_000_000),
                r.get("pressure_tolerance_bar").number(d.pressureToleranceBar(), 1e-6, 1e5),
                r.get("max_force_ev_per_angstrom").number(d.maxForceToleranceEvPerA(), 1e-12, 10),
                r.get("max_restarts").integer(d.maxRestarts(), 0, 20),
                RelaxMode.parse(r.get("mode").text(d.mode().key()), r.get("mode").source(), r.get("mode").path()));
        Node p = n.get("properties");
        p.allowOnly(Set.of("eos", "eos_points", "eos_max_volume_strain", "elastic", "elastic_strain"));
        // a DFT method computes no elastic tensor unless asked (72 strained cells), and scans E(V) over the preset's
        // wider range: a plane-wave E(V) is smooth, and +-6 % pins the bulk modulus better than +-2 %
        PropertySettings pd = dft != null ? PropertySettings.DFT_DEFAULT : PropertySettings.DEFAULT;
        int points = p.get("eos_points").integer(pd.eosPoints(), 5, 41);
        if (points % 2 == 0) {
            throw p.get("eos_points").error("must be odd so the scan is centred on the relaxed volume");
        }
        PropertySettings props = new PropertySettings(p.get("eos").bool(pd.equationOfState()), points,
                p.get("eos_max_volume_strain").number(pd.eosMaxVolumeStrain(), 0.01, 0.2),
                p.get("elastic").bool(pd.elasticConstants()),
                p.get("elastic_strain").number(pd.elasticStrain(), 1e-4, 0.02));
        double timeout = n.get("timeout_seconds").number(600, 1, 7 * 24 * 3600);
        return new MethodSpec(code, potential, bySystem, ensemble, relax, props, timeout, dft);
    }

    /** {@code method.dft}: a preset of the DFT code's and the settings the campaign overrides. */
    private static DftSettings dft(Node n) {
        n.requireObject();
        n.allowOnly(Set.of("preset", "xc", "cutoff_ev", "kpoint_density_per_inv_angstrom", "smearing",
                "smearing_width_ev", "spin", "initial_magmoms", "convergence"));
        String preset = n.get("preset").text("production");
        if (!DftSettings.PRESETS.contains(preset)) {
            throw n.get("preset").error("unknown preset '" + preset + "' (known: "
                    + String.join(", ", new java.util.TreeSet<>(DftSettings.PRESETS)) + ")");
        }
        String xc = n.get("xc").isMissing() ? null : n.get("xc").requireText();
        if (xc != null && !XC.matcher(xc).matches()) {
            throw n.get("xc").error("'" + xc + "' is not a functional name (e.g. PBE, PBEsol, LDA)");
        }
        String smearing = n.get("smearing").isMissing() ? null : n.get("smearing").requireText();
        if (smearing != null && !DftSettings.SMEARINGS.contains(smearing)) {
            throw n.get("smearing").error("unknown smearing '" + smearing + "' (known: "
                    + String.join(", ", new java.util.TreeSet<>(DftSettings.SMEARINGS)) + ")");
        }
        Boolean spin = n.get("spin").isMissing() ? null : n.get("spin").bool(false);
        Map<String, Double> moments = new TreeMap<>();
        for (Map.Entry<String, Node> e : n.get("initial_magmoms").entries().entrySet()) {
            PeriodicTable.require(e.getKey(), n.source(), e.getValue().path());
            moments.put(e.getKey(), e.getValue().number(0, -10, 10));
        }
        Node conv = n.get("convergence");
        conv.allowOnly(DftSettings.CONVERGENCE_KEYS);
        Map<String, Double> convergence = new TreeMap<>();
        for (String k : new java.util.TreeSet<>(DftSettings.CONVERGENCE_KEYS)) {
            if (!conv.get(k).isMissing()) {
                convergence.put(k, conv.get(k).number(0, 1e-14, 1.0));
            }
        }
        return new DftSettings(preset, xc, n.get("cutoff_ev").number(Double.NaN, 150, 2000),
                n.get("kpoint_density_per_inv_angstrom").number(Double.NaN, 0.5, 20), smearing,
                n.get("smearing_width_ev").number(Double.NaN, 0.001, 1.0), spin, moments, convergence);
    }

    /**
     * {@code tiers:}: the later tiers of a multi-fidelity campaign, each on the previous tier's top-ranked records.
     * The first tier is the campaign's own method, so a tier repeating it exactly is an error.
     */
    private static List<TierSpec> tiers(Node n, MethodSpec first) {
        List<TierSpec> out = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (Node t : n.list()) {
            t.requireObject();
            t.allowOnly(Set.of("name", "top", "method", "structure"));
            String name = t.get("name").requireText();
            if (!TIER_NAME.matcher(name).matches()) {
                throw t.get("name").error("must be 1-40 letters, digits, '-' or '_' (it names the tier's folder)");
            }
            if (!names.add(name)) {
                throw t.get("name").error("tier " + name + " is given twice");
            }
            int top = t.get("top").integer(5, 1, 10_000);
            Node m = t.get("method");
            if (m.isMissing()) {
                throw m.error("is required: the tier's code and its potential or DFT settings");
            }
            MethodSpec method = method(m);
            if (method.isEnsemble() || !method.potentialBySystem().isEmpty()) {
                throw m.get("potential").error("a tier computes with one model; ensembles and per-system maps"
                        + " belong to the first tier");
            }
            if (method.code().equals(first.code()) && java.util.Objects.equals(method.dft(), first.dft())
                    && method.potential().equals(first.potential())) {
                throw m.error("repeats the first tier's method; a later tier must be a different model");
            }
            Node st = t.get("structure");
            st.allowOnly(Set.of("min_atoms", "max_atoms", "sqs"));
            st.get("sqs").allowOnly(Set.of("shells"));
            int maxAtoms = st.get("max_atoms").integer(TierSpec.DEFAULT_MAX_ATOMS, 1, TierSpec.MAX_ATOMS);
            int minAtoms = st.get("min_atoms").integer(Math.min(TierSpec.DEFAULT_MIN_ATOMS, maxAtoms), 1, maxAtoms);
            int shells = st.get("sqs").get("shells").integer(2, 1, 4);
            out.add(new TierSpec(name, top, method, minAtoms, maxAtoms, shells));
        }
        return out;
    }

    /**
     * The members of {@code method.potential: [a, b, ...]}: names as written, each non-empty and given once (the same
     * potential twice would count one model double in every mean and spread).
     */
    private static List<String> ensemble(Node list) {
        List<String> names = new ArrayList<>();
        for (Node m : list.list()) {
            if (m.isObject() || m.isList()) {
                throw m.error("an ensemble member is one potential (a file, zhou2004 or kim:<id>); a per-system map"
                        + " cannot be a member");
            }
            String name = m.requireText().strip();
            if (name.isEmpty()) {
                throw m.error("is empty");
            }
            int earlier = names.indexOf(name);
            if (earlier >= 0) {
                throw m.error("potential " + name + " is already member [" + earlier + "] of the ensemble; each"
                        + " member must be a different potential");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw list.error("must name at least one potential");
        }
        return names;
    }

    /** {@code Ni-Cu} → {@code Cu-Ni}: element symbols validated, sorted, joined by '-'. */
    private static String canonicalSystem(String key, Node where) {
        List<String> els = new ArrayList<>();
        for (String part : key.split("-")) {
            String sym = part.strip();
            PeriodicTable.require(sym, where.source(), where.path());
            if (els.contains(sym)) {
                throw where.error("element " + sym + " appears twice in the chemical system '" + key + "'");
            }
            els.add(sym);
        }
        els.sort(null);
        return String.join("-", els);
    }

    private static ScreeningSpec screening(Node n, ChemicalSpace space, StructureSpec structure,
            MethodSpec method) {
        Set<String> keys = new java.util.HashSet<>(Set.of("filters", "objectives", "top", "admit", "ensemble"));
        keys.addAll(StrategySettings.KEYS);
        n.allowOnly(keys);
        List<Criterion> filters = new ArrayList<>();
        for (Node f : n.get("filters").list()) {
            filters.add(Criterion.parse(f.requireText(), f.source(), f.path()));
        }
        List<Objective> objectives = new ArrayList<>();
        for (Node o : n.get("objectives").list()) {
            objectives.add(Objective.parse(o.requireText(), o.source(), o.path()));
        }
        if (objectives.isEmpty()) {
            objectives.add(new Objective("dh_form_ev_per_atom", false));
        }
        StrategySpec strategy = StrategySettings.parse(n, filters, objectives, space, structure.prototypes());
        Set<RecordFlag> admitted = java.util.EnumSet.noneOf(RecordFlag.class);
        for (Node f : n.get("admit").list()) {
            admitted.add(RecordFlag.parse(f.requireText(), f.source(), f.path()));
        }
        Node en = n.get("ensemble");
        EnsembleRanking ensembleRanking = EnsembleRanking.MEAN;
        if (!en.isMissing()) {
            if (!method.isEnsemble()) {
                throw en.error("applies to a campaign that names several potentials (method.potential: [a, b]);"
                        + " this one names one");
            }
            ensembleRanking = EnsembleRanking.parse(en.requireText(), en.source(), en.path());
        }
        if (method.isEnsemble() && strategy instanceof StrategySpec.Adaptive) {
            throw n.get("strategy").error("an adaptive campaign computes one potential; an ensemble of potentials"
                    + " is screened exhaustively (strategy: exhaustive), or run the adaptive campaign per potential");
        }
        return new ScreeningSpec(filters, objectives, n.get("top").integer(10, 1, 10_000), strategy, admitted,
                ensembleRanking);
    }

    private static ExecutionSpec execution(Node n) {
        n.allowOnly(Set.of("partitions", "target_partition_seconds"));
        return new ExecutionSpec(n.get("partitions").integer(0, 0, 1_000_000),
                n.get("target_partition_seconds").number(ExecutionSpec.DEFAULT.targetPartitionSeconds(), 1, 86400));
    }

    private static Visibility visibility(Node n) {
        n.allowOnly(Set.of("level", "embargo_until", "owner"));
        if (n.isMissing()) {
            return Visibility.PUBLIC;
        }
        String level = n.get("level").text("public").toLowerCase(Locale.ROOT);
        Visibility.Level l;
        try {
            l = Visibility.Level.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw n.get("level").error("must be public, consortium or embargoed, got '" + level + "'");
        }
        LocalDate until = null;
        if (!n.get("embargo_until").isMissing()) {
            try {
                until = LocalDate.parse(n.get("embargo_until").requireText());
            } catch (DateTimeParseException e) {
                throw n.get("embargo_until").error("must be a date YYYY-MM-DD");
            }
        }
        if (l == Visibility.Level.EMBARGOED && until == null) {
            throw n.get("embargo_until").error("is required when level is embargoed");
        }
        String owner = n.get("owner").text("");
        if (l == Visibility.Level.EMBARGOED && owner.isBlank()) {
            throw n.get("owner").error("is required when level is embargoed (the group that may see the records)");
        }
        return new Visibility(l, until, owner);
    }
}
