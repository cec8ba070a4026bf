package org.matscreen.core.adaptive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.structure.Prototype;

/**
 * A space-filling design over the composition simplex: greedy maximin (each new point the one farthest from all
 * points chosen so far; Johnson, Moore &amp; Ylvisaker, J. Stat. Plan. Inference 26, 131 (1990) define the criterion,
 * the greedy construction is the farthest-point heuristic of Gonzalez, Theor. Comput. Sci. 38, 293 (1985), within a
 * factor 2 of the optimum) among a seeded uniform sample of candidate indices, so a space of 10⁷ candidates is never
 * enumerated. Distances are Euclidean in atomic fractions over the campaign's elements, plus a one-hot prototype
 * coordinate of weight {@value #PROTOTYPE_WEIGHT} when there are several prototypes. Deterministic: the same space
 * and seed give the same design.
 */
final class InitialDesign {
    static final double PROTOTYPE_WEIGHT = 0.5;
    static final int MIN_SAMPLE = 2000;
    static final int SAMPLE_PER_POINT = 50;
    static final int MAX_SAMPLE = 200_000;

    private InitialDesign() {}

    /**
     * {@code count} candidate indices, each as far as possible from the {@code chosen} ones and from each other.
     * With nothing chosen, the first is a seeded random one of the sample.
     */
    static List<Long> maximin(CandidateSpace space, int count, long seed, Collection<Long> chosen) {
        int sampleSize = (int) Math.min(MAX_SAMPLE, Math.max(MIN_SAMPLE, (long) SAMPLE_PER_POINT * count));
        long[] sample = SpaceSample.indices(space, sampleSize, seed ^ 0x5DEECE66DL);
        List<String> elements = space.elementsUsed();
        List<Prototype> prototypes = space.prototypes();
        double[][] coords = new double[sample.length][];
        for (int i = 0; i < sample.length; i++) {
            coords[i] = coordinates(space.candidate(sample[i]), elements, prototypes);
        }
        double[] nearest = new double[sample.length];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        boolean[] taken = new boolean[sample.length];
        for (long c : chosen) {
            update(nearest, coords, coordinates(space.candidate(c), elements, prototypes));
            int at = Arrays.binarySearch(sample, c);
            if (at >= 0) {
                taken[at] = true;
            }
        }
        List<Long> out = new ArrayList<>();
        if (chosen.isEmpty() && count > 0 && sample.length > 0) {
            // a seeded first point, so designs of different seeds differ even when the sample is the whole space
            int first = new SplittableRandom(seed).nextInt(sample.length);
            out.add(sample[first]);
            taken[first] = true;
            update(nearest, coords, coords[first]);
        }
        while (out.size() < count) {
            int best = -1;
            for (int i = 0; i < sample.length; i++) {
                if (!taken[i] && (best < 0 || nearest[i] > nearest[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break; // the sample is used up (a space smaller than the request)
            }
            out.add(sample[best]);
            taken[best] = true;
            update(nearest, coords, coords[best]);
        }
        return out;
    }

    private static void update(double[] nearest, double[][] coords, double[] point) {
        for (int i = 0; i < coords.length; i++) {
            nearest[i] = Math.min(nearest[i], distanceSquared(coords[i], point));
        }
    }

    static double[] coordinates(Candidate c, List<String> elements, List<Prototype> prototypes) {
        int extra = prototypes.size() > 1 ? prototypes.size() : 0;
        double[] x = new double[elements.size() + extra];
        Composition comp = c.composition();
        for (int k = 0; k < elements.size(); k++) {
            x[k] = comp.contains(elements.get(k)) ? comp.fraction(elements.get(k)) : 0;
        }
        if (extra > 0) {
            x[elements.size() + prototypes.indexOf(c.prototype())] = PROTOTYPE_WEIGHT;
        }
        return x;
    }

    private static double distanceSquared(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double t = a[k] - b[k];
            s += t * t;
        }
        return s;
    }
}
