package org.matscreen.spark;

import java.io.Serializable;
import org.matscreen.core.campaign.ScreeningSpec;
import org.matscreen.core.campaign.StructureSpec;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.properties.ReferenceEnergies;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.space.CandidateSpace;

/**
 * Everything an executor needs to compute its slice of a campaign, broadcast once per job. Compact by design: the
 * candidate space is a description (systems and counters), not a list of candidates.
 *
 * @param repositoryUri root of the campaign's repository (any Hadoop FS URI)
 * @param driverLibraryPath the LAMMPS library the driver resolved (executors prefer their own MATSCREEN_LAMMPS_LIB)
 * @param timeoutSeconds wall-clock limit per candidate, s
 * @param commitEvery records per committed chunk (also committed at the end of each partition)
 * @param references pure-element reference energies (null while computing the references themselves)
 */
public record JobContext(String campaign, CandidateSpace space, StructureSpec structure, MethodInfo method,
        ScreeningSpec screening, Visibility visibility, String repositoryUri, String driverLibraryPath,
        double timeoutSeconds, int commitEvery, ReferenceEnergies references) implements Serializable {

    public JobContext withReferences(ReferenceEnergies refs) {
        return new JobContext(campaign, space, structure, method, screening, visibility, repositoryUri,
                driverLibraryPath, timeoutSeconds, commitEvery, refs);
    }
}
