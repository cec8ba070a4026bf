package org.matscreen.core.adaptive;

import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.campaign.StrategySpec;
import org.matscreen.core.space.CandidateSpace;

/** The strategy a campaign asks for. */
public final class Strategies {
    private Strategies() {}

    public static Strategy of(CampaignSpec spec) {
        CandidateSpace space = CandidateSpace.of(spec.space(), spec.structure().prototypes(), spec.source());
        if (spec.screening().strategy() instanceof StrategySpec.Adaptive) {
            return new AdaptiveStrategy(space, spec.screening());
        }
        return new ExhaustiveStrategy(space);
    }
}
