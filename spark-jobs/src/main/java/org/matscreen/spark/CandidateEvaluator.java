package org.matscreen.spark;

import java.util.Map;
import java.util.TreeMap;
import org.matscreen.core.descriptors.DescriptorCalculator;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.properties.ReferenceEnergies;
import org.matscreen.core.result.CandidateIds;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.Provenance;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.sim.Status;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.structure.AtomCounts;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.SupercellBuilder;
import org.matscreen.core.util.BuildInfo;

/**
 * Computes one candidate end to end: builds its cell (seeded from its id, or for a member of an ensemble of
 * potentials from its configuration id, so every member computes the same cell), runs the simulation through the
 * session with the candidate's member potential, derives properties and descriptors, and wraps everything into a
 * record. Problems of the candidate become a record with a non-OK status; nothing here throws for a bad candidate.
 */
public final class CandidateEvaluator {
    private static final DescriptorCalculator DESCRIPTORS = DescriptorCalculator.standard();
    private final JobContext ctx;
    /** The context of each member (the context itself for a single potential). */
    private final JobContext[] members;
    private final String[] methodKeys;
    private final java.util.Map<org.matscreen.core.structure.Prototype, String> recipeKeys =
            new java.util.EnumMap<>(org.matscreen.core.structure.Prototype.class);

    /** @param ctx the job context as it works on this machine (see {@link JobContext#localised(String)}) */
    public CandidateEvaluator(JobContext ctx) {
        this.ctx = ctx;
        this.members = new JobContext[ctx.members()];
        this.methodKeys = new String[members.length];
        for (int m = 0; m < members.length; m++) {
            members[m] = ctx.forMember(m);
            methodKeys[m] = members[m].method().key();
        }
        for (var p : ctx.structure().prototypes()) {
            recipeKeys.put(p, ctx.structure().recipe(p).key());
        }
    }

    private String recipeKey(Candidate c) {
        return c.sample() == 0 ? recipeKeys.get(c.prototype())
                : ctx.structure().recipe(c.prototype(), c.sample()).key();
    }

    /** The candidate's id (content hash), without computing anything. */
    public String id(Candidate c) {
        if (!ctx.isEnsemble()) {
            return CandidateIds.of(c.composition(), recipeKey(c), methodKeys[0]);
        }
        return CandidateIds.member(CandidateIds.configuration(c.composition(), recipeKey(c)),
                methodKeys[c.member()]);
    }

    /** The id of the candidate's starting cell shared by an ensemble's members; null for a single potential. */
    public String configurationId(Candidate c) {
        return ctx.isEnsemble() ? CandidateIds.configuration(c.composition(), recipeKey(c)) : null;
    }

    /** The seed of the candidate's site ordering: from its configuration id in an ensemble, else from its id. */
    static long orderingSeed(String id, String configurationId) {
        return CandidateIds.seed(configurationId != null ? configurationId : id);
    }

    /**
     * Starting lattice parameter, Å: Vegard's law on the reference volumes, or, where a reference failed, on the
     * lattice constants the potential file states (a fcc-like 3.6 Å if even that cannot be read).
     */
    static double startingLatticeParameter(Candidate c, ReferenceEnergies refs, PotentialRef file) {
        var v = refs.weightedVolume(c.composition(), c.prototype());
        if (v.isPresent()) {
            return c.prototype().latticeParameterForVolume(v.get());
        }
        double volume = 0;
        double[] x = c.composition().fractions();
        Map<String, Double> stated = StatedVolumes.of(file);
        for (int i = 0; i < x.length; i++) {
            volume += x[i] * stated.getOrDefault(c.composition().symbols().get(i), Prototype.FCC.volumePerAtom(3.6));
        }
        return c.prototype().latticeParameterForVolume(volume);
    }

    public CandidateResult evaluate(Candidate c, SimulationSession session) {
        Prepared p = prepare(c);
        if (p.request() == null) {
            return unbuildable(p, session.codeVersion());
        }
        long submitted = System.nanoTime();
        return finish(p, session.compute(p.request()), submitted);
    }

    /**
     * A candidate made ready to compute: its cell built and its request written, or (request null) why its cell
     * cannot be built. A task prepares the next candidate while the worker computes the current
     * one, so the cell building is off the worker's critical path.
     *
     * @param prepareNanos how long the preparation took, ns (part of the record's wall time)
     */
    public record Prepared(Candidate candidate, String id, StructureRecipe recipe, ReferenceEnergies refs,
            PotentialRef file, double a0, SupercellBuilder.Built built,
            org.matscreen.core.sim.CalculationRequest request, String unbuildableReason, long prepareNanos) {}

    /** The failure record of a prepared candidate whose cell could not be built. */
    public CandidateResult unbuildable(Prepared p, String codeVersion) {
        return record(p.candidate(), p.id(), p.recipe(), p.a0(), p.file(), null, Status.FAILED, p.unbuildableReason(),
                null, null, p.prepareNanos(), codeVersion);
    }

