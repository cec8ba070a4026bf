package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.matscreen.core.adaptive.AdaptiveStrategy;
import org.matscreen.core.adaptive.LocalScorer;
import org.matscreen.core.adaptive.Observation;
import org.matscreen.core.adaptive.Pick;
import org.matscreen.core.adaptive.Plan;
import org.matscreen.core.adaptive.Replay;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.campaign.StrategySpec;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.repository.AdaptiveManifest;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.Repository;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 15's benchmark on real simulations: over a space whose every candidate is computed (an exhaustive run of the
 * same space, structures and method as the adaptive campaign), replays the adaptive campaign with several seeds and
 * uniform random sampling with the same numbers of simulations, and reports the fraction of the true Pareto front's
 * hypervolume and of its members recovered against simulations spent (Markdown, CSV and an SVG plot). Real adaptive
 * runs of the campaign ({@code --compare-run}) are checked to have simulated exactly the candidates the replay of
 * their seed chose, round by round. Counts and fractions only: they do not depend on the machine.
 */
@Command(name = "adaptive", header = "Replay adaptive and random campaigns over a fully computed space.")
final class AdaptiveCommand implements Callable<Integer> {
    @Option(names = "--repository", required = true, description = "the exhaustively computed repository")
    Path repository;

    @Option(names = "--campaign", required = true, description = "the adaptive campaign (same space, structures"
            + " and method as the repository's)")
    Path campaign;

    @Option(names = "--seeds", defaultValue = "1,2,3,4,5", split = ",", description = "adaptive seeds replayed")
    List<Long> seeds;

    @Option(names = "--random-seeds", defaultValue = "100", description = "random samplings averaged")
    int randomSeeds;

    @Option(names = "--compare-run", description = "a real adaptive run of the campaign (repository); repeatable")
    List<Path> compareRuns = new ArrayList<>();

    @Option(names = "--out", required = true, description = "folder for adaptive.md, adaptive.csv, adaptive.svg")
    Path out;

    /** One replayed campaign: per round, simulations spent, fractions recovered, and the round's picks. */
    record Curve(String label, List<Replay.Point> points, List<List<Long>> rounds) {}

    @Override
    public Integer call() throws IOException {
        CampaignSpec spec = CampaignLoader.load(campaign);
        if (!(spec.screening().strategy() instanceof StrategySpec.Adaptive adaptive)) {
            throw new IllegalArgumentException(campaign + " is not an adaptive campaign");
        }
        CandidateSpace space = CandidateSpace.of(spec.space(), spec.structure().prototypes(), spec.source());
        RepositoryLayout layout = new RepositoryLayout(repository.toString(), new Configuration());
        Manifest manifest = Repository.open(layout).manifest().orElseThrow(() -> new IllegalArgumentException(
                repository + " has no manifest.json"));
        CampaignSpec enumerated = CampaignLoader.parse(manifest.campaignYaml(), repository + "/manifest.json");
        if (!enumerated.space().equals(spec.space()) || !enumerated.structure().equals(spec.structure())
                || !enumerated.method().equals(spec.method())) {
            throw new IllegalArgumentException(repository + " holds another space, structure or method than "
                    + campaign);
        }
        if (spec.structure().samples() != 1) {
            throw new IllegalArgumentException(campaign + " samples orderings; the replay takes one per composition");
        }
        List<String> metrics = metrics(spec);
        Map<Long, Map<String, Double>> outcomes = outcomes(layout, space, metrics, spec.screening());
        List<Objective> objectives = spec.screening().objectives();
        List<Criterion> filters = spec.screening().filters();
        Replay replay = new Replay(space, objectives, filters, outcomes::get);

        List<Curve> adaptiveCurves = new ArrayList<>();
        for (long seed : seeds) {
            long t0 = System.nanoTime();
            StrategySpec.Adaptive a = withSeed(adaptive, seed);
            Curve c = replay(replay, space, spec, a, outcomes);
            adaptiveCurves.add(c);
            System.err.printf(Locale.ROOT, "bench adaptive: seed %d: %d rounds, %.0f s%n", seed, c.rounds().size(),
                    (System.nanoTime() - t0) / 1e9);
        }
        TreeSet<Integer> budgets = new TreeSet<>();
        adaptiveCurves.forEach(c -> c.points().forEach(p -> budgets.add(p.simulations())));
        List<Integer> checkpoints = new ArrayList<>(budgets);
        List<List<Replay.Point>> randomCurves = new ArrayList<>();
        for (int s = 0; s < randomSeeds; s++) {
            randomCurves.add(replay.random(1_000_003L * (s + 1), checkpoints));
        }
        List<String> comparisons = new ArrayList<>();
        for (Path run : compareRuns) {
            comparisons.add(compare(run, adaptiveCurves));
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("adaptive.csv"), csv(adaptiveCurves, randomCurves, checkpoints));
        Files.writeString(out.resolve("adaptive.svg"), RecoveryPlot.svg(adaptiveCurves, randomCurves, checkpoints,
                space.size(), "Fe–Ni–Cr fcc, " + objectives));
        long unknown = outcomes.values().stream().filter(v -> v.values().stream().anyMatch(x -> Double.isNaN(x)))
                .count();
        String md = markdown(spec, adaptive, space, replay, adaptiveCurves, randomCurves, checkpoints, comparisons,
                manifest, unknown);
        Files.writeString(out.resolve("adaptive.md"), md);
        System.out.print(md);
        return 0;
    }

