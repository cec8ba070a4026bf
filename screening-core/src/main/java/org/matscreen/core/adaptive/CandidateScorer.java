package org.matscreen.core.adaptive;

import java.util.List;
import org.matscreen.core.space.CandidateSpace;

/**
 * Scores a whole candidate space with a round's model and keeps the best: sequentially in one JVM
 * ({@link LocalScorer}) or on Spark executors from the streamed enumeration (spark-jobs). Implementations must rank
 * by {@link Scored#BEST_FIRST} so the result does not depend on how the space was split.
 */
public interface CandidateScorer {
    /** The {@code k} best candidates not excluded by the model, best first. */
    List<Scored> top(CandidateSpace space, RoundModel model, int k);
}
