package org.matscreen.core.adaptive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.space.CandidateSpace;

/**
 * Replays campaigns over a space whose every candidate is already computed (a fully enumerated repository, or
 * analytic functions), to measure how fast a strategy recovers the true Pareto front: after each round, the fraction
 * of the true front's hypervolume and of its members that the simulated candidates reach. The true front is found by
 * brute force; the hypervolume's reference point lies 10 % of the front's range past its nadir, so the volume
 * measures the front rather than the corner of the space.
 */
public final class Replay {
    /**
     * The state of a campaign after some simulations.
     *
     * @param volumeFraction hypervolume of the feasible simulated candidates / that of the true front
     * @param membersFraction members of the true front among the simulated candidates
     */
    public record Point(int simulations, double volumeFraction, double membersFraction) {}

    private final CandidateSpace space;
    private final List<Objective> objectives;
    private final List<Criterion> filters;
    private final LongFunction<Map<String, Double>> outcomes;
    private final List<double[]> trueFront;
    private final double[] reference;
    private final double trueVolume;

    /**
     * @param outcomes the computed metric values of a candidate by index (every objective and filter metric)
     */
    public Replay(CandidateSpace space, List<Objective> objectives, List<Criterion> filters,
            LongFunction<Map<String, Double>> outcomes) {
        this.space = space;
        this.objectives = List.copyOf(objectives);
        this.filters = List.copyOf(filters);
        this.outcomes = outcomes;
        List<double[]> all = new ArrayList<>();
        for (long i = 0; i < space.size(); i++) {
            double[] c = feasibleCosts(outcomes.apply(i));
            if (c != null) {
                all.add(c);
            }
        }
        double[] far = new double[objectives.size()];
        Arrays.fill(far, Double.POSITIVE_INFINITY);
        List<double[]> front = Hypervolume.front(all, far);
        if (front.isEmpty()) {
            throw new IllegalArgumentException("no candidate of the space passes the filters");
        }
        this.trueFront = front;
        this.reference = new double[objectives.size()];
        for (int k = 0; k < reference.length; k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] c : front) {
                lo = Math.min(lo, c[k]);
                hi = Math.max(hi, c[k]);
            }
            reference[k] = hi + 0.1 * (hi > lo ? hi - lo : Math.max(1, Math.abs(hi)));
        }
        this.trueVolume = Hypervolume.of(front, reference);
    }

    /** The true Pareto front (cost vectors: smaller is better). */
    public List<double[]> trueFront() {
        return trueFront;
    }

    public double[] reference() {
        return reference.clone();
    }

    /** Costs of a feasible outcome with every objective known, else null. */
    private double[] feasibleCosts(Map<String, Double> values) {
        for (Criterion f : filters) {
            Double v = values.get(f.metric());
            if (v == null || !f.test(v)) {
                return null;
            }
        }
        double[] c = new double[objectives.size()];
        for (int k = 0; k < c.length; k++) {
            Double v = values.get(objectives.get(k).metric());
            if (v == null || !Double.isFinite(v)) {
                return null;
            }
            c[k] = objectives.get(k).cost(v);
        }
        return c;
    }

    /** How far a set of simulated candidates got. */
    public Point evaluate(List<Observation> observed) {
        List<double[]> costs = new ArrayList<>();
        for (Observation o : observed) {
            double[] c = feasibleCosts(o.values());
            if (c != null) {
                costs.add(c);
            }
        }
        int members = 0;
        for (double[] t : trueFront) {
            for (double[] c : costs) {
                if (Arrays.equals(c, t)) {
                    members++;
                    break;
                }
            }
        }
        return new Point(observed.size(), Hypervolume.of(costs, reference) / trueVolume,
                (double) members / trueFront.size());
    }

    /** Runs a strategy to its end, "simulating" by looking the outcomes up; one point per round. */
    public List<Point> run(Strategy strategy, CandidateScorer scorer) {
        List<Observation> committed = new ArrayList<>();
        List<Point> curve = new ArrayList<>();
        while (true) {
            Plan plan = strategy.next(committed, scorer);
            if (!(plan instanceof Plan.Batch batch)) {
                return curve;
            }
            for (Pick p : batch.picks()) {
                committed.add(new Observation(p.index(), outcomes.apply(p.index())));
            }
            curve.add(evaluate(committed));
        }
    }

    /** Uniform random sampling without replacement, evaluated after each of the given numbers of simulations. */
    public List<Point> random(long seed, List<Integer> checkpoints) {
        int last = checkpoints.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (last > space.size()) {
            throw new IllegalArgumentException("cannot sample " + last + " of " + space.size() + " candidates");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Set<Long> seen = new HashSet<>();
        List<Observation> observed = new ArrayList<>();
        List<Point> curve = new ArrayList<>();
        Iterator<Integer> next = checkpoints.stream().sorted().iterator();
        int target = next.hasNext() ? next.next() : -1;
        while (target >= 0) {
            if (observed.size() == target) {
                curve.add(evaluate(observed));
                target = next.hasNext() ? next.next() : -1;
                continue;
            }
            long i = rnd.nextLong(space.size());
            if (seen.add(i)) {
                observed.add(new Observation(i, outcomes.apply(i)));
            }
        }
        return curve;
    }
}
