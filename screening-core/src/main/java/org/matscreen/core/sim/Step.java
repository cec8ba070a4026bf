package org.matscreen.core.sim;

import java.util.Locale;

/**
 * The code-neutral steps of a candidate's protocol: what a {@link SimulationSession} is asked to do, whatever code
 * implements it. A code runs the steps of a request in the order of this enum. The properties in
 * {@code org.matscreen.core.properties} declare which steps they need; a request carries their union.
 *
 * <p>Semantics every implementation keeps:
 * <ul>
 *   <li>The <em>primary</em> relaxation is {@link #RELAX_SHAPE_FIXED} when present, else {@link #RELAX_FREE}. Energy,
 *       relaxed cell and the later scans belong to it.
 *   <li>With both relaxations, {@link #RELAX_FREE} is the instability probe: it starts from the shape-fixed relaxed
 *       cell, strained by {@link CellShape#PROBE_STRAIN} so that a cell sitting on a symmetric saddle of the energy
 *       (a perfect lattice) can leave it, and relaxes all six cell components and the positions.
 *   <li>{@link #EOS_SCAN} and {@link #STRAIN_SET} run only on a primary relaxation that met its tolerances: numbers
 *       from an unrelaxed structure are not computed at all.
 * </ul>
 */
public enum Step {
    /**
     * Volume and positions relaxed with the cell shape held to the prototype's symmetry ({@link CellShape}): all
     * edges scaled together for cubic cells; a = b coupled and c free for hexagonal ones.
     */
    RELAX_SHAPE_FIXED,
    /** All six cell components and the positions relaxed to zero stress and force. */
    RELAX_FREE,
    /**
     * Local structure of every atom of each relaxed cell (common-neighbour analysis): one
     * {@link org.matscreen.core.structure.LocalStructure} per site.
     */
    LOCAL_STRUCTURE,
    /**
     * E(V) along the hydrostatic path around the primary relaxed volume: at each volume the positions, and whatever
     * cell shape the primary relaxation's constraint leaves free (c/a of a hexagonal cell, every shape component of
     * a free one), are relaxed. Volumes span ± {@link PropertySettings#eosMaxVolumeStrain()}.
     */
    EOS_SCAN,
    /**
     * Stresses under ± {@link PropertySettings#elasticStrain()} along each of the six Voigt components of the primary
     * relaxed cell, positions relaxed (relaxed-ion elastic tensor).
     */
    STRAIN_SET;

    /** Lower-case name with hyphens, e.g. {@code relax-shape-fixed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
