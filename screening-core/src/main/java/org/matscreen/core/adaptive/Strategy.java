package org.matscreen.core.adaptive;

import java.util.List;

/**
 * What to compute next, given what is committed. A job runs each plan as an ordinary run (so resume and dedup by
 * candidate id keep working) and asks again once it is committed, until the plan is {@link Plan.Done}. A strategy is
 * a pure function of the campaign and the committed observations: the same observations give the same plan.
 */
public interface Strategy {

    /** The campaign file's key of this strategy ({@code exhaustive}, {@code adaptive}). */
    String key();

    /**
     * @param committed every committed candidate of the campaign with its simulated metric values
     * @param scorer where to score the space, if the strategy needs to (exhaustive does not)
     */
    Plan next(List<Observation> committed, CandidateScorer scorer);
}
