package org.matscreen.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.ElasticConstants;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.properties.ReferenceEnergies;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.GroundStates;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;
import org.matscreen.repository.ReferenceStore;

/**
 * Computes the pure-element references of a campaign as a small Spark stage (reference groups × elements × {fcc,
 * bcc, hcp}), through the same pooled workers as the candidates, so it runs wherever the job runs. With an interatomic
 * potential every prototype is computed for every element, because formation enthalpies need each element's ground
 * state under the potential, which need not be the prototype the campaign screens. References are relaxed
 * shape-fixed (the question a candidate's mixing enthalpy asks of them) and get their elastic constants, so an
 * element that is mechanically unstable in a prototype (bcc Cu, fcc W, …) is flagged wherever it is used.
 *
 * <p>With DFT a reference costs minutes, not milliseconds, and the method is trusted to order an element's
 * structures as nature does: each element is computed in its observed structure only ({@link GroundStates}; all three
 * prototypes for an element whose structure is none of them), in the conventional cell, without elastic constants.
 */
final class ReferenceStage {
    /** Cells for the references: big enough for any EAM cut-off to see many shells, small enough to be instant. */
    static final Map<Prototype, Supercell> CELLS = Map.of(Prototype.FCC, new Supercell(3, 3, 3), Prototype.BCC,
            new Supercell(4, 4, 4), Prototype.HCP, new Supercell(3, 2, 2));
    /**
     * Starting cells are expanded by this factor from the file's own lattice constant: a relaxation started exactly
     * where a neighbour shell sits on the cut-off (as in Zhou files) can stall on the energy step there.
     */
    static final double START_EXPANSION = 1.01;

    private ReferenceStage() {}

    /** The conventional cell: a DFT reference needs no more sites than the prototype's own. */
    static final Supercell DFT_CELL = new Supercell(1, 1, 1);

    /** Settings key the references are cached under: relaxation tolerances, protocol and reference cells. */
    static String settingsKey(JobContext ctx) {
        if (dft(ctx)) {
            return relax(ctx).key() + "|" + properties(ctx).key() + "|ground-states|cell=" + DFT_CELL.key();
        }
        return relax(ctx).key() + "|" + properties(ctx).key() + "|cells=fcc" + CELLS.get(Prototype.FCC).key()
                + ",bcc" + CELLS.get(Prototype.BCC).key() + ",hcp" + CELLS.get(Prototype.HCP).key() + "|start="
                + START_EXPANSION;
    }

    /** True when the campaign's model is DFT settings rather than an interatomic potential. */
    static boolean dft(JobContext ctx) {
        return ctx.method().potential().isDft();
    }

    private static Supercell cell(JobContext ctx, Prototype p) {
        return dft(ctx) ? DFT_CELL : CELLS.get(p);
    }

    /** The campaign's tolerances, shape-fixed: a perfect lattice has no shape freedom to probe. */
    static RelaxSettings relax(JobContext ctx) {
        return ctx.method().relax().withMode(RelaxMode.SHAPE_FIXED);
    }

    /** Elastic constants at the campaign's strain, for the Born check (not with DFT); no E(V) scan. */
    static PropertySettings properties(JobContext ctx) {
        PropertySettings p = ctx.method().properties();
        return new PropertySettings(false, p.eosPoints(), p.eosMaxVolumeStrain(), !dft(ctx), p.elasticStrain());
    }

    /**
     * What the reference stage produced: energies per group (possibly incomplete) and the failures. A failed reference
     * does not stop the job: its candidates are still computed (and most likely fail the same way, which their records
     * then show), only their enthalpies are unknown.
     */
    record Outcome(Map<String, ReferenceEnergies> references, Map<String, List<String>> failures) {
        boolean complete(String group) {
            return failures.getOrDefault(group, List.of()).isEmpty();
        }
    }

    /** Computes the references of the given groups. */
    static Outcome compute(JavaSparkContext sc, Broadcast<JobContext> ctx,
            List<PotentialSource.ReferenceGroup> groups) {
        List<ReferenceTask> tasks = new ArrayList<>();
        for (PotentialSource.ReferenceGroup g : groups) {
            tasks.addAll(tasks(ctx.value(), g));
        }
        List<ReferenceResult> results = sc.parallelize(tasks, Math.max(1, Math.min(tasks.size(),
                sc.defaultParallelism()))).mapPartitions(new Compute(ctx, groups)).collect();
        return collect(groups, results);
    }

    /** Results sorted into each group's energies and failures. */
    private static Outcome collect(List<PotentialSource.ReferenceGroup> groups, List<ReferenceResult> results) {
        Map<String, ReferenceEnergies> out = new LinkedHashMap<>();
        Map<String, List<String>> failuresByGroup = new LinkedHashMap<>();
        for (PotentialSource.ReferenceGroup g : groups) {
            List<String> failures = new ArrayList<>();
            List<ReferenceEnergies.Entry> entries = new ArrayList<>();
            for (ReferenceResult r : results) {
                if (!r.group().equals(g.key())) {
                    continue;
                }
                if (r.ok()) {
                    entries.add(new ReferenceEnergies.Entry(r.element(), r.prototype(), r.energyPerAtomEv(),
                            r.volumePerAtomA3(), r.elastic()));
                } else {
                    failures.add(r.element() + " " + r.prototype().key() + " (" + g.file().name() + "): " + r.error());
                }
            }
            out.put(g.key(), new ReferenceEnergies(g.key(), entries));
            failuresByGroup.put(g.key(), failures);
        }
        return new Outcome(out, failuresByGroup);
    }

