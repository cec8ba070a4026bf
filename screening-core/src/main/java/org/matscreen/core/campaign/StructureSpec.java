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
 * asked for an automatic choice), site ordering and rounding tolerance.
 */
public record StructureSpec(List<Prototype> prototypes, Map<Prototype, Supercell> supercells, SiteOrdering ordering,
        double compositionTolerance, int sqsShells, int sqsSweeps) implements Serializable {

    public StructureSpec {
        prototypes = List.copyOf(prototypes);
        supercells = new TreeMap<>(supercells);
    }

    public StructureRecipe recipe(Prototype p) {
        Supercell sc = supercells.get(p);
        if (sc == null) {
            throw new IllegalArgumentException("prototype " + p.key() + " is not part of this campaign");
        }
        return new StructureRecipe(p, sc, ordering, compositionTolerance, sqsShells, sqsSweeps);
    }
}