    static StrategySpec.Adaptive withSeed(StrategySpec.Adaptive a, long seed) {
        return new StrategySpec.Adaptive(a.budget(), a.batch(), a.initial(), seed, a.batchRule(), a.shortlist(),
                a.referencePoint(), a.fitRestarts(), a.maxFitPoints());
    }

    /** The objective and filter metrics. */
    static List<String> metrics(CampaignSpec spec) {
        Set<String> m = new LinkedHashSet<>();
        spec.screening().objectives().forEach(o -> m.add(o.metric()));
        spec.screening().filters().forEach(f -> m.add(f.metric()));
        return List.copyOf(m);
    }

    /**
     * Every candidate's metric values by index, as an adaptive run observes them: unknown (NaN) for a failed record or
     * one the ranking leaves out for its flags. The repository must hold each candidate of the space once.
     */
    static Map<Long, Map<String, Double>> outcomes(RepositoryLayout layout, CandidateSpace space, List<String> metrics,
            org.matscreen.core.campaign.ScreeningSpec screening) {
        Map<Long, Map<String, Double>> out = new HashMap<>();
        new ResultReader(layout).forEach(r -> {
            long i = r.candidateIndex();
            if (i < 0 || i >= space.size() || !space.candidate(i).composition().formula().equals(r.composition().formula())) {
                throw new IllegalArgumentException("record " + r.id() + " (index " + i + ", " + r.composition()
                        + ") is not candidate " + i + " of the campaign's space");
            }
            boolean known = r.status() == org.matscreen.core.sim.Status.OK && !screening.excludes(r.flags());
            Map<String, Double> v = new HashMap<>();
            metrics.forEach(m -> v.put(m, known ? r.metric(m) : Double.NaN));
            if (out.put(i, v) != null) {
                throw new IllegalArgumentException("candidate " + i + " has two records");
            }
        });
        if (out.size() != space.size()) {
            throw new IllegalArgumentException(layout.root() + " holds " + out.size() + " of the " + space.size()
                    + " candidates: finish the exhaustive run first");
        }
        return out;
    }

