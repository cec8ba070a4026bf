package org.matscreen.core.space;

import org.matscreen.core.composition.Composition;
import org.matscreen.core.structure.Prototype;

/**
 * One point of a campaign's candidate space: a composition in a prototype.
 *
 * @param index position in the campaign's deterministic enumeration order
 */
public record Candidate(long index, Composition composition, Prototype prototype) {

    public String chemicalSystem() {
        return composition.chemicalSystem();
    }
}
