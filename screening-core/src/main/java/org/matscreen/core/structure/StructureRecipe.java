package org.matscreen.core.structure;

import java.io.Serializable;

/**
 * Everything needed to rebuild a candidate's starting structure exactly: prototype, supercell, site ordering and the
 * seed of the ordering. Together with the composition and the starting lattice parameter it reproduces the cell
 * bit-for-bit, so records may store the recipe instead of the unrelaxed sites.
 *
 * @param compositionTolerance largest accepted |count/n − x| per element (atomic fraction) when rounding the
 *     composition to atom counts; 0 demands the exact composition
 * @param sqsShells neighbour shells whose Warren–Cowley parameters the SQS search drives to zero (ignored for random)
 * @param sqsSweeps swap attempts per site for the SQS search (ignored for random)
 */
public record StructureRecipe(Prototype prototype, Supercell supercell, SiteOrdering ordering, double compositionTolerance,
        int sqsShells, int sqsSweeps) implements Serializable {

    public StructureRecipe {
        if (!(compositionTolerance >= 0 && compositionTolerance < 0.5)) {
            throw new IllegalArgumentException("composition tolerance must be in [0, 0.5): " + compositionTolerance);
        }
        if (sqsShells < 1 || sqsShells > 4) {
            throw new IllegalArgumentException("SQS shells must be 1..4: " + sqsShells);
        }
        if (sqsSweeps < 0) {
            throw new IllegalArgumentException("SQS sweeps must be >= 0");
        }
    }

    public static StructureRecipe random(Prototype p, Supercell s, double tolerance) {
        return new StructureRecipe(p, s, SiteOrdering.RANDOM, tolerance, 2, 0);
    }

    public int sites() {
        return supercell.sites(prototype);
    }

    /** A stable text form that enters candidate ids, e.g. {@code fcc/5x3x3/random}. */
    public String key() {
        String k = prototype.key() + "/" + supercell.key() + "/" + ordering.key();
        return ordering == SiteOrdering.SQS ? k + "/shells=" + sqsShells + "/sweeps=" + sqsSweeps : k;
    }
}
