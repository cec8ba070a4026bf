package org.matscreen.core.campaign;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;

/**
 * The simulation method of a campaign.
 *
 * @param code simulation code, {@code lammps}
 * @param potential the potential as the campaign names it: a file name from the potential registry (e.g.
 *     {@code CuNi.eam.alloy}), a path, {@code zhou2004} for generated Zhou–Johnson–Wadley EAM files, or
 *     {@code kim:<model id>}; empty when {@code potentialBySystem} or {@code ensemble} is used
 * @param potentialBySystem a potential per chemical system (canonical keys such as {@code Cu-Ni}); empty unless the
 *     campaign gives a map
 * @param ensemble the members of an ensemble of potentials, as the campaign lists them (at least two, distinct);
 *     every candidate is computed with each of them. Empty unless the campaign gives a list of several potentials
 * @param timeoutSeconds wall-clock limit per candidate, s
 * @param dft the DFT settings of a DFT code ({@code method.dft}), null for an interatomic potential
 */
public record MethodSpec(String code, String potential, Map<String, String> potentialBySystem, List<String> ensemble,
        RelaxSettings relax, PropertySettings properties, double timeoutSeconds, DftSettings dft)
        implements Serializable {

    /** A method with an interatomic potential (one, a per-system map, or an ensemble). */
    public MethodSpec(String code, String potential, Map<String, String> potentialBySystem, List<String> ensemble,
            RelaxSettings relax, PropertySettings properties, double timeoutSeconds) {
        this(code, potential, potentialBySystem, ensemble, relax, properties, timeoutSeconds, null);
    }

    public MethodSpec {
        potentialBySystem = new TreeMap<>(potentialBySystem);
        ensemble = ensemble == null ? List.of() : List.copyOf(ensemble);
        if (ensemble.size() == 1) {
            throw new IllegalArgumentException("an ensemble needs at least two potentials: " + ensemble);
        }
    }

    /** A method with one potential (or a per-system map). */
    public MethodSpec(String code, String potential, Map<String, String> potentialBySystem, RelaxSettings relax,
            PropertySettings properties, double timeoutSeconds) {
        this(code, potential, potentialBySystem, List.of(), relax, properties, timeoutSeconds);
    }

    /** True when the method is a DFT calculation ({@code method.dft}) rather than an interatomic potential. */
    public boolean isDft() {
        return dft != null;
    }

    /** True when the campaign names several potentials, each computing every candidate. */
    public boolean isEnsemble() {
        return !ensemble.isEmpty();
    }

    /** Members per candidate: the ensemble's size, 1 for a single potential (or per-system map). */
    public int members() {
        return isEnsemble() ? ensemble.size() : 1;
    }

    /** The method of one ensemble member: this one with {@code name} as its only potential. */
    public MethodSpec member(String name) {
        return new MethodSpec(code, name, Map.of(), List.of(), relax, properties, timeoutSeconds);
    }
}
