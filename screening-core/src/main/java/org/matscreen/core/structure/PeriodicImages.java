package org.matscreen.core.structure;

/**
 * The periodic images of a structure's sites near one site, for neighbour searches in cells of any shape and size.
 *
 * <p>A lattice vector x·(a, b, c) is at least |x_k|·height_k long, so for each pair only the images whose fractional
 * separation along every vector is within cutoff/height_k can be near: one image per pair in a cell more than twice
 * the cut-off high. A fixed block of images around every pair measured 125 per pair in the 180-site screening cell
 * (16 ms of the executor's time per candidate).
 */
final class PeriodicImages {
    /** Receives a site and the vector (Å) from the central site to one of its images. */
    interface Visitor {
        void accept(int j, double dx, double dy, double dz);
    }

    private final double[] m;
    private final double[] frac;
    private final double s0;
    private final double s1;
    private final double s2;

    /**
     * @param fractional 3 fractional coordinates per site, inside the cell or not
     * @param cutoff distance within which images are visited, Å
     */
    PeriodicImages(Lattice lattice, double[] fractional, double cutoff) {
        this.m = lattice.rowMajor();
        this.frac = fractional;
        this.s0 = cutoff / lattice.height(0);
        this.s1 = cutoff / lattice.height(1);
        this.s2 = cutoff / lattice.height(2);
    }

    /**
     * Visits every image of every site (site i's own images and site i itself included) whose separation from site i
     * is within the cut-off along each lattice direction: a superset of those within the cut-off, which the visitor
     * selects by its own test.
     */
    void around(int i, Visitor v) {
        int n = frac.length / 3;
        for (int j = 0; j < n; j++) {
            double f0 = frac[3 * j] - frac[3 * i];
            double f1 = frac[3 * j + 1] - frac[3 * i + 1];
            double f2 = frac[3 * j + 2] - frac[3 * i + 2];
            f0 -= Math.rint(f0);
            f1 -= Math.rint(f1);
            f2 -= Math.rint(f2);
            for (int a = (int) Math.ceil(-s0 - f0), aEnd = (int) Math.floor(s0 - f0); a <= aEnd; a++) {
                double x0 = f0 + a;
                for (int b = (int) Math.ceil(-s1 - f1), bEnd = (int) Math.floor(s1 - f1); b <= bEnd; b++) {
                    double x1 = f1 + b;
                    for (int g = (int) Math.ceil(-s2 - f2), gEnd = (int) Math.floor(s2 - f2); g <= gEnd; g++) {
                        double x2 = f2 + g;
                        v.accept(j, x0 * m[0] + x1 * m[3] + x2 * m[6], x0 * m[1] + x1 * m[4] + x2 * m[7],
                                x0 * m[2] + x1 * m[5] + x2 * m[8]);
                    }
                }
            }
        }
    }
}
