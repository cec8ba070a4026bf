package org.matscreen.core.space;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.matscreen.core.composition.Composition;

/**
 * A chemical space as a campaign declares it.
 *
 * @param elements candidate elements (validated symbols)
 * @param orders numbers of elements present in a candidate (1 = pure elements, 2 = binaries, …)
 * @param gridDenominator compositions are multiples of 1/gridDenominator (a step of 0.05 is 20)
 * @param minFraction per-element lower bound on the atomic fraction when present (default 0)
 * @param maxFraction per-element upper bound (default 1)
 * @param base elements present in every candidate (they count towards the order)
 * @param equiatomicOnly one equiatomic composition per chemical system instead of the grid
 * @param explicit an explicit composition list; when non-empty the grid is not used
 */
public record ChemicalSpace(List<String> elements, List<Integer> orders, int gridDenominator,
        Map<String, Double> minFraction, Map<String, Double> maxFraction, List<String> base, boolean equiatomicOnly,
        List<Composition> explicit) implements Serializable {

    public ChemicalSpace {
        elements = List.copyOf(elements);
        orders = List.copyOf(orders);
        minFraction = new TreeMap<>(minFraction);
        maxFraction = new TreeMap<>(maxFraction);
        base = List.copyOf(base);
        explicit = List.copyOf(explicit);
    }

    public double minFraction(String element) {
        return minFraction.getOrDefault(element, 0.0);
    }

    public double maxFraction(String element) {
        return maxFraction.getOrDefault(element, 1.0);
    }
}
