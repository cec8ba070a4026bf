package org.matscreen.core.space;

import org.matscreen.core.composition.Composition;
import org.matscreen.core.structure.Prototype;

/**
 * One point of a campaign's candidate space: a composition in a prototype, one of its sampled orderings.
 *
 * @param index position in the campaign's deterministic enumeration order
 * @param sample which independent ordering of the composition (0-based)
 */
public record Candidate(long index, Composition composition, Prototype prototype, int sample) {

    /** Sample 0. */
    public Candidate(long index, Composition composition, Prototype prototype) {
        this(index, composition, prototype, 0);
    }

    public String chemicalSystem() {
        return composition.chemicalSystem();
    }
}
