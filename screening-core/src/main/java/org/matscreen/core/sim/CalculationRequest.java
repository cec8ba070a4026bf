package org.matscreen.core.sim;

import java.io.Serializable;
import java.util.Objects;
import org.matscreen.core.structure.Structure;

/**
 * One unit of work for a {@link SimulationSession}: relax this structure with this potential and compute these
 * properties.
 *
 * @param candidateId content hash of the candidate (for logs and error attribution)
 * @param structure starting cell; species map onto LAMMPS atom types in the structure's alphabetical order
 * @param timeoutSeconds wall-clock limit for the whole calculation, seconds (enforced by the caller's supervisor)
 */
public record CalculationRequest(String candidateId, Structure structure, PotentialRef potential, RelaxSettings relax,
        PropertySettings properties, double timeoutSeconds) implements Serializable {

    public CalculationRequest {
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(potential, "potential");
        Objects.requireNonNull(relax, "relax");
        Objects.requireNonNull(properties, "properties");
        if (!potential.covers(structure.speciesSymbols())) {
            throw new IllegalArgumentException("potential " + potential.name() + " covers " + potential.elements()
                    + ", not " + structure.speciesSymbols());
        }
    }
}
