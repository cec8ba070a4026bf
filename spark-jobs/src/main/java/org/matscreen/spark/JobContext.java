package org.matscreen.spark;

import java.io.Serializable;
import java.util.Map;
import org.matscreen.core.campaign.ScreeningSpec;
import org.matscreen.core.campaign.StructureSpec;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.properties.ReferenceEnergies;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.lammps.potential.PotentialSource;
import org.matscreen.lammps.worker.SessionMode;

/**
 * Everything an executor needs to compute its slice of a campaign, broadcast once per job. Compact by design: the
 * candidate space is a description (systems and counters), not a list of candidates.
 *
 * @param repositoryUri root of the campaign's repository (any Hadoop FS URI)
 * @param driverLibraryPath the LAMMPS library the driver resolved (executors prefer their own MATSCREEN_LAMMPS_LIB)
 * @param timeoutSeconds wall-clock limit per candidate, s
 * @param commitEvery records per committed chunk (also committed at the end of each partition)
 * @param potentials where each calculation's potential file comes from
 * @param sessionMode where LAMMPS runs (resolved per node against its library)
 * @param cacheUri the shared result cache (a repository URI), or null for none
 * @param dryRun build every candidate's cell and id but compute and commit nothing
 * @param references pure-element reference energies by reference group (empty while computing them)
 */
public record JobContext(String campaign, CandidateSpace space, StructureSpec structure, MethodInfo method,
        PotentialSource potentials, ScreeningSpec screening, Visibility visibility, String repositoryUri,
        String driverLibraryPath, SessionMode sessionMode, String cacheUri, boolean dryRun, double timeoutSeconds,
        int commitEvery, Map<String, ReferenceEnergies> references) implements Serializable {

    public JobContext {
        references = Map.copyOf(references);
    }

    public JobContext withReferences(Map<String, ReferenceEnergies> refs) {
        return new JobContext(campaign, space, structure, method, potentials, screening, visibility, repositoryUri,
                driverLibraryPath, sessionMode, cacheUri, dryRun, timeoutSeconds, commitEvery, refs);
    }

    /** The same context with the potential source working on this machine (generated files in a local cache). */
    public JobContext localised(String cacheDir) {
        return new JobContext(campaign, space, structure, method, potentials.localised(cacheDir), screening,
                visibility, repositoryUri, driverLibraryPath, sessionMode, cacheUri, dryRun, timeoutSeconds, commitEvery,
                references);
    }

    /** References of the group a chemical system belongs to. */
    public ReferenceEnergies referencesFor(java.util.List<String> systemElements) {
        ReferenceEnergies r = references.get(potentials.referenceGroupOf(systemElements));
        if (r == null) {
            throw new IllegalStateException("no reference energies for " + systemElements);
        }
        return r;
    }
}
