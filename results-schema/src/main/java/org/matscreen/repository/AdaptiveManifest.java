package org.matscreen.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The adaptive part of a campaign's manifest ({@code manifest.json}, field {@code adaptive}; absent for exhaustive
 * campaigns): the strategy's settings, every round as it was planned and, once simulated, how its predictions held,
 * and the outputs of the last completed campaign run (surrogate map, measured and predicted fronts).
 *
 * <p>A round is written here <em>before</em> its candidates are simulated ({@link Round#PLANNED}) and marked
 * {@link Round#COMPLETE} once they are committed, so a run killed in round k simulates exactly round k's picks when
 * it is resumed, instead of planning again. Numbers that are not finite (a design pick has no acquisition value, a
 * failed fit no likelihood) are written as JSON {@code null}.
 *
 * @param budget simulations the campaign may spend in all (may be raised between runs)
 * @param settings the strategy's settings that make its rounds what they are (seed, initial design, batch, batch
 *     rule, shortlist, reference point, fit settings, objectives, filters), as text; a run with different ones is
 *     refused
 * @param rounds every round, oldest first
 * @param outcome the surrogate's final view, written when a run finds nothing left to compute; null before
 */
public record AdaptiveManifest(int budget, Map<String, String> settings, List<Round> rounds, Outcome outcome) {

    public AdaptiveManifest {
        settings = new LinkedHashMap<>(settings);
        rounds = List.copyOf(rounds);
    }

    /** The last round, or null before the first. */
    public Round lastRound() {
        return rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
    }

    /** This manifest with {@code round} replacing the round of the same number, or appended. */
    public AdaptiveManifest withRound(Round round) {
        List<Round> out = new java.util.ArrayList<>(rounds);
        if (!out.isEmpty() && out.get(out.size() - 1).number() == round.number()) {
            out.set(out.size() - 1, round);
        } else {
            out.add(round);
        }
        return new AdaptiveManifest(budget, settings, out, outcome);
    }

    public AdaptiveManifest withBudget(int newBudget) {
        return new AdaptiveManifest(newBudget, settings, rounds, outcome);
    }

    public AdaptiveManifest withOutcome(Outcome newOutcome) {
        return new AdaptiveManifest(budget, settings, rounds, newOutcome);
    }

    /**
     * One round.
     *
     * @param number 0 for the initial design, then 1, 2, …
     * @param phase why the batch was chosen: {@code initial}, {@code space_filling} or {@code acquisition}
     * @param state {@link #PLANNED} (written before simulating) or {@link #COMPLETE}
     * @param observations committed candidates the round was planned from
     * @param referencePoint hypervolume reference per objective metric, in the metric's unit (empty for the
     *     space-filling phases)
     * @param frontSize feasible observations on the measured Pareto front when the batch was chosen
     * @param picks the batch, in the order chosen
     * @param model per quantity, the fitted surrogate (empty for the space-filling phases)
     * @param calibration per metric, how the picks' outcomes fell against their predictions (empty until complete,
     *     and for space-filling rounds, which predict nothing)
     */
    public record Round(int number, String phase, String state, String plannedAt, String completedAt,
            int observations, Map<String, Double> referencePoint, int frontSize, List<RoundPick> picks,
            List<QuantityModel> model, List<RoundCalibration> calibration) {
        public static final String PLANNED = "planned";
        public static final String COMPLETE = "complete";

        public Round {
            referencePoint = finite(referencePoint);
            picks = List.copyOf(picks);
            model = List.copyOf(model);
            calibration = List.copyOf(calibration);
            completedAt = completedAt == null ? "" : completedAt;
        }

        public boolean complete() {
            return COMPLETE.equals(state);
        }

        public List<Long> indices() {
            return picks.stream().map(RoundPick::index).toList();
        }

        /** This round, marked complete at {@code when} with its calibration. */
        public Round completed(String when, List<RoundCalibration> measured) {
            return new Round(number, phase, COMPLETE, plannedAt, when, observations, referencePoint, frontSize,
                    picks, model, measured);
        }
    }

    /**
     * A candidate a round chose, with what the model expected of it.
     *
     * @param index the candidate's index in the campaign's enumeration
     * @param id the candidate's id (content hash), as its record will carry it
     * @param acquisition expected hypervolume improvement × probability of passing the filters when it was picked
     *     (after the batch rule's earlier picks); null for a pick of the space-filling design
     * @param mean predicted value per simulated metric, in the metric's unit (empty for design picks)
     * @param sd predicted standard deviation of an observed value per simulated metric (latent and noise), in the
     *     metric's unit (empty for design picks)
     */
    public record RoundPick(long index, String id, String formula, String prototype, Double acquisition,
            Map<String, Double> mean, Map<String, Double> sd) {
        public RoundPick {
            acquisition = finite(acquisition);
            mean = finite(mean);
            sd = finite(sd);
        }
    }

    /**
     * One quantity of a round's surrogate.
     *
     * @param simulated true for a Gaussian process fitted to simulations, false for a descriptor computed exactly
     * @param trainingPoints observations the model is conditioned on
     * @param fitPoints observations the hyperparameters were fitted on
     * @param signalSd kernel standard deviation, in the metric's unit
     * @param noiseSd noise standard deviation of one observation, in the metric's unit
     * @param lengthScales per feature, in standardised feature units (large: the feature hardly matters)
     * @param logMarginalLikelihood of the standardised targets at these hyperparameters
     */
    public record QuantityModel(String metric, boolean simulated, int trainingPoints, int fitPoints, Double signalSd,
            Double noiseSd, Map<String, Double> lengthScales, Double logMarginalLikelihood) {
        public QuantityModel {
            signalSd = finite(signalSd);
            noiseSd = finite(noiseSd);
            lengthScales = finite(lengthScales);
            logMarginalLikelihood = finite(logMarginalLikelihood);
        }
    }

    /**
     * How a round's predictions of one metric held once its picks were simulated.
     *
     * @param count picks with a prediction and a finite outcome
     * @param inside95 of those, outcomes inside the central 95 % interval mean ± 1.96 sd
     * @param insideFraction inside95 / count (near 0.95 for a calibrated model)
     * @param rmse root-mean-square error of the predicted mean, in the metric's unit
     * @param rmsStandardisedError root-mean-square of error / sd (near 1 when the sds are right)
     */
    public record RoundCalibration(String metric, int count, int inside95, Double insideFraction, Double rmse,
            Double rmsStandardisedError) {
        public RoundCalibration {
            insideFraction = finite(insideFraction);
            rmse = finite(rmse);
            rmsStandardisedError = finite(rmsStandardisedError);
        }
    }

    /**
     * The surrogate refitted on every committed observation once the campaign has nothing left to compute.
     *
     * @param observations committed candidates the model was fitted on
     * @param surrogateMap the surrogate map's folder, relative to the repository root (Parquet, one row per
     *     candidate of the space)
     * @param mapRows rows of the surrogate map (the size of the space)
     * @param model per quantity, the final fit
     * @param measuredFront the simulated candidates on the Pareto front of the campaign's objectives, among those
     *     passing its filters
     * @param predictedFront candidates not simulated whose predicted means no other such candidate dominates, among
     *     those passing the filters with probability at least {@code minProbabilityFeasible}; at most
     *     {@code maxListed}, evenly thinned along the first objective
     * @param predictedFrontSize members of the predicted front before thinning
     */
    public record Outcome(String fittedAt, int observations, String surrogateMap, long mapRows,
            List<QuantityModel> model, List<FrontMember> measuredFront, List<FrontMember> predictedFront,
            int predictedFrontSize, double minProbabilityFeasible, int maxListed) {
        public Outcome {
            model = List.copyOf(model);
            measuredFront = List.copyOf(measuredFront);
            predictedFront = List.copyOf(predictedFront);
        }
    }

    /**
     * A member of a measured or predicted front.
     *
     * @param round the round that simulated it (measured front), or null (predicted front)
     * @param mean per quantity, the measured value (measured front) or the predicted mean, in the metric's unit
     * @param sd per quantity, the predicted latent standard deviation (predicted front; 0 for a descriptor); empty
     *     for the measured front
     * @param probabilityFeasible predicted probability of passing every filter (predicted front); null for the
     *     measured front
     */
    public record FrontMember(long index, String id, String formula, String prototype, Integer round,
            Map<String, Double> mean, Map<String, Double> sd, Double probabilityFeasible) {
        public FrontMember {
            mean = finite(mean);
            sd = finite(sd);
            probabilityFeasible = finite(probabilityFeasible);
        }
    }

    /** A value as JSON holds it: null where it is not a finite number. */
    static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    /** A map of values with every non-finite one as null (order kept). */
    static Map<String, Double> finite(Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> out.put(k, finite(v)));
        }
        return out;
    }
}