    /** The strategy run to its end, "simulating" by looking outcomes up; one point and one pick list per round. */
    static Curve replay(Replay replay, CandidateSpace space, CampaignSpec spec, StrategySpec.Adaptive a,
            Map<Long, Map<String, Double>> outcomes) {
        AdaptiveStrategy strategy = new AdaptiveStrategy(space, spec.screening().objectives(),
                spec.screening().filters(), a);
        LocalScorer scorer = new LocalScorer();
        List<Observation> committed = new ArrayList<>();
        List<Replay.Point> points = new ArrayList<>();
        List<List<Long>> rounds = new ArrayList<>();
        while (true) {
            // the order a real run reads its records in: by candidate index
            committed.sort(java.util.Comparator.comparingLong(Observation::index));
            Plan plan = strategy.next(committed, scorer);
            if (!(plan instanceof Plan.Batch batch)) {
                return new Curve("seed " + a.seed(), points, rounds);
            }
            List<Long> picks = batch.picks().stream().map(Pick::index).toList();
            for (long i : picks) {
                committed.add(new Observation(i, outcomes.get(i)));
            }
            rounds.add(picks);
            points.add(replay.evaluate(committed));
        }
    }

    /** Whether a real run's rounds simulated what the replay of its seed chose. */
    static String compare(Path run, List<Curve> curves) {
        Manifest m = Repository.open(new RepositoryLayout(run.toString(), new Configuration())).manifest()
                .orElseThrow(() -> new IllegalArgumentException(run + " has no manifest.json"));
        AdaptiveManifest a = m.adaptive();
        if (a == null) {
            throw new IllegalArgumentException(run + " is not an adaptive campaign's repository");
        }
        String seed = a.settings().get("seed");
        Curve c = curves.stream().filter(x -> x.label().equals("seed " + seed)).findFirst().orElse(null);
        if (c == null) {
            return String.format(Locale.ROOT, "real run %s (seed %s): no replay of that seed", run.getFileName(),
                    seed);
        }
        int same = 0;
        int n = Math.min(a.rounds().size(), c.rounds().size());
        for (int k = 0; k < n; k++) {
            if (a.rounds().get(k).indices().equals(c.rounds().get(k))) {
                same++;
            }
        }
        long spent = a.rounds().stream().mapToLong(r -> r.picks().size()).sum();
        return String.format(Locale.ROOT, "real run `%s` (seed %s, `matscreen run`, records from the exhaustive run's"
                + " result cache): %d rounds, %d simulations; %d of its %d rounds picked exactly the replay's"
                + " candidates in the replay's order%s", run.getFileName(), seed, a.rounds().size(), spent, same,
                a.rounds().size(), a.rounds().size() == c.rounds().size() ? "" : " (the replay had "
                        + c.rounds().size() + " rounds)");
    }

    static String csv(List<Curve> adaptive, List<List<Replay.Point>> random, List<Integer> checkpoints) {
        StringBuilder b = new StringBuilder("strategy,seed,simulations,hypervolume_fraction,front_members_fraction\n");
        for (Curve c : adaptive) {
            for (Replay.Point p : c.points()) {
                b.append(String.format(Locale.ROOT, "adaptive,%s,%d,%.6f,%.6f%n", c.label().replace("seed ", ""),
                        p.simulations(), p.volumeFraction(), p.membersFraction()));
            }
        }
        for (int s = 0; s < random.size(); s++) {
            for (Replay.Point p : random.get(s)) {
                b.append(String.format(Locale.ROOT, "random,%d,%d,%.6f,%.6f%n", s, p.simulations(),
                        p.volumeFraction(), p.membersFraction()));
            }
        }
        return b.toString();
    }

    /** Values at {@code budget} of every curve that reached it. */
    static double[] at(List<List<Replay.Point>> curves, int budget, boolean volume) {
        return curves.stream().flatMap(List::stream).filter(p -> p.simulations() == budget)
                .mapToDouble(p -> volume ? p.volumeFraction() : p.membersFraction()).toArray();
    }

