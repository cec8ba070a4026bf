package org.matscreen.core.adaptive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matscreen.core.campaign.ScreeningSpec;
import org.matscreen.core.campaign.StrategySpec;
import org.matscreen.core.descriptors.DescriptorCalculator;
import org.matscreen.core.descriptors.Descriptors;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.space.CandidateSpace;

/**
 * Adaptive screening: a space-filling initial design, then rounds in which a Gaussian-process surrogate of every
 * simulated objective and filter quantity, refitted on everything committed, scores the whole space by expected
 * hypervolume improvement × probability of passing the filters ({@link Acquisition}), and the batch rule picks a
 * diverse batch from the best ({@link BatchSelector}), until the simulation budget is spent.
 *
 * <p>A pure function of the campaign and the committed observations: the design, the subset and the starts of the
 * hyperparameter fit are seeded by the campaign's seed and the number of observations, and every ranking breaks ties
 * by candidate index. The driver holds only budget-bounded data: the observations, the shortlist and the batch.
 */
public final class AdaptiveStrategy implements Strategy {
    /** The reference point lies this fraction of the observed range past the worst observed cost. */
    static final double REFERENCE_MARGIN = 0.1;

    private final CandidateSpace space;
    private final StrategySpec.Adaptive spec;
    private final List<Objective> objectives;
    private final List<Criterion> filters;
    private final List<String> quantities;
    private final DescriptorCalculator descriptors = DescriptorCalculator.standard();
    private FeatureMap features;

