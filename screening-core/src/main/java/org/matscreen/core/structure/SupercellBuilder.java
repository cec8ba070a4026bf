package org.matscreen.core.structure;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.error.InvalidInputException;

/**
 * Builds a candidate's starting cell from its composition and {@link StructureRecipe}: the prototype's conventional
 * cell repeated by the supercell, atom counts by the {@link AtomCounts} rounding rule, and species placed by the
 * recipe's {@link SiteOrdering} with a seeded generator, so the same inputs give the same cell on every machine.
 */
public final class SupercellBuilder {
    private SupercellBuilder() {}

    /** Recipes' geometries whose shells are kept; a campaign has a few, a bound keeps a long-lived JVM's memory flat. */
    private static final int MAX_CACHED_GEOMETRIES = 64;

    private record Geometry(Prototype prototype, Supercell supercell, int shells) {}

    /**
     * Neighbour shells per geometry, found at a lattice parameter of 1 Å. Every cell of one prototype and supercell
     * has the same sites up to its lattice parameter, so it has the same neighbour lists. Finding them again for every
     * candidate took 0.95 of the 0.97 ms a random 180-site fcc cell took to build (C1-compiled, as the driver runs);
     * with them found once a cell takes 0.02 ms.
     */
    private static final Map<Geometry, NeighbourShells> UNIT_SHELLS = new ConcurrentHashMap<>();

    /**
     * A built cell and its Warren–Cowley parameters α[shell][i][j] over the recipe's {@code sqsShells} shells (what
     * the SQS search reached, or what the random permutation happens to have); null for a single element.
     */
    public record Built(Structure structure, AtomCounts counts, double[][][] warrenCowley) {}

    /**
     * @param latticeParameterAngstrom conventional lattice parameter a of the starting cell, Å
     * @param seed seed of the site ordering (matscreen uses the first 64 bits of the candidate id)
     * @throws InvalidInputException if the cell cannot hold the composition within the recipe's tolerance
     */
    public static Built build(Composition composition, StructureRecipe recipe, double latticeParameterAngstrom,
            long seed) {
        int sites = recipe.sites();
        AtomCounts counts = AtomCounts.of(composition, sites);
        if (!counts.representsWithin(recipe.compositionTolerance())) {
            throw new InvalidInputException("structure", "supercell",
                    String.format(java.util.Locale.ROOT,
                            "a %s %s cell of %d sites cannot hold %s within a tolerance of %.4g: %s",
                            recipe.prototype().key(), recipe.supercell().key(), sites, composition.formula(),
                            recipe.compositionTolerance(), counts.shortfall(recipe.compositionTolerance())));
        }
        Supercell sc = recipe.supercell();
        Lattice lattice = recipe.prototype().conventionalCell(latticeParameterAngstrom).repeated(sc.na(), sc.nb(), sc.nc());
        double[][] basis = recipe.prototype().basis();
        double[] frac = new double[3 * sites];
        int k = 0;
        for (int a = 0; a < sc.na(); a++) {
            for (int b = 0; b < sc.nb(); b++) {
                for (int c = 0; c < sc.nc(); c++) {
                    for (double[] f : basis) {
                        frac[k++] = (a + f[0]) / sc.na();
                        frac[k++] = (b + f[1]) / sc.nb();
                        frac[k++] = (c + f[2]) / sc.nc();
                    }
                }
            }
        }
        int[] species = new int[sites];
        int[] n = counts.counts();
        for (int s = 0, site = 0; s < n.length; s++) {
            for (int j = 0; j < n[s]; j++) {
                species[site++] = s;
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = sites - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = species[i];
            species[i] = species[j];
            species[j] = t;
        }
        double[][][] alpha = null;
        if (n.length > 1) {
            // Random cells record their short-range order too: a finite random cell is never exactly random.
            NeighbourShells shells = shells(recipe, frac).scaled(latticeParameterAngstrom);
            alpha = recipe.ordering() == SiteOrdering.SQS
                    ? SqsSearch.optimise(shells, species, n.length, recipe.sqsSweeps(), rng)
                    : WarrenCowley.parameters(shells, species, n.length);
        }
        List<String> symbols = counts.symbols();
        return new Built(new Structure(lattice, symbols, species, frac), counts, alpha);
    }

    /** The shells of the recipe's cell at a lattice parameter of 1 Å; {@code frac} are its sites (fractional). */
    private static NeighbourShells shells(StructureRecipe recipe, double[] frac) {
        Geometry g = new Geometry(recipe.prototype(), recipe.supercell(), recipe.sqsShells());
        NeighbourShells known = UNIT_SHELLS.get(g);
        if (known != null) {
            return known;
        }
        Supercell sc = recipe.supercell();
        NeighbourShells found = NeighbourShells.of(
                recipe.prototype().conventionalCell(1.0).repeated(sc.na(), sc.nb(), sc.nc()), frac, recipe.sqsShells());
        if (UNIT_SHELLS.size() >= MAX_CACHED_GEOMETRIES) {
            UNIT_SHELLS.clear();
        }
        UNIT_SHELLS.put(g, found);
        return found;
    }
}
