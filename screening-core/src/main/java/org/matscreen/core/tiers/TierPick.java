package org.matscreen.core.tiers;

import java.io.Serializable;
import java.util.Objects;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.structure.Prototype;

/**
 * One ranked record of a tier that the next tier recomputes.
 *
 * @param rank 1-based rank in the previous tier's ranking
 * @param recordId the previous tier's record id (the link between the tiers' records)
 * @param composition nominal composition
 * @param prototype the prototype the record was computed in
 */
public record TierPick(int rank, String recordId, Composition composition, Prototype prototype)
        implements Serializable {
    public TierPick {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(composition, "composition");
        Objects.requireNonNull(prototype, "prototype");
    }
}
