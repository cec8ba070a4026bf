package org.matscreen.core.adaptive;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;

/** Scores every candidate in this JVM, keeping only the best k (memory: k entries, whatever the space's size). */
public final class LocalScorer implements CandidateScorer {

    @Override
    public List<Scored> top(CandidateSpace space, RoundModel model, int k) {
        Best best = new Best(k);
        for (Iterator<Candidate> it = space.range(0, space.size()); it.hasNext(); ) {
            Candidate c = it.next();
            if (!model.excluded(c.index())) {
                best.offer(model.score(c));
            }
        }
        return best.sorted();
    }

    /** A bounded collection of the k best scores. */
    public static final class Best {
        private final int k;
        // the worst kept entry at the head
        private final PriorityQueue<Scored> heap = new PriorityQueue<>(Scored.BEST_FIRST.reversed());

        public Best(int k) {
            this.k = k;
        }

        public void offer(Scored s) {
            if (k <= 0) {
                return;
            }
            if (heap.size() < k) {
                heap.add(s);
            } else if (Scored.BEST_FIRST.compare(s, heap.peek()) < 0) {
                heap.poll();
                heap.add(s);
            }
        }

        /** The kept entries, best first. */
        public List<Scored> sorted() {
            List<Scored> out = new ArrayList<>(heap);
            out.sort(Scored.BEST_FIRST);
            return out;
        }
    }
}
