package org.matscreen.core.adaptive;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.matscreen.core.campaign.StrategySpec;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.space.ChemicalSpace;
import org.matscreen.core.structure.Prototype;

/**
 * Synthetic "simulations" over a real composition simplex, with analytic objectives whose true Pareto front is found
 * by brute force: the test bed of the adaptive strategy.
 */
final class SyntheticCampaigns {
    static final String F1 = "dh_mix_ev_per_atom"; // minimised
    static final String F2 = "bulk_modulus_gpa"; // maximised
    static final String G = "lattice_parameter_angstrom"; // filtered
    static final String[] ELEMENTS = {"Co", "Cr", "Fe", "Mn", "Ni"};

    private SyntheticCampaigns() {}

    /** Co–Cr–Fe–Mn–Ni quinaries at 5 % steps, every element present: C(19,4) = 3876 candidates. */
    static CandidateSpace quinary() {
        ChemicalSpace cs = new ChemicalSpace(List.of(ELEMENTS), List.of(5), 20, Map.of(), Map.of(), List.of(), false,
                List.of());
        return CandidateSpace.of(cs, List.of(Prototype.FCC), "synthetic");
    }

    static double[] fractions(Composition c) {
        double[] x = new double[ELEMENTS.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = c.contains(ELEMENTS[k]) ? c.fraction(ELEMENTS[k]) : 0;
        }
        return x;
    }

    /** Two conflicting smooth objectives and a filter quantity, in the metrics' units. */
    static Map<String, Double> simulate(Candidate c) {
        double[] x = fractions(c.composition());
        double[] a = {0.45, 0.1, 0.15, 0.1, 0.2};
        double[] b = {0.1, 0.4, 0.25, 0.1, 0.15};
        double da = 0;
        double db = 0;
        for (int k = 0; k < x.length; k++) {
            da += (x[k] - a[k]) * (x[k] - a[k]);
            db += (x[k] - b[k]) * (x[k] - b[k]);
        }
        double f1 = 0.4 * da + 0.02 * Math.sin(5 * x[2] + 2 * x[4]) - 0.05 + 0.03 * x[3];
        double f2 = 220 - 400 * db + 15 * x[0] * x[4] - 20 * x[3];
        double g = 3.52 + 0.12 * x[1] - 0.05 * x[4] + 0.03 * x[0] * x[2] + 0.02 * x[3];
        return Map.of(F1, f1, F2, f2, G, g);
    }

    static final List<Objective> OBJECTIVES = List.of(new Objective(F1, false), new Objective(F2, true));
    static final List<Criterion> FILTERS = List.of(new Criterion(G, Criterion.Op.LT, 3.56));

    static StrategySpec.Adaptive spec(int budget, int batch, int initial, long seed,
            StrategySpec.BatchRule rule) {
        return new StrategySpec.Adaptive(budget, batch, initial, seed, rule, 200, Map.of(), 3, 400);
    }

    /** Runs a strategy to the end, simulating each plan's picks. */
    static List<Observation> run(AdaptiveStrategy strategy, CandidateSpace space) {
        List<Observation> committed = new ArrayList<>();
        CandidateScorer scorer = new LocalScorer();
        for (int round = 0; round < 10_000; round++) {
            Plan plan = strategy.next(committed, scorer);
            if (plan instanceof Plan.Done) {
                return committed;
            }
            for (Pick p : ((Plan.Batch) plan).picks()) {
                committed.add(new Observation(p.index(), simulate(space.candidate(p.index()))));
            }
        }
        throw new IllegalStateException("no end");
    }

    /** The same number of candidates drawn uniformly at random without replacement. */
    static List<Observation> random(CandidateSpace space, int budget, long seed) {
        List<Observation> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        while (out.size() < budget) {
            long i = rnd.nextLong(space.size());
            if (seen.add(i)) {
                out.add(new Observation(i, simulate(space.candidate(i))));
            }
        }
        return out;
    }

    static double[] costs(Map<String, Double> v) {
        return new double[] {v.get(F1), -v.get(F2)};
    }

    static boolean feasible(Map<String, Double> v) {
        return FILTERS.get(0).test(v.get(G));
    }

    /** Cost vectors of every feasible candidate of the space. */
    static List<double[]> allFeasibleCosts(CandidateSpace space) {
        List<double[]> out = new ArrayList<>();
        for (Iterator<Candidate> it = space.range(0, space.size()); it.hasNext(); ) {
            Map<String, Double> v = simulate(it.next());
            if (feasible(v)) {
                out.add(costs(v));
            }
        }
        return out;
    }

    static List<double[]> feasibleCosts(List<Observation> observations) {
        List<double[]> out = new ArrayList<>();
        for (Observation o : observations) {
            if (feasible(o.values())) {
                out.add(costs(o.values()));
            }
        }
        return out;
    }

    /** A reference point just past the worst feasible cost of the whole space. */
    static double[] reference(List<double[]> all) {
        double[] ref = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] c : all) {
            ref[0] = Math.max(ref[0], c[0]);
            ref[1] = Math.max(ref[1], c[1]);
        }
        ref[0] += 1e-6;
        ref[1] += 1e-6;
        return ref;
    }
}
