package org.matscreen.potential;

import org.matscreen.core.sim.PotentialSource;
import java.util.List;
import java.util.TreeSet;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PotentialSpec;

/** One potential file for every chemical system of a campaign. */
public record FilePotentialSource(PotentialRef file) implements PotentialSource {

    @Override
    public PotentialSpec spec() {
        return PotentialSpec.of(file).withFitScope(FitScopes.standard().scopeOf(file.name(), file.elements()));
    }

    @Override
    public PotentialRef fileFor(List<String> systemElements) {
        return file;
    }

    @Override
    public List<ReferenceGroup> referenceGroups(List<List<String>> systems) {
        TreeSet<String> els = new TreeSet<>();
        systems.forEach(els::addAll);
        return List.of(new ReferenceGroup(file.sha256(), file, List.copyOf(els)));
    }

    @Override
    public String referenceGroupOf(List<String> systemElements) {
        return file.sha256();
    }
}
