package org.matscreen.core.space;

import org.matscreen.core.composition.Composition;
import org.matscreen.core.structure.Prototype;

/**
 * One point of a campaign's candidate space: a composition in a prototype, one of its sampled orderings, computed with
 * one member of the campaign's potentials.
 *
 * @param index position in the campaign's deterministic enumeration order
 * @param sample which independent ordering of the composition (0-based)
 * @param member which potential of an ensemble computes it (0-based, campaign order; 0 for a single potential)
 */
public record Candidate(long index, Composition composition, Prototype prototype, int sample, int member) {

    /** Sample 0, the only potential. */
    public Candidate(long index, Composition composition, Prototype prototype) {
        this(index, composition, prototype, 0, 0);
    }

    /** A sample computed with the only potential. */
    public Candidate(long index, Composition composition, Prototype prototype, int sample) {
        this(index, composition, prototype, sample, 0);
    }

    public String chemicalSystem() {
        return composition.chemicalSystem();
    }
}
