package org.matscreen.core.adaptive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a {@link Strategy} asks to compute next. */
public sealed interface Plan permits Plan.Enumerate, Plan.Batch, Plan.Done {

    /** Every candidate {@code [0, candidates)} that is not committed yet (exhaustive screening). */
    record Enumerate(long candidates) implements Plan {}

    /** Why a batch was chosen. */
    enum Phase {
        /** The space-filling initial design (round 0). */
        INITIAL,
        /** More space-filling points, because a simulated quantity has too few results to fit a model. */
        SPACE_FILLING,
        /** The surrogate's acquisition function chose the batch. */
        ACQUISITION
    }

    /**
     * One round: these candidates, in this order.
     *
     * @param model per quantity, the fitted surrogate (empty for the space-filling phases)
     * @param referencePoint the hypervolume reference per objective metric, in the metric's unit (empty for the
     *     space-filling phases)
     * @param frontSize feasible observations on the measured Pareto front when the batch was chosen
     */
    record Batch(Phase phase, List<Pick> picks, List<QuantityFit> model, Map<String, Double> referencePoint,
            int frontSize) implements Plan {
        public Batch {
            picks = List.copyOf(picks);
            model = List.copyOf(model);
            referencePoint = new LinkedHashMap<>(referencePoint);
        }

        public List<Long> indices() {
            return picks.stream().map(Pick::index).toList();
        }
    }

    /** Nothing is left to compute, for the reason given. */
    record Done(String reason) implements Plan {}
}
