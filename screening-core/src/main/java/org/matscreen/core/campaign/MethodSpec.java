package org.matscreen.core.campaign;

import java.io.Serializable;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;

/**
 * The simulation method of a campaign.
 *
 * @param code simulation code, {@code lammps}
 * @param potential the potential as the campaign names it: a file name from the potential registry (e.g.
 *     {@code CuNi.eam.alloy}), a path, or {@code zhou2004} for generated Zhou–Johnson–Wadley EAM files
 * @param timeoutSeconds wall-clock limit per candidate, s
 */
public record MethodSpec(String code, String potential, RelaxSettings relax, PropertySettings properties,
        double timeoutSeconds) implements Serializable {}
