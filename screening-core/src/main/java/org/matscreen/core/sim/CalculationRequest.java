package org.matscreen.core.sim;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.matscreen.core.structure.Structure;

/**
 * One unit of work for a {@link SimulationSession}: run these protocol steps on this structure with this potential.
 * Requests are normally made by {@code PropertyRegistry.request}, which derives the steps from the properties the
 * settings switch on.
 *
 * @param candidateId content hash of the candidate (for logs and error attribution)
 * @param structure starting cell; species map onto the code's atom types in the structure's alphabetical order
 * @param shape the symmetry a shape-fixed relaxation holds (from the prototype)
 * @param steps what to run (see {@link Step}); must hold at least one relaxation
 * @param timeoutSeconds wall-clock limit for the whole calculation, seconds (enforced by the caller's supervisor)
 */
public record CalculationRequest(String candidateId, Structure structure, PotentialRef potential, RelaxSettings relax,
        PropertySettings properties, CellShape shape, Set<Step> steps, double timeoutSeconds)
        implements Serializable {

    public CalculationRequest {
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(potential, "potential");
        Objects.requireNonNull(relax, "relax");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(shape, "shape");
        steps = steps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(steps);
        if (!steps.contains(Step.RELAX_SHAPE_FIXED) && !steps.contains(Step.RELAX_FREE)) {
            throw new IllegalArgumentException("a request needs a relaxation step, got " + steps);
        }
        if (!potential.covers(structure.speciesSymbols())) {
            throw new IllegalArgumentException("potential " + potential.name() + " covers " + potential.elements()
                    + ", not " + structure.speciesSymbols());
        }
    }

    @Override
    public Set<Step> steps() {
        return EnumSet.copyOf(steps);
    }

    public boolean has(Step step) {
        return steps.contains(step);
    }

    /** The relaxation energies and later scans belong to: shape-fixed if requested, else free. */
    public Step primaryRelaxation() {
        return steps.contains(Step.RELAX_SHAPE_FIXED) ? Step.RELAX_SHAPE_FIXED : Step.RELAX_FREE;
    }

    /** True when a free relaxation follows the shape-fixed one as the instability probe. */
    public boolean freeProbe() {
        return steps.contains(Step.RELAX_SHAPE_FIXED) && steps.contains(Step.RELAX_FREE);
    }
}
