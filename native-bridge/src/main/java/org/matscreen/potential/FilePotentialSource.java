package org.matscreen.potential;

import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.sim.SingleFileSource;

/** One potential file for every chemical system of a campaign. */
public record FilePotentialSource(PotentialRef file) implements SingleFileSource {

    @Override
    public PotentialSpec spec() {
        return PotentialSpec.of(file).withFitScope(FitScopes.standard().scopeOf(file.name(), file.elements()));
    }
}
