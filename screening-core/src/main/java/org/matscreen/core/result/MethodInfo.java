package org.matscreen.core.result;

import java.io.Serializable;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;

/**
 * The calculation method as it enters candidate ids and records: code, potential (by checksum) and settings.
 *
 * @param code simulation code name, e.g. {@code lammps}
 */
public record MethodInfo(String code, PotentialSpec potential, RelaxSettings relax, PropertySettings properties)
        implements Serializable {

    /** Stable text of everything that changes the numbers; part of every candidate id. */
    public String key() {
        return code + "|" + potential.pairStyle() + "|" + potential.key() + "|"
                + org.matscreen.core.sim.RelaxProtocol.methodKey(relax) + "|"
                + properties.key();
    }
}
