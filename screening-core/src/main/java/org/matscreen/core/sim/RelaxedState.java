package org.matscreen.core.sim;

import java.io.Serializable;
import org.matscreen.core.structure.Structure;

/**
 * A relaxed cell as one relaxation left it.
 *
 * @param structure the relaxed cell
 * @param energyEv its total potential energy, eV
 * @param relaxation how the relaxation went
 * @param siteClasses local structure of every site ({@link org.matscreen.core.structure.LocalStructure#code()}),
 *     empty if not analysed
 */
public record RelaxedState(Structure structure, double energyEv, Relaxation relaxation, int[] siteClasses)
        implements Serializable {

    public RelaxedState {
        siteClasses = siteClasses == null ? new int[0] : siteClasses;
        if (siteClasses.length != 0 && siteClasses.length != structure.siteCount()) {
            throw new IllegalArgumentException("one local-structure class per site: " + siteClasses.length + " for "
                    + structure.siteCount() + " sites");
        }
    }

    public double energyPerAtomEv() {
        return energyEv / structure.siteCount();
    }
}
