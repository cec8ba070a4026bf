package org.matscreen.core.campaign;

import java.io.Serializable;
import java.util.List;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.space.ChemicalSpace;

/**
 * A validated, immutable campaign: what to screen, how, and by which criteria.
 *
 * @param name campaign name: letters, digits, '-', '_' and '.', used as the results folder name
 * @param source where it was read from (for messages)
 * @param tiers the later tiers of a multi-fidelity campaign, in order (empty for a single tier)
 */
public record CampaignSpec(String name, String description, ChemicalSpace space, StructureSpec structure,
        MethodSpec method, ScreeningSpec screening, ExecutionSpec execution, Visibility visibility, String source,
        List<TierSpec> tiers) implements Serializable {

    public CampaignSpec {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** A single-tier campaign. */
    public CampaignSpec(String name, String description, ChemicalSpace space, StructureSpec structure,
            MethodSpec method, ScreeningSpec screening, ExecutionSpec execution, Visibility visibility,
            String source) {
        this(name, description, space, structure, method, screening, execution, visibility, source, List.of());
    }

    /**
     * The campaign's candidates: every composition × prototype × sample, computed with each of its potentials (see
     * {@link MethodSpec#members()}).
     */
    public CandidateSpace candidateSpace() {
        return CandidateSpace.of(space, structure.prototypes(), structure.samples(), method.members(), source);
    }
}
