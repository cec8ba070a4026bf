package org.matscreen.core.result;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.StrainStress;
import org.matscreen.core.structure.Structure;
import org.matscreen.core.structure.StructureRecipe;

/**
 * Everything the repository keeps about one candidate: what it is, how it was computed, what came out, where and
 * when, and who may see it. Failed candidates keep their status and error text and have null structure and properties.
 *
 * @param id content hash (see {@link CandidateIds})
 * @param composition nominal composition from the campaign's grid (fractions)
 * @param cellComposition composition of the cell actually computed (atom counts)
 * @param startingLatticeParameterAngstrom conventional lattice parameter of the starting cell, Å (with the recipe and
 *     id it rebuilds the starting cell exactly)
 * @param relaxed relaxed cell (null unless OK)
 * @param eosVolumesA3PerAtom E(V) scan volumes, Å³/atom (empty if not computed)
 * @param eosEnergiesEvPerAtom E(V) scan energies, eV/atom
 * @param elastic finite-strain stresses (null if not computed)
 * @param descriptors composition descriptors by metric key (units in the keys)
 * @param warrenCowley Warren–Cowley parameters α[shell][i][j] of the starting cell (the SQS search's result, or the
 *     random permutation's own short-range order); null for a pure element or a record without them
 * @param potentialFile the concrete potential file used (null if the candidate failed before one was chosen)
 * @param configurationId for a member of an ensemble of potentials, the {@link CandidateIds#configuration} id of its
 *     starting cell (composition and recipe, method left out), which seeds its site ordering and which every member
 *     computing the same cell shares; null for a single-potential record, whose ordering is seeded from its id
 */
public record CandidateResult(String id, String campaign, long candidateIndex, Composition composition,
        Composition cellComposition, StructureRecipe recipe, double startingLatticeParameterAngstrom, Status status,
        String errorText, Structure relaxed, CandidateProperties properties, Relaxation relaxation,
        double[] eosVolumesA3PerAtom, double[] eosEnergiesEvPerAtom, StrainStress elastic,
        Map<String, Double> descriptors, double[][][] warrenCowley, MethodInfo method, PotentialRef potentialFile,
        Provenance provenance, Visibility visibility, String configurationId) implements Serializable {

    public CandidateResult {
        errorText = errorText == null ? "" : errorText;
        eosVolumesA3PerAtom = eosVolumesA3PerAtom == null ? new double[0] : eosVolumesA3PerAtom;
        eosEnergiesEvPerAtom = eosEnergiesEvPerAtom == null ? new double[0] : eosEnergiesEvPerAtom;
        descriptors = descriptors == null ? Map.of() : new TreeMap<>(descriptors);
    }

    /** A record computed with a single potential (no ensemble). */
    public CandidateResult(String id, String campaign, long candidateIndex, Composition composition,
            Composition cellComposition, StructureRecipe recipe, double startingLatticeParameterAngstrom,
            Status status, String errorText, Structure relaxed, CandidateProperties properties, Relaxation relaxation,
            double[] eosVolumesA3PerAtom, double[] eosEnergiesEvPerAtom, StrainStress elastic,
            Map<String, Double> descriptors, double[][][] warrenCowley, MethodInfo method, PotentialRef potentialFile,
            Provenance provenance, Visibility visibility) {
        this(id, campaign, candidateIndex, composition, cellComposition, recipe, startingLatticeParameterAngstrom,
                status, errorText, relaxed, properties, relaxation, eosVolumesA3PerAtom, eosEnergiesEvPerAtom, elastic,
                descriptors, warrenCowley, method, potentialFile, provenance, visibility, null);
    }

    /** True for a record computed as a member of an ensemble of potentials. */
    public boolean isEnsembleMember() {
        return configurationId != null;
    }

    public String chemicalSystem() {
        return composition.chemicalSystem();
    }

    /**
     * The id of the configuration group this record belongs to: the id of sample 0 of the same composition, recipe
     * and method. Records of one group are the independent orderings aggregated together.
     */
    public String groupId() {
        if (recipe.sample() == 0) {
            return id;
        }
        return isEnsembleMember()
                ? CandidateIds.member(CandidateIds.configuration(composition, recipe.withSample(0).key()), method.key())
                : CandidateIds.of(composition, recipe.withSample(0), method);
    }

    /** The flags the record's properties raised (none for a failed record). */
    public java.util.Set<org.matscreen.core.properties.RecordFlag> flags() {
        return properties == null ? java.util.Set.of() : properties.flags();
    }

    /** Value of a metric (property or descriptor) by key; NaN if unknown. */
    public double metric(String key) {
        if (org.matscreen.core.screening.Metrics.isPropertyMetric(key)) {
            return org.matscreen.core.screening.Metrics.property(key, properties);
        }
        Double d = descriptors.get(key);
        return d == null ? Double.NaN : d;
    }
}
