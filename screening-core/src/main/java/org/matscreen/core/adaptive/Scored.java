package org.matscreen.core.adaptive;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A candidate scored by a round's acquisition function.
 *
 * @param acquisition expected hypervolume improvement × probability of passing the filters
 * @param ehvi expected hypervolume improvement, in the product of the objectives' units
 * @param probabilityFeasible probability of passing every filter
 * @param mean posterior means per quantity
 * @param sd posterior latent standard deviations per quantity
 */
public record Scored(long index, double acquisition, double ehvi, double probabilityFeasible, double[] mean,
        double[] sd) implements Serializable {

    /** Highest acquisition first; equal ones by enumeration order, so every partitioning ranks alike. */
    public static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::acquisition).reversed()
            .thenComparingLong(Scored::index);
}