    /**
     * The reference calculations of a group: with a potential, every prototype, started from the potential file's own
     * element lines (lattice constant and type); with DFT, the observed structure at its observed lattice parameter.
     */
    static List<ReferenceTask> tasks(JobContext ctx, PotentialSource.ReferenceGroup g) {
        if (dft(ctx)) {
            List<ReferenceTask> tasks = new ArrayList<>();
            for (String el : g.elements()) {
                for (GroundStates.GroundState cell : GroundStates.referenceCells(el)) {
                    tasks.add(new ReferenceTask(g.key(), el, cell.prototype(), cell.aAngstrom()));
                }
            }
            return tasks;
        }
        return tasks(g);
    }

    /**
     * A reference group's references found cached.
     *
     * @param shared true when they came from the shared result cache rather than the repository's own references.json
     */
    record Cached(ReferenceEnergies references, boolean shared) {}

    /**
     * The group's references as computed under this job's settings, from the repository's {@code store}, else from the
     * {@code shared} cache's (null: none), covering every element in the prototypes {@link #required} asks of it.
     */
    static Optional<Cached> cached(JobContext ctx, PotentialSource.ReferenceGroup g, ReferenceStore store,
            ReferenceStore shared) {
        String key = settingsKey(ctx);
        Map<String, List<Prototype>> required = required(ctx, g.elements());
        Optional<ReferenceEnergies> own = store.find(g.key(), key, required);
        if (own.isPresent() || shared == null) {
            return own.map(r -> new Cached(r, false));
        }
        return shared.find(g.key(), key, required).map(r -> new Cached(r, true));
    }

    /** The prototypes each element's references are computed in (see {@link #tasks(JobContext, PotentialSource.ReferenceGroup)}). */
    static Map<String, List<Prototype>> required(JobContext ctx, List<String> elements) {
        Map<String, List<Prototype>> m = new java.util.TreeMap<>();
        for (String el : elements) {
            m.put(el, dft(ctx) ? GroundStates.referenceCells(el).stream().map(GroundStates.GroundState::prototype)
                    .toList() : List.of(Prototype.values()));
        }
        return m;
    }


    /** Every prototype, started from the potential file's own element lines (lattice constant and type). */
    static List<ReferenceTask> tasks(PotentialSource.ReferenceGroup g) {
        Map<String, Double> volume = StatedVolumes.read(Path.of(g.file().path()));
        List<ReferenceTask> tasks = new ArrayList<>();
        for (String el : g.elements()) {
            double v = volume.getOrDefault(el, Prototype.FCC.volumePerAtom(3.6));
            for (Prototype p : EnumSet.allOf(Prototype.class)) {
                tasks.add(new ReferenceTask(g.key(), el, p, START_EXPANSION * p.latticeParameterForVolume(v)));
            }
        }
        return tasks;
    }

    /**
     * The references of the given groups computed here, without Spark, through one session (for {@code plan}: a
     * campaign's references are a few dozen small cells).
     */
    static Outcome computeHere(JobContext ctx, List<PotentialSource.ReferenceGroup> groups) {
        JobContext c = Sessions.localise(ctx);
        List<ReferenceResult> results = new ArrayList<>();
        try (SimulationSession session = Sessions.open(c)) {
            for (PotentialSource.ReferenceGroup g : groups) {
                for (ReferenceTask t : tasks(c, g)) {
                    results.add(computeOne(session, c, g, t));
                }
            }
        }
        return collect(groups, results);
    }

    /** One element in one prototype: shape-fixed relaxation and elastic constants. */
    static ReferenceResult computeOne(SimulationSession session, JobContext c, PotentialSource.ReferenceGroup g,
            ReferenceTask t) {
        StructureRecipe recipe = StructureRecipe.random(t.prototype(), cell(c, t.prototype()), 0);
        var built = SupercellBuilder.build(Composition.of(Map.of(t.element(), 1)), recipe,
                t.latticeGuessAngstrom(), 0);
        CalculationOutcome o = session.compute(PropertyRegistry.request("reference-" + t.element() + "-"
                + t.prototype().key(), built.structure(), t.prototype(), c.potentials().referenceFile(g), relax(c),
                properties(c), c.timeoutSeconds()));
        if (o.status() != Status.OK) {
            return new ReferenceResult(t.group(), t.element(), t.prototype(), false, Double.NaN, Double.NaN, null,
                    o.status().key() + ": " + o.errorText());
        }
        ElasticConstants ec = o.elastic() == null ? null : ElasticConstants.fromTensor(o.elastic().stiffnessGpa(),
                t.prototype() == Prototype.HCP);
        return new ReferenceResult(t.group(), t.element(), t.prototype(), true, o.energyPerAtomEv(),
                o.relaxed().volumePerAtom(), ec, "");
    }

    /** Executor side. */
    static final class Compute implements FlatMapFunction<Iterator<ReferenceTask>, ReferenceResult> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<JobContext> ctx;
        private final List<PotentialSource.ReferenceGroup> groups;

        Compute(Broadcast<JobContext> ctx, List<PotentialSource.ReferenceGroup> groups) {
            this.ctx = ctx;
            this.groups = List.copyOf(groups);
        }

        @Override
        public Iterator<ReferenceResult> call(Iterator<ReferenceTask> tasks) {
            JobContext c = Sessions.localise(ctx.value());
            List<ReferenceResult> out = new ArrayList<>();
            try (SimulationSession session = Sessions.open(c)) {
                while (tasks.hasNext()) {
                    ReferenceTask t = tasks.next();
                    PotentialSource.ReferenceGroup g = groups.stream().filter(x -> x.key().equals(t.group()))
                            .findFirst().orElseThrow();
                    out.add(computeOne(session, c, g, t));
                }
            }
            return out.iterator();
        }
    }
}
