package org.matscreen.core.adaptive;

import java.util.List;
import org.matscreen.core.space.CandidateSpace;

/** Every candidate of the space, in one plan; the job skips what is committed. */
public final class ExhaustiveStrategy implements Strategy {
    private final long size;

    public ExhaustiveStrategy(CandidateSpace space) {
        this.size = space.size();
    }

    @Override
    public String key() {
        return "exhaustive";
    }

    @Override
    public Plan next(List<Observation> committed, CandidateScorer scorer) {
        long distinct = committed.stream().mapToLong(Observation::index).distinct().count();
        return distinct >= size ? new Plan.Done("every one of the " + size + " candidates is committed")
                : new Plan.Enumerate(size);
    }
}
