package org.matscreen.core.campaign;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.SiteOrdering;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;

/**
 * How candidates' cells are built: prototypes, the supercell of each (resolved at validation, also when the campaign
 * asked for an automatic choice), site ordering, rounding tolerance, and how many independent orderings (samples) of
 * each composition to compute.
 *
 * @param samples independent orderings per composition and prototype (≥ 1), each seeded from its own id
 */
public record StructureSpec(List<Prototype> prototypes, Map<Prototype, Supercell> supercells, SiteOrdering ordering,
        double compositionTolerance, int sqsShells, int sqsSweeps, int samples) implements Serializable {

    /** Most samples per composition a campaign may ask for. */
    public static final int MAX_SAMPLES = 1000;

    public StructureSpec {
        prototypes = List.copyOf(prototypes);
        supercells = new TreeMap<>(supercells);
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be 1.." + MAX_SAMPLES + ": " + samples);
        }
    }

    /** One sample per composition. */
    public StructureSpec(List<Prototype> prototypes, Map<Prototype, Supercell> supercells, SiteOrdering ordering,
            double compositionTolerance, int sqsShells, int sqsSweeps) {
        this(prototypes, supercells, ordering, compositionTolerance, sqsShells, sqsSweeps, 1);
    }

    /** The recipe of sample 0. */
    public StructureRecipe recipe(Prototype p) {
        return recipe(p, 0);
    }

    public StructureRecipe recipe(Prototype p, int sample) {
        Supercell sc = supercells.get(p);
        if (sc == null) {
            throw new IllegalArgumentException("prototype " + p.key() + " is not part of this campaign");
        }
        return new StructureRecipe(p, sc, ordering, compositionTolerance, sqsShells, sqsSweeps, sample);
    }
}
