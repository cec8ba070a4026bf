package org.matscreen.bench;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.result.CandidateIds;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.structure.AtomCounts;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.potential.PotentialResolver;
import org.matscreen.core.sim.PotentialSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Enumeration rate on one thread, in three layers: walking the {@link CandidateSpace} (compositions unranked from the
 * space's counters), deriving each candidate's id (SHA-256 of composition, recipe and method, as
 * {@code CandidateEvaluator.id}), and ids plus the cell check a dry run does per candidate. Each is timed over the
 * first {@code --limit} candidates after a warm-up pass; the best of {@code --repeats} passes is kept, since on a
 * shared machine interference only ever slows a pass down.
 */
@Command(name = "enumerate", header = "Single-thread enumeration and id rates of a campaign.")
final class EnumerateCommand implements Callable<Integer> {
    @Option(names = "--campaign", required = true)
    Path campaign;

    @Option(names = "--limit", defaultValue = "2000000", description = "candidates timed (from the first)")
    long limit;

    @Option(names = "--repeats", defaultValue = "3", description = "timed passes per layer (best kept)")
    int repeats;

    @Option(names = "--out", required = true, description = "facts file")
    Path out;

    private long sink;

    @Override
    public Integer call() {
        CampaignSpec spec = CampaignLoader.load(campaign);
        if (spec.method().isEnsemble()) {
            throw new org.matscreen.core.error.InvalidInputException(spec.source(), "method.potential", "the"
                    + " enumeration benchmark derives one potential's ids; name one potential");
        }
        CandidateSpace space = CandidateSpace.of(spec.space(), spec.structure().prototypes(), spec.structure().samples(),
                spec.source());
        PotentialSource potentials = new PotentialResolver(PotentialRegistry.standard(),
                PotentialResolver.defaultCacheDir()).resolve(spec.method(), space.systems(), spec.source());
        String methodKey = new MethodInfo(spec.method().code(), potentials.spec(), spec.method().relax(),
                spec.method().properties()).key();
        Map<Prototype, StructureRecipe> recipes = new EnumMap<>(Prototype.class);
        Map<Prototype, String> recipeKeys = new EnumMap<>(Prototype.class);
        for (Prototype p : spec.structure().prototypes()) {
            recipes.put(p, spec.structure().recipe(p));
            recipeKeys.put(p, spec.structure().recipe(p).key());
        }
        long n = Math.min(limit, space.size());
        long warm = Math.min(n, 200_000);
        Facts f = new Facts().put("enumeration.campaign_candidates", space.size()).put("enumeration.timed", n);
        // Warm every layer before timing any, then time them in turns, so JIT compilation and interference from
        // other processes fall alike on all three; the best pass of each is kept.
        walk(space, warm);
        ids(space, warm, recipeKeys, methodKey);
        checked(space, warm, recipes, recipeKeys, methodKey);
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int r = 0; r < Math.max(1, repeats); r++) {
            best[0] = Math.min(best[0], time(() -> walk(space, n)));
            best[1] = Math.min(best[1], time(() -> ids(space, n, recipeKeys, methodKey)));
            best[2] = Math.min(best[2], time(() -> checked(space, n, recipes, recipeKeys, methodKey)));
        }
        f.put("enumeration.iterate_per_s", n / best[0]);
        f.put("enumeration.ids_per_s", n / best[1]);
        f.put("enumeration.ids_and_check_per_s", n / best[2]);
        f.put("enumeration.repeats", repeats);
        f.put("enumeration.sink", sink % 10); // keeps the loops' results alive
        f.write(out);
        return 0;
    }

    private void walk(CandidateSpace space, long n) {
        long s = 0;
        for (Iterator<Candidate> it = space.range(0, n); it.hasNext(); ) {
            Candidate c = it.next();
            s += c.index() + c.composition().symbols().size();
        }
        sink += s;
    }

    private void ids(CandidateSpace space, long n, Map<Prototype, String> recipeKeys, String methodKey) {
        long s = 0;
        for (Iterator<Candidate> it = space.range(0, n); it.hasNext(); ) {
            Candidate c = it.next();
            s += CandidateIds.of(c.composition(), recipeKeys.get(c.prototype()), methodKey).charAt(0);
        }
        sink += s;
    }

    /** What a dry run does per candidate ({@code CandidateEvaluator.checkOnly}): the id, then the cell check. */
    private void checked(CandidateSpace space, long n, Map<Prototype, StructureRecipe> recipes,
            Map<Prototype, String> recipeKeys, String methodKey) {
        long s = 0;
        for (Iterator<Candidate> it = space.range(0, n); it.hasNext(); ) {
            Candidate c = it.next();
            StructureRecipe r = recipes.get(c.prototype());
            s += CandidateIds.of(c.composition(), recipeKeys.get(c.prototype()), methodKey).charAt(0);
            s += AtomCounts.of(c.composition(), r.sites()).representsWithin(r.compositionTolerance()) ? 1 : 0;
        }
        sink += s;
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }
}
