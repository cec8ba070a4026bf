package org.matscreen.core.sim;

import java.util.List;
import java.util.TreeSet;

/**
 * A model that is one file for every chemical system (a potential file, a KIM model, a DFT settings file): every
 * calculation uses {@link #file()}, and all elements' references form one group keyed by its checksum.
 */
public interface SingleFileSource extends PotentialSource {

    /** The one file every calculation uses. */
    PotentialRef file();

    @Override
    default PotentialRef fileFor(List<String> systemElements) {
        return file();
    }

    @Override
    default List<ReferenceGroup> referenceGroups(List<List<String>> systems) {
        TreeSet<String> els = new TreeSet<>();
        systems.forEach(els::addAll);
        return List.of(new ReferenceGroup(file().sha256(), file(), List.copyOf(els)));
    }

    @Override
    default String referenceGroupOf(List<String> systemElements) {
        return file().sha256();
    }
}
