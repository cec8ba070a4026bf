package org.matscreen.core.adaptive;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.matscreen.core.space.CandidateSpace;

/** Seeded uniform samples of candidate indices, so nothing needs the whole space in memory. */
final class SpaceSample {
    private SpaceSample() {}

    /** Every index if the space has at most {@code count} candidates, else {@code count} distinct ones; sorted. */
    static long[] indices(CandidateSpace space, int count, long seed) {
        long size = space.size();
        if (size <= count) {
            long[] all = new long[(int) size];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Set<Long> picked = new HashSet<>();
        long[] out = new long[count];
        int n = 0;
        while (n < count) {
            long i = rnd.nextLong(size);
            if (picked.add(i)) {
                out[n++] = i;
            }
        }
        Arrays.sort(out);
        return out;
    }
}
