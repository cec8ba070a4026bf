package org.matscreen.core.structure;

import java.util.Locale;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.error.InvalidInputException;

/**
 * Small special quasi-random structures (8–16 sites) for DFT: the smallest diagonal supercell of a prototype's
 * conventional cell whose site count holds the composition exactly (every x·n an integer), decorated by the same
 * {@link SqsSearch} the classical tier uses ({@link SupercellBuilder} with {@link SiteOrdering#SQS} and zero
 * composition tolerance). A cell that small cannot reproduce the random alloy's correlations in every shell; the
 * Warren–Cowley parameters reached come back with the cell so a record can state them.
 */
public final class SmallSqs {
    /** Smallest cell worth calling an SQS (fewer sites leave no freedom to place the species). */
    public static final int MIN_SITES = 8;
    /** Largest cell the DFT tier is meant to afford. */
    public static final int MAX_SITES = 16;

    private SmallSqs() {}

    /**
     * The recipe of the smallest exact cell with between {@code minSites} and {@code maxSites} sites: among the
     * diagonal supercells with that site count, the most compact (smallest ratio of longest to shortest edge).
     *
     * @throws InvalidInputException if no diagonal supercell in the range holds the composition exactly
     */
    public static StructureRecipe recipe(Composition composition, Prototype prototype, int minSites, int maxSites,
            int shells, int sweeps) {
        if (minSites < 1 || maxSites < minSites) {
            throw new IllegalArgumentException("need 1 <= minSites <= maxSites, got " + minSites + ", " + maxSites);
        }
        for (int n = minSites; n <= maxSites; n++) {
            if (!holdsExactly(composition, n)) {
                continue;
            }
            Supercell best = exactly(prototype, n);
            if (best != null) {
                return new StructureRecipe(prototype, best, SiteOrdering.SQS, 0.0, shells, sweeps);
            }
        }
        throw new InvalidInputException("structure", "sqs", String.format(Locale.ROOT,
                "no diagonal %s supercell of %d to %d sites holds %s exactly (atoms per cell: %d)", prototype.key(),
                minSites, maxSites, composition.formula(), prototype.atomsPerCell()));
    }

    /** Builds the cell of {@link #recipe} at conventional lattice parameter a (Å) with the ordering's seed. */
    public static SupercellBuilder.Built build(Composition composition, Prototype prototype, int minSites,
            int maxSites, int shells, int sweeps, double aAngstrom, long seed) {
        return SupercellBuilder.build(composition, recipe(composition, prototype, minSites, maxSites, shells, sweeps),
                aAngstrom, seed);
    }

    /** True if x·n is an integer for every element (to 1e-9 atoms). */
    static boolean holdsExactly(Composition composition, int sites) {
        for (double x : composition.fractions()) {
            double atoms = x * sites;
            if (Math.abs(atoms - Math.rint(atoms)) > 1e-9 || Math.rint(atoms) < 1) {
                return false;
            }
        }
        return true;
    }

    /** The most compact diagonal supercell of exactly {@code sites} sites, or null. */
    private static Supercell exactly(Prototype p, int sites) {
        if (sites % p.atomsPerCell() != 0) {
            return null;
        }
        Supercell s = Supercell.mostCompact(p, sites, sites);
        return s != null && s.sites(p) == sites ? s : null;
    }
}
