package org.matscreen.spark.adaptive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.campaign.StrategySpec;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.repository.AdaptiveManifest;
import org.matscreen.repository.Manifest;

/**
 * The strategy's part of a campaign's identity. An adaptive campaign's rounds are a function of its settings (seed,
 * initial design, batch, …, objectives and filters) and of what is committed, so a repository holds one sequence of
 * rounds: a run whose settings differ from those the rounds were planned with is refused, naming the setting, as is
 * switching a repository between exhaustive and adaptive screening. The budget may change: raising it continues the
 * same sequence.
 */
public final class AdaptiveIdentity {
    private static final String FIX = "rerun with --fresh to start over (the records come back from the result cache"
            + " instead of being computed again), or choose another --out";

    private AdaptiveIdentity() {}

    /** The settings recorded for a campaign: the strategy's, then its objectives and filters. */
    public static Map<String, String> settings(CampaignSpec spec) {
        StrategySpec.Adaptive a = (StrategySpec.Adaptive) spec.screening().strategy();
        Map<String, String> m = new LinkedHashMap<>(a.identity());
        m.put("objectives", spec.screening().objectives().toString());
        m.put("filters", spec.screening().filters().toString());
        return m;
    }

    /** The adaptive section of a new repository's manifest (null for an exhaustive campaign). */
    public static AdaptiveManifest initial(CampaignSpec spec) {
        if (!(spec.screening().strategy() instanceof StrategySpec.Adaptive a)) {
            return null;
        }
        return new AdaptiveManifest(a.budget(), settings(spec), List.of(), null);
    }

    /**
     * The existing manifest, with the campaign's budget, if the campaign may continue it; otherwise an input error
     * naming what changed.
     *
     * @param root the repository, for messages
     * @param committed counts the records the repository holds (a killed run's records are not in the manifest's
     *     counts)
     */
    public static Manifest check(Manifest existing, CampaignSpec spec, String root,
            java.util.function.LongSupplier committed) {
        AdaptiveManifest recorded = existing.adaptive();
        boolean adaptive = spec.screening().strategy() instanceof StrategySpec.Adaptive;
        if (!adaptive) {
            if (recorded != null) {
                throw new InvalidInputException(spec.source(), "screening.strategy", "the repository " + root
                        + " holds an adaptive campaign (" + recorded.rounds().size() + " rounds), and its records are"
                        + " the ones its rounds chose; screening it exhaustively would mix the two: " + FIX);
            }
            return existing;
        }
        StrategySpec.Adaptive a = (StrategySpec.Adaptive) spec.screening().strategy();
        if (recorded == null) {
            long records = committed.getAsLong();
            if (records > 0 || !existing.runs().isEmpty()) {
                throw new InvalidInputException(spec.source(), "screening.strategy", "the repository " + root
                        + " was screened exhaustively (" + records + " records); an adaptive campaign spends its"
                        + " budget from its own initial design: " + FIX);
            }
            return existing.withAdaptive(initial(spec));
        }
        Map<String, String> now = settings(spec);
        for (Map.Entry<String, String> e : recorded.settings().entrySet()) {
            String current = now.get(e.getKey());
            if (!e.getValue().equals(current)) {
                String field = e.getKey().equals("objectives") || e.getKey().equals("filters")
                        ? "screening." + e.getKey() : "screening.adaptive." + e.getKey();
                throw new InvalidInputException(spec.source(), field, "was " + e.getValue() + " when the "
                        + recorded.rounds().size() + " rounds in " + root + " were planned, and is " + current
                        + " now; the rounds that follow would not continue that sequence: " + FIX);
            }
        }
        for (String key : now.keySet()) {
            if (!recorded.settings().containsKey(key)) {
                throw new InvalidInputException(spec.source(), "screening.adaptive." + key, "is not among the settings"
                        + " the rounds in " + root + " were planned with (" + recorded.settings().keySet() + "): "
                        + FIX);
            }
        }
        return a.budget() == recorded.budget() ? existing : existing.withAdaptive(recorded.withBudget(a.budget()));
    }
}
