package org.matscreen.core.campaign;

import java.io.Serializable;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.space.ChemicalSpace;

/**
 * A validated, immutable campaign: what to screen, how, and by which criteria.
 *
 * @param name campaign name: letters, digits, '-', '_' and '.', used as the results folder name
 * @param source where it was read from (for messages)
 */
public record CampaignSpec(String name, String description, ChemicalSpace space, StructureSpec structure,
        MethodSpec method, ScreeningSpec screening, ExecutionSpec execution, Visibility visibility, String source)
        implements Serializable {

    /**
     * The campaign's candidates: every composition × prototype × sample, computed with each of its potentials (see
     * {@link MethodSpec#members()}).
     */
    public CandidateSpace candidateSpace() {
        return CandidateSpace.of(space, structure.prototypes(), structure.samples(), method.members(), source);
    }
}