    /** Builds the candidate's cell and its calculation request; never throws for a bad candidate. */
    public Prepared prepare(Candidate c) {
        long t0 = System.nanoTime();
        JobContext mc = members[c.member()];
        StructureRecipe recipe = ctx.structure().recipe(c.prototype(), c.sample());
        String id = id(c);
        ReferenceEnergies refs = mc.referencesFor(c.composition().symbols());
        PotentialRef file = mc.potentials().fileFor(c.composition().symbols());
        double a0 = startingLatticeParameter(c, refs, file);
        SupercellBuilder.Built built;
        try {
            built = SupercellBuilder.build(c.composition(), recipe, a0, orderingSeed(id, configurationId(c)));
        } catch (InvalidInputException e) {
            return new Prepared(c, id, recipe, refs, file, a0, null, null, e.reason(), System.nanoTime() - t0);
        }
        var request = PropertyRegistry.request(id, built.structure(), c.prototype(), file, mc.method().relax(),
                mc.method().properties(), ctx.timeoutSeconds());
        return new Prepared(c, id, recipe, refs, file, a0, built, request, null, System.nanoTime() - t0);
    }

    /**
     * The record of a prepared candidate from its outcome: properties, descriptors, provenance.
     *
     * @param submittedNanos when its request went to the code ({@code System.nanoTime()}); the record's wall time is
     *     its preparation plus the time since then, not the time it waited behind the candidate before it
     */
    public CandidateResult finish(Prepared p, CalculationOutcome outcome, long submittedNanos) {
        Candidate c = p.candidate();
        JobContext mc = members[c.member()];
        CandidateProperties props = null;
        String error = outcome.errorText();
        if (outcome.status() == Status.OK) {
            StringBuilder notes = new StringBuilder(error);
            props = PropertyRegistry.analyse(outcome, p.recipe(), p.refs(), mc.method().relax(),
                    mc.method().properties(), note -> notes.append(notes.length() > 0 ? "\n" : "").append(note));
            error = notes.toString();
        }
        return record(c, p.id(), p.recipe(), p.a0(), p.file(), outcome, outcome.status(), error, props,
                p.built().warrenCowley(), p.prepareNanos() + (System.nanoTime() - submittedNanos),
                outcome.codeVersion());
    }

    /**
     * What a dry run does per candidate: derive its id and check that its cell can hold it (the rounding rule),
     * without building sites or computing anything. False if the cell cannot hold the composition.
     */
    public boolean checkOnly(Candidate c) {
        StructureRecipe recipe = ctx.structure().recipe(c.prototype(), c.sample());
        id(c);
        return AtomCounts.of(c.composition(), recipe.sites()).representsWithin(recipe.compositionTolerance());
    }

    /** A record for a candidate that is not computed because it is quarantined. */
    public CandidateResult quarantined(Candidate c, String reason) {
        StructureRecipe recipe = ctx.structure().recipe(c.prototype(), c.sample());
        String id = id(c);
        return record(c, id, recipe, Double.NaN, members[c.member()].potentials().fileFor(c.composition().symbols()),
                null, Status.QUARANTINED, reason, null, null, 0, "");
    }

    /** The same record with another error text. */
    public CandidateResult withError(CandidateResult r, String text) {
        return new CandidateResult(r.id(), r.campaign(), r.candidateIndex(), r.composition(), r.cellComposition(),
                r.recipe(), r.startingLatticeParameterAngstrom(), r.status(), text, r.relaxed(), r.properties(),
                r.relaxation(), r.eosVolumesA3PerAtom(), r.eosEnergiesEvPerAtom(), r.elastic(), r.descriptors(),
                r.warrenCowley(), r.method(), r.potentialFile(), r.provenance(), r.visibility(), r.configurationId());
    }

    private CandidateResult record(Candidate c, String id, StructureRecipe recipe, double a0, PotentialRef file,
            CalculationOutcome outcome, Status status, String error, CandidateProperties props,
            double[][][] warrenCowley, long elapsedNanos, String codeVersion) {
        double nativeSeconds = outcome == null ? 0 : outcome.nativeSeconds();
        double wall = elapsedNanos / 1e9;
        // started_at is the end less the candidate's own wall time: a prepared candidate may wait behind the one
        // before it, and that wait is not its time
        long endMs = System.currentTimeMillis();
        Provenance pv = new Provenance(BuildInfo.version(), BuildInfo.commit(), codeVersion, BuildInfo.host(),
                endMs - Math.round(wall * 1e3), endMs, wall, nativeSeconds, Provenance.COMPUTED);
        var cellComposition = AtomCounts.of(c.composition(), recipe.sites()).composition();
        Map<String, Double> descriptors = new TreeMap<>();
        DESCRIPTORS.compute(cellComposition).asMap().forEach((k, v) -> {
            if (!Double.isNaN(v)) {
                descriptors.put(k, v);
            }
        });
        boolean ok = outcome != null && outcome.status() == Status.OK;
        return new CandidateResult(id, ctx.campaign(), c.index(), c.composition(), cellComposition, recipe, a0, status,
                error, ok ? outcome.relaxed() : null, props, ok ? outcome.relaxation() : null,
                ok ? outcome.eosVolumesA3PerAtom() : null, ok ? outcome.eosEnergiesEvPerAtom() : null,
                ok ? outcome.elastic() : null, descriptors, warrenCowley, members[c.member()].method(), file, pv,
                ctx.visibility(), configurationId(c));
    }
}
