package org.matscreen.core.campaign;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;

/**
 * The simulation method of a campaign.
 *
 * @param code simulation code, {@code lammps}
 * @param potential the potential as the campaign names it: a file name from the potential registry (e.g.
 *     {@code CuNi.eam.alloy}), a path, or {@code zhou2004} for generated Zhou–Johnson–Wadley EAM files; empty when
 *     {@code potentialBySystem} is used
 * @param potentialBySystem a potential per chemical system (canonical keys such as {@code Cu-Ni}); empty unless the
 *     campaign gives a map
 * @param timeoutSeconds wall-clock limit per candidate, s
 */
public record MethodSpec(String code, String potential, Map<String, String> potentialBySystem, RelaxSettings relax,
        PropertySettings properties, double timeoutSeconds) implements Serializable {

    public MethodSpec {
        potentialBySystem = new TreeMap<>(potentialBySystem);
    }
}
