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
 * @param sample which of the campaign's independent orderings of the composition this is (0-based); sample 0 keeps
 *     the recipe key of a campaign without sampling
 */
public record StructureRecipe(Prototype prototype, Supercell supercell, SiteOrdering ordering, double compositionTolerance,
        int sqsShells, int sqsSweeps, int sample) implements Serializable {

    /** Sample 0. */
    public StructureRecipe(Prototype prototype, Supercell supercell, SiteOrdering ordering,
            double compositionTolerance, int sqsShells, int sqsSweeps) {
        this(prototype, supercell, ordering, compositionTolerance, sqsShells, sqsSweeps, 0);
    }

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
        if (sample < 0) {
            throw new IllegalArgumentException("sample must be >= 0: " + sample);
        }
    }

    /** The same recipe for another sample. */
    public StructureRecipe withSample(int newSample) {
        return new StructureRecipe(prototype, supercell, ordering, compositionTolerance, sqsShells, sqsSweeps,
                newSample);
    }

    public static StructureRecipe random(Prototype p, Supercell s, double tolerance) {
        return new StructureRecipe(p, s, SiteOrdering.RANDOM, tolerance, 2, 0);
    }

    public int sites() {
        return supercell.sites(prototype);
    }

    /**
     * A stable text form that enters candidate ids, e.g. {@code fcc/5x3x3/random}, {@code fcc/5x3x3/random/sample=3}.
     * The sample enters only from sample 1 on, so sample 0 is the candidate a campaign without sampling computes.
     */
    public String key() {
        String k = prototype.key() + "/" + supercell.key() + "/" + ordering.key();
        k = ordering == SiteOrdering.SQS ? k + "/shells=" + sqsShells + "/sweeps=" + sqsSweeps : k;
        return sample == 0 ? k : k + "/sample=" + sample;
    }
}
