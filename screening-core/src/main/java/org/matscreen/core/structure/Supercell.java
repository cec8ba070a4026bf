package org.matscreen.core.structure;

import java.io.Serializable;
import java.util.Arrays;
import org.matscreen.core.error.InvalidInputException;

/** Repeats of the conventional cell along a, b and c: a diagonal supercell, n0·n1·n2·(atoms per cell) sites. */
public record Supercell(int na, int nb, int nc) implements Serializable {
    /** Largest supercell matscreen will build (sites); beyond this EAM screening stops being high-throughput. */
    public static final int MAX_SITES = 100_000;

    public Supercell {
        if (na < 1 || nb < 1 || nc < 1) {
            throw new IllegalArgumentException("supercell repeats must be >= 1: " + na + "x" + nb + "x" + nc);
        }
    }

    public int sites(Prototype p) {
        return na * nb * nc * p.atomsPerCell();
    }

    /** {@code 5x3x3}. */
    public String key() {
        return na + "x" + nb + "x" + nc;
    }

    public static Supercell parse(int[] repeats, String source, String field) {
        if (repeats == null || repeats.length != 3 || Arrays.stream(repeats).anyMatch(r -> r < 1 || r > 100)) {
            throw new InvalidInputException(source, field, "supercell must be three repeats between 1 and 100, got "
                    + Arrays.toString(repeats));
        }
        return new Supercell(repeats[0], repeats[1], repeats[2]);
    }

    /**
     * The most compact diagonal supercell of {@code p} with at most {@code maxSites} sites whose site count is a
     * multiple of {@code siteMultiple} (so that every composition on a grid of step 1/siteMultiple is exact). Compact
     * means the smallest ratio of longest to shortest edge; ties go to fewer sites. Returns null if none exists.
     */
    public static Supercell mostCompact(Prototype p, int siteMultiple, int maxSites) {
        Lattice cell = p.conventionalCell(1.0);
        Supercell best = null;
        double bestAspect = Double.MAX_VALUE;
        int limit = Math.max(1, maxSites / p.atomsPerCell());
        for (int a = 1; a <= limit; a++) {
            for (int b = 1; a * b <= limit; b++) {
                for (int c = 1; a * b * c <= limit; c++) {
                    int n = a * b * c * p.atomsPerCell();
                    if (n % siteMultiple != 0) {
                        continue;
                    }
                    double la = a * cell.length(0);
                    double lb = b * cell.length(1);
                    double lc = c * cell.length(2);
                    double aspect = Math.max(la, Math.max(lb, lc)) / Math.min(la, Math.min(lb, lc));
                    if (aspect < bestAspect - 1e-9 || (Math.abs(aspect - bestAspect) <= 1e-9 && n < best.sites(p))) {
                        best = new Supercell(a, b, c);
                        bestAspect = aspect;
                    }
                }
            }
        }
        return best;
    }

    /**
     * The smallest diagonal supercell whose site count is a multiple of {@code siteMultiple}, at most
     * {@code maxSites} sites; among equally small ones the most compact. Null if none fits. For an expensive method,
     * where cost grows steeply with the atoms, size matters before shape (bcc at x = 1/4 gets 4 sites, not the cubic
     * 16 that {@link #mostCompact} prefers).
     */
    public static Supercell smallest(Prototype p, int siteMultiple, int maxSites) {
        return smallest(p, siteMultiple, 1, maxSites);
    }

    /** {@link #smallest(Prototype, int, int)} with at least {@code minSites} sites. */
    public static Supercell smallest(Prototype p, int siteMultiple, int minSites, int maxSites) {
        for (int n = siteMultiple; n <= maxSites; n += siteMultiple) {
            if (n < minSites) {
                continue;
            }
            if (n % p.atomsPerCell() == 0) {
                Supercell s = mostCompact(p, n, n);
                if (s != null && s.sites(p) == n) {
                    return s;
                }
            }
        }
        return null;
    }
}
