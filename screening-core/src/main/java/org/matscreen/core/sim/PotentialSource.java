package org.matscreen.core.sim;

import java.io.Serializable;
import java.util.List;
import org.matscreen.core.plan.PotentialCostClass;

/**
 * Where the potential file of each calculation comes from: one file for everything, a generated family, or a file per
 * chemical system. Shipped to executors, so it must be serializable and must produce the same file (same bytes) on
 * every machine for the same chemical system.
 */
public interface PotentialSource extends Serializable {

    /** The method-level description (its key enters candidate ids). */
    PotentialSpec spec();

    /** How expensive the potential is per atom, for the cost model (setfl files: EAM). */
    default PotentialCostClass costClass() {
        return PotentialCostClass.EAM;
    }

    /** The file for a chemical system (elements alphabetical), generating it if the source is a family. */
    PotentialRef fileFor(List<String> systemElements);

    /**
     * The groups in which pure-element reference energies are computed. Within a group every element's pure-element
     * energy is the same whichever of the group's files computes it; formation and mixing enthalpies subtract the
     * references of the candidate's own group.
     */
    List<ReferenceGroup> referenceGroups(List<List<String>> systems);

    /** The file a reference group is computed with, on this machine (a family regenerates it locally). */
    default PotentialRef referenceFile(ReferenceGroup group) {
        return group.file();
    }

    /** This source as it should work on this machine (e.g. a family generating into a local cache). */
    default PotentialSource localised(String localCacheDir) {
        return this;
    }

    /** The reference group of a chemical system. */
    String referenceGroupOf(List<String> systemElements);

    /**
     * A reference group: its key, the file its references are computed with, and the elements it needs.
     */
    record ReferenceGroup(String key, PotentialRef file, List<String> elements) implements Serializable {
        public ReferenceGroup {
            elements = List.copyOf(elements);
        }
    }
}
