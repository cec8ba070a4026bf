package org.matscreen.core.campaign;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a campaign chooses what to simulate: {@code screening.strategy} in the campaign file.
 *
 * <pre>
 * screening:
 *   strategy: adaptive          # exhaustive (the default) simulates every candidate
 *   adaptive:
 *     budget: 400               # simulations in all, initial design included
 *     batch: 20                 # candidates per round
 *     initial: 40               # size of the space-filling initial design (round 0)
 *     seed: 7                   # makes the design and the hyperparameter starts reproducible
 *     batch_rule: kriging_believer   # or constant_liar
 *     shortlist: 1000           # best single-point candidates the batch rule chooses among
 *     reference_point: {dh_mix_ev_per_atom: 0.1, bulk_modulus_gpa: 50}   # in the metrics' units (optional)
 *     fit_restarts: 5           # starts of the marginal-likelihood maximisation
 *     max_fit_points: 400       # hyperparameters are fitted on at most this many observations
 * </pre>
 */
public sealed interface StrategySpec extends Serializable permits StrategySpec.Exhaustive, StrategySpec.Adaptive {

    /** The key of this strategy in campaign files. */
    String key();

    /** Every candidate of the space is simulated (the default). */
    record Exhaustive() implements StrategySpec {
        @Override
        public String key() {
            return "exhaustive";
        }
    }

    /** How the picks of one round are kept apart (Ginsbourger, Le Riche &amp; Carraro 2010). */
    enum BatchRule {
        /** A picked candidate is taken to come out at its predicted mean. */
        KRIGING_BELIEVER("kriging_believer"),
        /** A picked candidate is taken to come out at the worst value observed so far in every objective. */
        CONSTANT_LIAR("constant_liar");

        private final String key;

        BatchRule(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * A Gaussian-process surrogate picks each round's candidates by expected hypervolume improvement times the
     * probability of passing the filters.
     *
     * @param budget simulations in all, including the initial design
     * @param batch candidates per round after the initial design
     * @param initial size of the space-filling initial design
     * @param seed seed of the design sample and of the hyperparameter starts
     * @param batchRule how a round's picks are kept diverse
     * @param shortlist the best candidates by single-point acquisition among which the batch rule chooses
     * @param referencePoint hypervolume reference per objective metric, in the metric's unit; empty: from the data
     * @param fitRestarts starts of the log-marginal-likelihood maximisation per quantity
     * @param maxFitPoints observations used to fit hyperparameters (the model itself uses all)
     */
    record Adaptive(int budget, int batch, int initial, long seed, BatchRule batchRule, int shortlist,
            Map<String, Double> referencePoint, int fitRestarts, int maxFitPoints) implements StrategySpec {

        public Adaptive {
            referencePoint = Collections.unmodifiableMap(new TreeMap<>(referencePoint));
        }

        @Override
        public String key() {
            return "adaptive";
        }

        /**
         * The settings that shape the sequence of rounds, by their campaign-file keys, as text: a campaign resumed
         * with other ones would not continue the sequence it started. The budget is not among them: raising it
         * continues the same sequence further.
         */
        public Map<String, String> identity() {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("seed", Long.toString(seed));
            m.put("initial", Integer.toString(initial));
            m.put("batch", Integer.toString(batch));
            m.put("batch_rule", batchRule.key());
            m.put("shortlist", Integer.toString(shortlist));
            m.put("reference_point", referencePoint.isEmpty() ? "from the data" : referencePoint.toString());
            m.put("fit_restarts", Integer.toString(fitRestarts));
            m.put("max_fit_points", Integer.toString(maxFitPoints));
            return m;
        }

        /** Rounds the budget takes when every round is full: the initial design, then batches. */
        public int nominalRounds() {
            int after = Math.max(0, budget - initial);
            return 1 + (after + batch - 1) / batch;
        }
    }
}
