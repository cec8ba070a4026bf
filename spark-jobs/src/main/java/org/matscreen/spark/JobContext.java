package org.matscreen.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.matscreen.core.campaign.ScreeningSpec;
import org.matscreen.core.campaign.StructureSpec;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.properties.ReferenceEnergies;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.sim.PotentialSource;

/**
 * Everything an executor needs to compute its slice of a campaign, broadcast once per job. Compact by design: the
 * candidate space is a description (systems and counters), not a list of candidates.
 *
 * @param method the method records name; with an ensemble, member 0's (see {@link #forMember})
 * @param repositoryUri root of the campaign's repository (any Hadoop FS URI)
 * @param codeOptions the options of the simulation code ({@code method.code()}) as the driver resolved them (for
 *     LAMMPS its library, which a node's own installation may still override, and its session mode)
 * @param timeoutSeconds wall-clock limit per candidate, s
 * @param commitEvery records per committed chunk (also committed at the end of each partition)
 * @param potentials where each calculation's potential file comes from; with an ensemble, member 0's
 * @param cacheUri the shared result cache (a repository URI), or null for none
 * @param dryRun build every candidate's cell and id but compute and commit nothing
 * @param references pure-element reference energies by reference group (empty while computing them); with an
 *     ensemble, every member's groups (their keys are the members' content keys, so they never collide)
 * @param ensemble the members of an ensemble of potentials in campaign order (the candidates' member index); empty
 *     for a single potential
 */
public record JobContext(String campaign, CandidateSpace space, StructureSpec structure, MethodInfo method,
        PotentialSource potentials, ScreeningSpec screening, Visibility visibility, String repositoryUri,
        CodeOptions codeOptions, String cacheUri, boolean dryRun, double timeoutSeconds, int commitEvery,
        Map<String, ReferenceEnergies> references, List<Member> ensemble) implements Serializable {

    /** One potential of an ensemble as executors use it: the method its records name, where its files come from. */
    public record Member(MethodInfo method, PotentialSource potentials) implements Serializable {}

    public JobContext {
        references = Map.copyOf(references);
        ensemble = ensemble == null ? List.of() : List.copyOf(ensemble);
    }

    /** The context of a campaign with one potential. */
    public JobContext(String campaign, CandidateSpace space, StructureSpec structure, MethodInfo method,
            PotentialSource potentials, ScreeningSpec screening, Visibility visibility, String repositoryUri,
            CodeOptions codeOptions, String cacheUri, boolean dryRun, double timeoutSeconds, int commitEvery,
            Map<String, ReferenceEnergies> references) {
        this(campaign, space, structure, method, potentials, screening, visibility, repositoryUri, codeOptions,
                cacheUri, dryRun, timeoutSeconds, commitEvery, references, List.of());
    }

    /** The context of a campaign whose members (one, or an ensemble's) are given in order. */
    static JobContext of(String campaign, CandidateSpace space, StructureSpec structure, List<Member> members,
            ScreeningSpec screening, Visibility visibility, String repositoryUri, CodeOptions codeOptions,
            String cacheUri, boolean dryRun, double timeoutSeconds, int commitEvery) {
        return new JobContext(campaign, space, structure, members.get(0).method(), members.get(0).potentials(),
                screening, visibility, repositoryUri, codeOptions, cacheUri, dryRun, timeoutSeconds, commitEvery,
                Map.of(), members.size() > 1 ? members : List.of());
    }

    /** True when the campaign computes every candidate with each member of an ensemble. */
    public boolean isEnsemble() {
        return !ensemble.isEmpty();
    }

    /** Members per cell: the ensemble's size, or 1. */
    public int members() {
        return isEnsemble() ? ensemble.size() : 1;
    }

    /** The context as member {@code m} computes: its method and potential source (member 0 alone: this one). */
    public JobContext forMember(int m) {
        if (!isEnsemble()) {
            if (m != 0) {
                throw new IllegalArgumentException("member " + m + " of a campaign with one potential");
            }
            return this;
        }
        Member x = ensemble.get(m);
        return new JobContext(campaign, space, structure, x.method(), x.potentials(), screening, visibility,
                repositoryUri, codeOptions, cacheUri, dryRun, timeoutSeconds, commitEvery, references, ensemble);
    }

    public JobContext withReferences(Map<String, ReferenceEnergies> refs) {
        return new JobContext(campaign, space, structure, method, potentials, screening, visibility, repositoryUri,
                codeOptions, cacheUri, dryRun, timeoutSeconds, commitEvery, refs, ensemble);
    }

    /** The same context with the potential sources working on this machine (generated files in a local cache). */
    public JobContext localised(String cacheDir) {
        List<Member> members = ensemble.stream().map(x -> new Member(x.method(), x.potentials().localised(cacheDir)))
                .toList();
        return new JobContext(campaign, space, structure, method, potentials.localised(cacheDir), screening,
                visibility, repositoryUri, codeOptions, cacheUri, dryRun, timeoutSeconds, commitEvery,
                references, members);
    }

    /** References of the group a chemical system belongs to (under this context's potential). */
    public ReferenceEnergies referencesFor(java.util.List<String> systemElements) {
        ReferenceEnergies r = references.get(potentials.referenceGroupOf(systemElements));
        if (r == null) {
            throw new IllegalStateException("no reference energies for " + systemElements);
        }
        return r;
    }
}
