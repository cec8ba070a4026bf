package org.matscreen.potential;

import java.util.List;
import org.matscreen.core.plan.PotentialCostClass;
import org.matscreen.core.sim.FitScope;

/**
 * One usable potential as {@code matscreen potentials} lists it.
 *
 * @param name as a campaign names it: a file name, {@code zhou2004} or {@code kim:<id>}
 * @param origin where it comes from: {@code file} (a potential folder), {@code generated} or {@code kim}
 * @param kind kind of potential, e.g. EAM, EAM/FS, MEAM, SNAP
 * @param elements elements it covers
 * @param citation its reference(s)
 * @param doi the DOI of the paper (or of the OpenKIM archive entry), empty if unknown
 * @param costClass its cost per atom relative to EAM
 * @param fitScope which unlike pairs it was fitted to
 * @param fitReference the paper that states the fit scope (from the project's table), empty if unlisted
 */
public record PotentialEntry(String name, String origin, String kind, List<String> elements, String citation,
        String doi, PotentialCostClass costClass, FitScope fitScope, String fitReference) {

    public PotentialEntry {
        elements = List.copyOf(elements);
    }

    /** The fit scope in words: fitted to the whole system, to some pairs, a mixing rule, or unknown. */
    public String fitDescription() {
        if (elements.size() == 1) {
            return "single element";
        }
        return switch (fitScope.fitOf(elements)) {
            case FITTED -> "fitted to " + String.join("-", elements);
            case PARTIAL -> "fitted to " + String.join(" ", fitScope.fittedPairsOf(elements)) + " only";
            case MIXING_RULE -> "mixing rule (no alloy pair fitted)";
            case UNKNOWN -> "unknown (not in matscreen's table)";
            case FIRST_PRINCIPLES -> "first principles (no fit)";
        };
    }

    public boolean covers(List<String> symbols) {
        return elements.containsAll(symbols);
    }
}
