package org.matscreen.core.campaign;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.space.ChemicalSpace;
import org.matscreen.core.structure.Prototype;

/** Reads {@code screening.strategy} and {@code screening.adaptive} (see {@link StrategySpec}). */
final class StrategySettings {
    /** Keys this class reads in the {@code screening} section. */
    static final Set<String> KEYS = Set.of("strategy", "adaptive");
    /** The exact cell decomposition behind expected hypervolume improvement grows as (front size)^(objectives−1). */
    static final int MAX_OBJECTIVES = 4;

    private StrategySettings() {}

    static StrategySpec parse(Node screening, List<Criterion> filters, List<Objective> objectives,
            ChemicalSpace space, List<Prototype> prototypes) {
        Node strategy = screening.get("strategy");
        Node section = screening.get("adaptive");
        String key = strategy.text("exhaustive").strip().toLowerCase(Locale.ROOT);
        switch (key) {
            case "exhaustive" -> {
                if (!section.isMissing()) {
                    throw section.error("is read only with 'strategy: adaptive' (strategy here: exhaustive)");
                }
                return new StrategySpec.Exhaustive();
            }
            case "adaptive" -> {
                return adaptive(section, filters, objectives, space, prototypes, screening);
            }
            default -> throw strategy.error("must be exhaustive or adaptive, got '" + key + "'");
        }
    }

    private static StrategySpec.Adaptive adaptive(Node n, List<Criterion> filters, List<Objective> objectives,
            ChemicalSpace space, List<Prototype> prototypes, Node screening) {
        if (n.isMissing()) {
            throw n.error("is required with 'strategy: adaptive': give at least 'budget' (simulations in all)");
        }
        n.allowOnly(Set.of("budget", "batch", "initial", "seed", "batch_rule", "shortlist", "reference_point",
                "fit_restarts", "max_fit_points"));
        if (n.get("budget").isMissing()) {
            throw n.get("budget").error("is required: the number of simulations the campaign may spend");
        }
        int budget = n.get("budget").integer(0, 2, 100_000_000);
        int batch = n.get("batch").integer(Math.min(10, budget), 1, budget);
        int elements = space.explicit().isEmpty() ? space.elements().size()
                : (int) space.explicit().stream().flatMap(c -> c.symbols().stream()).distinct().count();
        int initialDefault = Math.min(Math.max(10, 5 * elements), Math.max(3, budget / 4));
        int initial = n.get("initial").integer(Math.min(initialDefault, budget), 3, budget);
        long seed = n.get("seed").integer(0, 0, Integer.MAX_VALUE);
        String rule = n.get("batch_rule").text(StrategySpec.BatchRule.KRIGING_BELIEVER.key()).strip()
                .toLowerCase(Locale.ROOT);
        StrategySpec.BatchRule batchRule = null;
        for (StrategySpec.BatchRule r : StrategySpec.BatchRule.values()) {
            if (r.key().equals(rule)) {
                batchRule = r;
            }
        }
        if (batchRule == null) {
            throw n.get("batch_rule").error("must be kriging_believer or constant_liar, got '" + rule + "'");
        }
        int shortlist = n.get("shortlist").integer(Math.min(100_000, Math.max(200, 20 * batch)), 1, 100_000);
        if (shortlist < batch) {
            throw n.get("shortlist").error("must be at least the batch size " + batch + ", got " + shortlist);
        }
        Map<String, Double> reference = new TreeMap<>();
        Node ref = n.get("reference_point");
        if (!ref.isMissing()) {
            for (Map.Entry<String, Node> e : ref.entries().entrySet()) {
                if (objectives.stream().noneMatch(o -> o.metric().equals(e.getKey()))) {
                    throw e.getValue().error("'" + e.getKey() + "' is not an objective of this campaign (objectives: "
                            + objectives + ")");
                }
                reference.put(e.getKey(), e.getValue().number(Double.NaN));
            }
            for (Objective o : objectives) {
                if (!reference.containsKey(o.metric())) {
                    throw ref.error("gives no value for objective '" + o.metric() + "' (give every objective, or"
                            + " leave reference_point out to place it past the worst value observed)");
                }
            }
        }
        int restarts = n.get("fit_restarts").integer(5, 1, 100);
        int maxFitPoints = n.get("max_fit_points").integer(400, 10, 5000);

        if (objectives.size() > MAX_OBJECTIVES) {
            throw screening.get("objectives").error("an adaptive campaign takes at most " + MAX_OBJECTIVES
                    + " objectives (expected hypervolume improvement is computed exactly, at a cost growing as the"
                    + " front size to the power objectives − 1), got " + objectives.size());
        }
        for (int i = 0; i < filters.size(); i++) {
            Criterion f = filters.get(i);
            if (f.op() == Criterion.Op.EQ && Metrics.isPropertyMetric(f.metric())) {
                throw screening.get("filters").list().get(i).error("an adaptive campaign predicts '" + f.metric()
                        + "' with an uncertainty, so the chance of it being exactly " + f.value() + " is zero; use"
                        + " a range (<=, >=)");
            }
        }
        CandidateSpace candidates = CandidateSpace.of(space, prototypes, n.source());
        if (candidates.size() > 0 && budget >= candidates.size()) {
            throw n.get("budget").error("the space holds " + candidates.size() + " candidates, so a budget of "
                    + budget + " simulates all of them: use 'strategy: exhaustive' (or a smaller budget)");
        }
        return new StrategySpec.Adaptive(budget, batch, initial, seed, batchRule, shortlist, reference, restarts,
                maxFitPoints);
    }
}
