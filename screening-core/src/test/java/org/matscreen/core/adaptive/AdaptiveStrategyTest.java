package org.matscreen.core.adaptive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matscreen.core.campaign.StrategySpec.BatchRule;
import org.matscreen.core.space.CandidateSpace;

/**
 * The adaptive strategy on synthetic objectives over the Co–Cr–Fe–Mn–Ni simplex (3876 candidates), whose true
 * Pareto front is found by brute force: the front it finds after a small budget, against random sampling at the same
 * budget; the calibration of its uncertainties; determinism; the budget; the batch rule.
 */
class AdaptiveStrategyTest {
    static final int BUDGET = 60; // 1.5 % of the space
    static final long[] SEEDS = {1, 2, 3};

    static CandidateSpace space;
    static List<double[]> trueFront;
    static double[] reference;
    static double trueVolume;

    @BeforeAll
    static void truth() {
        space = SyntheticCampaigns.quinary();
        List<double[]> all = SyntheticCampaigns.allFeasibleCosts(space);
        trueFront = Hypervolume.front(all, SyntheticCampaigns.reference(all));
        // reference 10 % of the front's range past its nadir, so the volume measures the front, not the far corner
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] c : trueFront) {
            for (int k = 0; k < 2; k++) {
                lo[k] = Math.min(lo[k], c[k]);
                hi[k] = Math.max(hi[k], c[k]);
            }
        }
        reference = new double[] {hi[0] + 0.1 * (hi[0] - lo[0]), hi[1] + 0.1 * (hi[1] - lo[1])};
        trueVolume = Hypervolume.of(trueFront, reference);
        assertTrue(trueFront.size() >= 20, "a front worth finding: " + trueFront.size());
    }

    static AdaptiveStrategy strategy(long seed, BatchRule rule) {
        return new AdaptiveStrategy(space, SyntheticCampaigns.OBJECTIVES, SyntheticCampaigns.FILTERS,
                SyntheticCampaigns.spec(BUDGET, 10, 20, seed, rule));
    }

    static double volumeFraction(List<Observation> observed) {
        return Hypervolume.of(SyntheticCampaigns.feasibleCosts(observed), reference) / trueVolume;
    }

    static double membersFound(List<Observation> observed) {
        List<double[]> found = SyntheticCampaigns.feasibleCosts(observed);
        int n = 0;
        for (double[] t : trueFront) {
            if (found.stream().anyMatch(f -> Arrays.equals(f, t))) {
                n++;
            }
        }
        return (double) n / trueFront.size();
    }

    @Test
    void krigingBelieverFindsTheTrueFrontFarAheadOfRandomSampling() {
        Replay replay = new Replay(space, SyntheticCampaigns.OBJECTIVES, SyntheticCampaigns.FILTERS,
                i -> SyntheticCampaigns.simulate(space.candidate(i)));
        assertEquals(trueFront.size(), replay.trueFront().size());
        assertArrayEquals(reference, replay.reference(), 0.0);
        double adaptive = 0;
        double random = 0;
        double members = 0;
        double randomMembers = 0;
        for (long seed : SEEDS) {
            List<Replay.Point> a = replay.run(strategy(seed, BatchRule.KRIGING_BELIEVER), new LocalScorer());
            List<Replay.Point> r = replay.random(seed, List.of(20, 30, 40, 50, 60));
            assertEquals(List.of(20, 30, 40, 50, 60), a.stream().map(Replay.Point::simulations).toList());
            // The maximin design spreads over the simplex, edges included, so it is not ahead of random picks
            // (measured 0.35–0.50 against 0.60–0.78 of the hypervolume); from the first model-chosen round on it is.
            for (int i = 1; i < a.size(); i++) {
                assertTrue(a.get(i).volumeFraction() > r.get(i).volumeFraction() + 0.1, "seed " + seed + " after "
                        + a.get(i).simulations() + ": adaptive " + a.get(i) + " vs random " + r.get(i));
            }
            Replay.Point end = a.get(a.size() - 1);
            Replay.Point randomEnd = r.get(r.size() - 1);
            if (seed == SEEDS[0]) { // the replay's bookkeeping against this test's own
                assertEquals(volumeFraction(SyntheticCampaigns.run(strategy(seed, BatchRule.KRIGING_BELIEVER),
                        space)), end.volumeFraction(), 1e-12);
            }
            assertTrue(end.volumeFraction() >= 0.98, "seed " + seed + ": " + end);
            adaptive += end.volumeFraction() / SEEDS.length;
            random += randomEnd.volumeFraction() / SEEDS.length;
            members += end.membersFraction() / SEEDS.length;
            randomMembers += randomEnd.membersFraction() / SEEDS.length;
        }
        // measured: 0.999 vs 0.75 of the hypervolume, 0.86 vs 0.01 of the front's members
        assertTrue(adaptive >= 0.99, "mean " + adaptive);
        assertTrue(random < 0.9, "random sampling should be clearly behind: " + random);
        assertTrue(members >= 0.6, "members of the true front found: " + members);
        assertTrue(randomMembers <= 0.1, "random sampling found members: " + randomMembers);
    }

    @Test
    void constantLiarIsAheadOfRandomSamplingToo() {
        double adaptive = 0;
        double random = 0;
        for (long seed : new long[] {1, 2}) {
            adaptive += volumeFraction(SyntheticCampaigns.run(strategy(seed, BatchRule.CONSTANT_LIAR), space)) / 2;
            random += volumeFraction(SyntheticCampaigns.random(space, BUDGET, seed)) / 2;
        }
        // measured: 0.95 vs 0.72
        assertTrue(adaptive > random + 0.1, "constant liar " + adaptive + " vs random " + random);
    }

    @Test
    void roundsSpendTheBudgetExactlyWithoutRepeatingACandidate() {
        AdaptiveStrategy s = strategy(4, BatchRule.KRIGING_BELIEVER);
        List<Observation> committed = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Plan.Phase> phases = new ArrayList<>();
        Plan plan;
        while (!((plan = s.next(committed, new LocalScorer())) instanceof Plan.Done)) {
            Plan.Batch b = (Plan.Batch) plan;
            sizes.add(b.picks().size());
            phases.add(b.phase());
            for (Pick p : b.picks()) {
                committed.add(new Observation(p.index(), SyntheticCampaigns.simulate(space.candidate(p.index()))));
            }
            if (b.phase() == Plan.Phase.ACQUISITION) {
                assertEquals(3, b.model().size());
                assertTrue(b.model().get(0).simulated() && b.model().get(0).trainingPoints() == committed.size()
                        - b.picks().size());
                assertEquals(2, b.referencePoint().size());
                assertTrue(b.picks().stream().allMatch(p -> p.mean().size() == 3 && p.sd().get(
                        SyntheticCampaigns.F2) > 0));
            }
        }
        assertEquals(List.of(20, 10, 10, 10, 10), sizes);
        assertEquals(Plan.Phase.INITIAL, phases.get(0));
        assertTrue(phases.subList(1, phases.size()).stream().allMatch(p -> p == Plan.Phase.ACQUISITION));
        assertEquals(BUDGET, new HashSet<>(committed.stream().map(Observation::index).toList()).size());
        assertTrue(((Plan.Done) plan).reason().contains("budget"));
    }

    @Test
    void theSameObservationsGiveTheSamePlanSoAResumedRunContinuesIdentically() {
        // an uninterrupted run, and a "killed" one that restarts from what was committed after two rounds with a
        // fresh strategy object
        List<Observation> full = SyntheticCampaigns.run(strategy(5, BatchRule.KRIGING_BELIEVER), space);
        List<Observation> prefix = new ArrayList<>(full.subList(0, 30));
        Plan resumed = strategy(5, BatchRule.KRIGING_BELIEVER).next(prefix, new LocalScorer());
        Plan again = strategy(5, BatchRule.KRIGING_BELIEVER).next(prefix, new LocalScorer());
        List<Long> next = ((Plan.Batch) resumed).indices();
        assertEquals(full.subList(30, 40).stream().map(Observation::index).toList(), next);
        assertEquals(next, ((Plan.Batch) again).indices());
        List<Pick> p1 = ((Plan.Batch) resumed).picks();
        List<Pick> p2 = ((Plan.Batch) again).picks();
        for (int i = 0; i < p1.size(); i++) {
            assertEquals(p1.get(i).acquisition(), p2.get(i).acquisition(), 0.0);
            assertEquals(p1.get(i).mean(), p2.get(i).mean());
        }
    }

    @Test
    void batchRuleSpreadsTheBatchMoreThanTheTopOfTheShortlist() {
        for (long seed : SEEDS) {
            AdaptiveStrategy s = strategy(seed, BatchRule.KRIGING_BELIEVER);
            List<Observation> committed = new ArrayList<>();
            for (Pick p : ((Plan.Batch) s.next(committed, new LocalScorer())).picks()) {
                committed.add(new Observation(p.index(), SyntheticCampaigns.simulate(space.candidate(p.index()))));
            }
            AdaptiveStrategy.Round round = s.fit(committed);
            List<Scored> shortlist = new LocalScorer().top(space, round.model(), 200);
            boolean[] objective = {true, true, false};
            for (BatchRule rule : BatchRule.values()) {
                double[] lie = {0.1, 0, 0};
                List<Pick> batch = BatchSelector.select(space, round.model(), shortlist, 10, rule, round.front(), lie,
                        objective);
                double spread = meanDistance(batch.stream().map(Pick::index).toList());
                double naive = meanDistance(shortlist.subList(0, 10).stream().map(Scored::index).toList());
                // measured: 0.17–0.25 against 0.09–0.13
                assertTrue(spread > 1.5 * naive, rule + " seed " + seed + ": " + spread + " vs " + naive);
                assertEquals(10, new HashSet<>(batch.stream().map(Pick::index).toList()).size());
            }
        }
    }

    static double meanDistance(List<Long> indices) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < indices.size(); i++) {
            for (int j = 0; j < i; j++) {
                double[] x = SyntheticCampaigns.fractions(space.candidate(indices.get(i)).composition());
                double[] y = SyntheticCampaigns.fractions(space.candidate(indices.get(j)).composition());
                double d = 0;
                for (int k = 0; k < x.length; k++) {
                    d += (x[k] - y[k]) * (x[k] - y[k]);
                }
                sum += Math.sqrt(d);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void uncertaintiesAreCalibratedOnHeldOutCandidates() {
        // Noisy observations (sd 2 GPa and 2 meV/atom, as if from random orderings); 150 training candidates, 400
        // held out. A calibrated model puts about 95 % of fresh observations inside mean ± 1.96 sd.
        double[] noise = {2.0, 0.002};
        String[] metrics = {SyntheticCampaigns.F2, SyntheticCampaigns.F1};
        FeatureMap features = FeatureMap.of(space, 1);
        double[] inside = new double[2];
        for (long seed : SEEDS) {
            SplittableRandom rnd = new SplittableRandom(seed * 7);
            List<Long> order = new ArrayList<>();
            for (long i = 0; i < space.size(); i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, new java.util.Random(seed));
            List<Observation> train = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                long j = order.get(i);
                train.add(new Observation(j, noisy(space, j, metrics, noise, rnd)));
            }
            SurrogateModel model = SurrogateModel.fit(space, features, List.of(metrics), train,
                    new HyperparameterFit.Options(3, 400, seed));
            for (int q = 0; q < 2; q++) {
                assertEquals(noise[q], model.noiseSd(q), 0.25 * noise[q], "fitted noise of " + metrics[q]);
            }
            for (int i = 150; i < 550; i++) {
                long j = order.get(i);
                Map<String, Double> y = noisy(space, j, metrics, noise, rnd);
                Prediction p = model.predict(space.candidate(j));
                for (int q = 0; q < 2; q++) {
                    double sd = Math.hypot(p.sd()[q], model.noiseSd(q));
                    if (Math.abs(y.get(metrics[q]) - p.mean()[q]) <= Calibration.Z95 * sd) {
                        inside[q] += 1.0 / (400 * SEEDS.length);
                    }
                }
            }
        }
        // measured: 0.95 and 0.96
        for (int q = 0; q < 2; q++) {
            assertTrue(inside[q] > 0.90 && inside[q] < 0.99, metrics[q] + ": " + inside[q] + " inside ±1.96 sd");
        }
    }

    private static Map<String, Double> noisy(CandidateSpace space, long index, String[] metrics, double[] noise,
            SplittableRandom rnd) {
        Map<String, Double> v = new HashMap<>(SyntheticCampaigns.simulate(space.candidate(index)));
        for (int q = 0; q < metrics.length; q++) {
            v.put(metrics[q], v.get(metrics[q]) + noise[q] * ExpectedHypervolumeImprovementTest.gaussian(rnd));
        }
        return v;
    }

    @Test
    void descriptorQuantitiesAreExactAndNeedNoModel() {
        List<org.matscreen.core.screening.Objective> objectives = List.of(
                new org.matscreen.core.screening.Objective(SyntheticCampaigns.F2, true),
                new org.matscreen.core.screening.Objective("price_usd_per_kg", false));
        AdaptiveStrategy s = new AdaptiveStrategy(space, objectives, List.of(),
                SyntheticCampaigns.spec(BUDGET, 10, 20, 1, BatchRule.KRIGING_BELIEVER));
        List<Observation> committed = new ArrayList<>();
        for (Pick p : ((Plan.Batch) s.next(committed, new LocalScorer())).picks()) {
            committed.add(new Observation(p.index(), SyntheticCampaigns.simulate(space.candidate(p.index()))));
        }
        Plan plan = s.next(committed, new LocalScorer());
        Plan.Batch b = assertInstanceOf(Plan.Batch.class, plan);
        assertEquals(List.of(true, false), b.model().stream().map(QuantityFit::simulated).toList());
        SurrogateModel model = s.fit(committed).model().surrogate();
        var c = space.candidate(1234);
        Prediction p = model.predict(c);
        assertEquals(org.matscreen.core.descriptors.DescriptorCalculator.standard().compute(c.composition())
                .priceUsdPerKg(), p.mean()[1], 0.0);
        assertEquals(0.0, p.sd()[1]);
        assertTrue(b.picks().stream().allMatch(k -> !k.mean().containsKey("price_usd_per_kg")));
    }

    @Test
    void calibrationCountsOutcomesInsideTheInterval() {
        List<Pick> picks = List.of(new Pick(1, 0.1, Map.of("a", 0.0), Map.of("a", 1.0)),
                new Pick(2, 0.1, Map.of("a", 0.0), Map.of("a", 1.0)),
                new Pick(3, 0.1, Map.of("a", 0.0), Map.of("a", 1.0)), Pick.design(4));
        List<Observation> out = List.of(new Observation(1, Map.of("a", 1.0)), new Observation(2, Map.of("a", -3.0)),
                new Observation(3, Map.of("a", Double.NaN)), new Observation(4, Map.of("a", 9.0)));
        List<Calibration> c = Calibration.of(picks, out);
        assertEquals(1, c.size());
        assertEquals(2, c.get(0).count());
        assertEquals(1, c.get(0).inside95());
        assertEquals(Math.sqrt((1 + 9) / 2.0), c.get(0).rmse(), 1e-12);
        assertArrayEquals(new double[] {0.5}, new double[] {c.get(0).insideFraction()});
    }
}