    static List<List<Replay.Point>> points(List<Curve> curves) {
        return curves.stream().map(Curve::points).toList();
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** The q-th quantile (0–1) of a sample, NaN for an empty one. */
    static double quantile(double[] v, double q) {
        return Stats.percentile(v, 100 * q);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    /** @param unknown candidates whose outcome is unknown (failed, or left out of the ranking for their flags) */
    static String markdown(CampaignSpec spec, StrategySpec.Adaptive a, CandidateSpace space, Replay replay,
            List<Curve> adaptive, List<List<Replay.Point>> random, List<Integer> checkpoints,
            List<String> comparisons, Manifest enumerated, long unknown) {
        Markdown md = new Markdown();
        long n = space.size();
        md.line(String.format(Locale.ROOT, "Space: %s, %d candidates, fully computed by `%s` (%s); %d of them failed"
                + " or are left out of the ranking for their flags, and count as simulations with unknown outcome."
                + " Objectives %s%s. True Pareto front: %d members; hypervolume reference 10 %% of the front's range"
                + " past its nadir.", spec.name(), n, enumerated.campaign(), enumerated.potential().name(), unknown,
                spec.screening().objectives(), spec.screening().filters().isEmpty() ? ""
                        : ", filters " + spec.screening().filters(), replay.trueFront().size()));
        md.line();
        md.line(String.format(Locale.ROOT, "Adaptive: budget %d (%.1f %% of the space), initial design %d, batches of"
                + " %d (%s), shortlist %d, %d fit restarts, hyperparameters fitted on at most %d points; seeds %s."
                + " Random: uniform sampling without replacement, %d seeds, evaluated at the same numbers of"
                + " simulations.", a.budget(), 100.0 * a.budget() / n, a.initial(), a.batch(), a.batchRule().key(),
                a.shortlist(), a.fitRestarts(), a.maxFitPoints(), adaptive.stream().map(c -> c.label()
                        .replace("seed ", "")).toList(), random.size()));
        md.line();
        Markdown.Table t = md.table("simulations", "% of space", "adaptive HV % (mean, min–max)",
                "random HV % (mean, 5–95 %)", "adaptive front members % (mean, min–max)",
                "random front members % (mean, 5–95 %)");
        int aheadMean = 0;
        int aheadWorst = 0;
        int firstGoal = -1;
        for (int budget : checkpoints) {
            double[] av = at(points(adaptive), budget, true);
            double[] rv = at(random, budget, true);
            double[] am = at(points(adaptive), budget, false);
            double[] rm = at(random, budget, false);
            if (mean(av) > mean(rv)) {
                aheadMean++;
            }
            if (quantile(av, 0) > quantile(rv, 0.95)) {
                aheadWorst++;
            }
            if (firstGoal < 0 && av.length == adaptive.size() && quantile(av, 0) >= 0.9) {
                firstGoal = budget;
            }
            t.row(Integer.toString(budget), String.format(Locale.ROOT, "%.1f", 100.0 * budget / n),
                    pct(mean(av)) + " (" + pct(quantile(av, 0)) + "–" + pct(quantile(av, 1)) + ")",
                    pct(mean(rv)) + " (" + pct(quantile(rv, 0.05)) + "–" + pct(quantile(rv, 0.95)) + ")",
                    pct(mean(am)) + " (" + pct(quantile(am, 0)) + "–" + pct(quantile(am, 1)) + ")",
                    pct(mean(rm)) + " (" + pct(quantile(rm, 0.05)) + "–" + pct(quantile(rm, 0.95)) + ")");
        }
        t.end();
        md.line();
        md.line(String.format(Locale.ROOT, "Adaptive ahead of random (mean) at %d of %d budgets; its worst seed above"
                + " random's 95th percentile at %d of %d. Every adaptive seed reaches 90 %% of the true front's"
                + " hypervolume %s.", aheadMean, checkpoints.size(), aheadWorst, checkpoints.size(),
                firstGoal < 0 ? "at no budget tried" : String.format(Locale.ROOT, "after %d simulations (%.1f %% of"
                        + " the space)", firstGoal, 100.0 * firstGoal / n)));
        for (String c : comparisons) {
            md.line();
            md.line(c + ".");
        }
        return md.toString();
    }
}