    public AdaptiveStrategy(CandidateSpace space, List<Objective> objectives, List<Criterion> filters,
            StrategySpec.Adaptive spec) {
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("adaptive screening needs at least one objective");
        }
        this.space = space;
        this.spec = spec;
        this.objectives = List.copyOf(objectives);
        this.filters = List.copyOf(filters);
        Set<String> q = new LinkedHashSet<>();
        objectives.forEach(o -> q.add(o.metric()));
        filters.forEach(f -> q.add(f.metric()));
        this.quantities = List.copyOf(q);
    }

    /** The strategy of a campaign whose screening section says {@code strategy: adaptive}. */
    public AdaptiveStrategy(CandidateSpace space, ScreeningSpec screening) {
        this(space, screening.objectives(), screening.filters(), (StrategySpec.Adaptive) screening.strategy());
    }

    @Override
    public String key() {
        return "adaptive";
    }

    /** Objective metrics, then filter metrics not already among them: the surrogate's quantities. */
    public List<String> quantities() {
        return quantities;
    }

    /** The campaign's feature map (computed once, from a seeded sample of the space). */
    public synchronized FeatureMap features() {
        if (features == null) {
            features = FeatureMap.of(space, spec.seed());
        }
        return features;
    }

    @Override
    public Plan next(List<Observation> committed, CandidateScorer scorer) {
        Map<Long, Observation> byIndex = distinct(committed);
        int spent = byIndex.size();
        int remaining = spec.budget() - spent;
        if (remaining <= 0) {
            return new Plan.Done("the budget of " + spec.budget() + " simulations is spent");
        }
        if (spent >= space.size()) {
            return new Plan.Done("every one of the " + space.size() + " candidates is committed");
        }
        if (spent < spec.initial()) {
            List<Pick> picks = new ArrayList<>();
            int wanted = Math.min(spec.initial() - spent, remaining);
            for (long i : InitialDesign.maximin(space, spec.initial(), spec.seed(), List.of())) {
                if (picks.size() < wanted && !byIndex.containsKey(i)) {
                    picks.add(Pick.design(i));
                }
            }
            if (!picks.isEmpty()) {
                return new Plan.Batch(Plan.Phase.INITIAL, picks, List.of(), Map.of(), 0);
            }
        }
        int count = Math.min(spec.batch(), remaining);
        List<Observation> observations = new ArrayList<>(byIndex.values());
        if (!enoughData(observations)) {
            List<Pick> picks = new ArrayList<>();
            for (long i : InitialDesign.maximin(space, count, spec.seed(), byIndex.keySet())) {
                picks.add(Pick.design(i));
            }
            return picks.isEmpty() ? new Plan.Done("every candidate is committed")
                    : new Plan.Batch(Plan.Phase.SPACE_FILLING, picks, List.of(), Map.of(), 0);
        }
        Round round = fit(observations);
        List<Scored> shortlist = scorer.top(space, round.model(), spec.shortlist());
        if (shortlist.isEmpty()) {
            return new Plan.Done("every candidate is committed");
        }
        boolean[] objective = new boolean[quantities.size()];
        double[] lie = new double[quantities.size()];
        for (Objective o : objectives) {
            int q = quantities.indexOf(o.metric());
            objective[q] = true;
            lie[q] = worst(round.values(), q, o.maximise());
        }
        List<Pick> picks = BatchSelector.select(space, round.model(), shortlist, count, spec.batchRule(),
                round.front(), lie, objective);
        return new Plan.Batch(Plan.Phase.ACQUISITION, picks, round.model().surrogate().summary(),
                referenceInUnits(round.reference()), Hypervolume.front(round.front(), round.reference()).size());
    }

    /**
     * The fitted model of a round and what it was built from.
     *
     * @param values per observation (in the order given), every quantity's value
     * @param front cost vectors of the feasible observations
     * @param reference hypervolume reference point in costs
     */
    public record Round(RoundModel model, List<Observation> observations, List<double[]> values,
            List<double[]> front, double[] reference) {}

    /**
     * The surrogate and acquisition function for these observations (what {@link #next} scores the space with), for
     * scoring outside a round: a final surrogate map, a predicted front.
     *
     * @throws IllegalArgumentException if a simulated quantity has fewer than {@link SurrogateModel#MIN_OBSERVATIONS}
     *     finite values
     */
    public Round fit(List<Observation> committed) {
        List<Observation> observations = new ArrayList<>(distinct(committed).values());
        long roundSeed = spec.seed() * 0x9E3779B97F4A7C15L + observations.size();
        SurrogateModel model = SurrogateModel.fit(space, features(), quantities, observations,
                new HyperparameterFit.Options(spec.fitRestarts(), spec.maxFitPoints(), roundSeed));
        List<double[]> values = new ArrayList<>();
        for (Observation o : observations) {
            values.add(values(o));
        }
        Acquisition costsOnly = Acquisition.of(quantities, objectives, filters, List.of(),
                new double[objectives.size()]);
        double[] reference = reference(values, costsOnly);
        List<double[]> front = new ArrayList<>();
        for (double[] v : values) {
            double[] c = costsOnly.costs(v);
            if (costsOnly.feasible(v) && java.util.Arrays.stream(c).allMatch(Double::isFinite)) {
                front.add(c);
            }
        }
        Acquisition acquisition = Acquisition.of(quantities, objectives, filters, front, reference);
        List<Long> done = observations.stream().map(Observation::index).toList();
        return new Round(new RoundModel(model, acquisition, done), observations, values, front, reference);
    }

    /** Whether every simulated quantity has enough finite observations to fit a process. */
    private boolean enoughData(List<Observation> observations) {
        for (String q : quantities) {
            if (SurrogateModel.simulated(q)) {
                long n = observations.stream().filter(o -> Double.isFinite(o.value(q))).count();
                if (n < SurrogateModel.MIN_OBSERVATIONS) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Committed observations by index, within the space (the last one of an index wins). */
    private Map<Long, Observation> distinct(List<Observation> committed) {
        Map<Long, Observation> m = new LinkedHashMap<>();
        for (Observation o : committed) {
            if (o.index() >= 0 && o.index() < space.size()) {
                m.put(o.index(), o);
            }
        }
        return m;
    }

    /** Every quantity's value for an observation: simulated ones as observed, descriptors computed exactly. */
    private double[] values(Observation o) {
        double[] v = new double[quantities.size()];
        Descriptors d = null;
        for (int q = 0; q < v.length; q++) {
            String metric = quantities.get(q);
            if (SurrogateModel.simulated(metric)) {
                v[q] = o.value(metric);
            } else {
                if (d == null) {
                    d = descriptors.compute(space.candidate(o.index()).composition());
                }
                v[q] = d.value(metric);
            }
        }
        return v;
    }

    /** The campaign's reference point, or one {@value #REFERENCE_MARGIN} of the range past the worst observed cost. */
    private double[] reference(List<double[]> values, Acquisition costsOnly) {
        double[] ref = new double[objectives.size()];
        for (int k = 0; k < ref.length; k++) {
            Objective o = objectives.get(k);
            Double given = spec.referencePoint().get(o.metric());
            if (given != null) {
                ref[k] = o.cost(given);
                continue;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] v : values) {
                double c = costsOnly.costs(v)[k];
                if (Double.isFinite(c)) {
                    lo = Math.min(lo, c);
                    hi = Math.max(hi, c);
                }
            }
            double range = hi - lo;
            ref[k] = hi + REFERENCE_MARGIN * (range > 0 ? range : Math.max(1, Math.abs(hi)));
        }
        return ref;
    }

    private Map<String, Double> referenceInUnits(double[] reference) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < objectives.size(); k++) {
            Objective o = objectives.get(k);
            m.put(o.metric(), o.maximise() ? -reference[k] : reference[k]);
        }
        return m;
    }

    /** The worst observed value of an objective quantity (the constant liar's lie). */
    private static double worst(List<double[]> values, int q, boolean maximise) {
        double w = Double.NaN;
        for (double[] v : values) {
            if (Double.isFinite(v[q]) && (Double.isNaN(w) || (maximise ? v[q] < w : v[q] > w))) {
                w = v[q];
            }
        }
        return w;
    }
}
