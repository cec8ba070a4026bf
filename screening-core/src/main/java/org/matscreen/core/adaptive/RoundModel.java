package org.matscreen.core.adaptive;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import org.matscreen.core.space.Candidate;

/**
 * Everything an executor needs to score its slice of the space in one round: the surrogate, the acquisition function
 * and the indices already simulated (sorted; at most the budget), which are not candidates any more. Broadcast once
 * per round.
 */
public final class RoundModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SurrogateModel surrogate;
    private final Acquisition acquisition;
    private final long[] excluded;

    public RoundModel(SurrogateModel surrogate, Acquisition acquisition, Collection<Long> excluded) {
        this.surrogate = surrogate;
        this.acquisition = acquisition;
        this.excluded = excluded.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    }

    public SurrogateModel surrogate() {
        return surrogate;
    }

    public Acquisition acquisition() {
        return acquisition;
    }

    /** Whether the candidate was simulated already. */
    public boolean excluded(long index) {
        return Arrays.binarySearch(excluded, index) >= 0;
    }

    /** Prediction and acquisition of one candidate. */
    public Scored score(Candidate c) {
        return acquisition.score(c.index(), surrogate.predict(c));
    }
}
