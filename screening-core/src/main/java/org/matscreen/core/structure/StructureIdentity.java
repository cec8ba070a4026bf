package org.matscreen.core.structure;

import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * What a relaxed cell actually is, at two levels: the cell (its strain against the prototype's ideal cell of the same
 * volume) and the atoms (the share of each local structure a common-neighbour analysis found).
 *
 * <p>Thresholds, chosen from relaxed Zhou 2004 EAM cells (the issue-13 survey: genuine fcc, bcc and hcp random solid
 * solutions had 100 % of their atoms in the prototype's class and shape strains below 2 %; cells that shuffled or
 * transformed had at most 68 % in any class, or shape strains of 20–41 %):
 * <ul>
 *   <li>{@code structure_after} is {@code fcc}, {@code hcp} or {@code bcc} when at least {@value #CLASS_FRACTION} of
 *       the atoms have that signature, {@code other} when at least {@value #OTHER_FRACTION} have none of them, and
 *       {@code mixed} otherwise;
 *   <li>the cell keeps its prototype when its shape strain is at most {@value #MAX_SHAPE_STRAIN} and, for hcp, c/a is
 *       within {@value #MAX_C_OVER_A_DEVIATION} (relative) of the ideal √(8/3);
 *   <li>the prototype is retained when both hold and {@code structure_after} is the prototype.
 * </ul>
 *
 * @param structureAfter {@code fcc}, {@code hcp}, {@code bcc}, {@code other} or {@code mixed}; null if the atoms
 *     were not analysed
 * @param fccFraction share of atoms with the fcc signature (NaN if not analysed)
 * @param hcpFraction share with the hcp signature
 * @param bccFraction share with the bcc signature
 * @param otherFraction share with none of them (icosahedral included)
 * @param cOverA hcp: c/a of the hexagonal cell (ideal √(8/3) = 1.633); cubic: the Bain ratio, the conventional
 *     edge that differs most from the other two over their mean (1 for a cubic cell, 1/√2 for bcc reached from fcc
 *     along the Bain path, √2 for fcc reached from bcc)
 * @param shapeStrain largest over smallest principal stretch of the cell, minus one, against the prototype's ideal
 *     cell of the same volume (for hcp, at the cell's own c/a): 0 for an undistorted cell, √2 − 1 = 0.414 for the
 *     Bain transformation
 * @param retained the prototype survived the relaxation (see above); null if the atoms were not analysed
 */
public record StructureIdentity(String structureAfter, double fccFraction, double hcpFraction, double bccFraction,
        double otherFraction, double cOverA, double shapeStrain, Boolean retained) {

    /** Share of atoms a class needs to name the structure. */
    public static final double CLASS_FRACTION = 0.9;
    /** Share of unclassified atoms that makes a structure {@code other}. */
    public static final double OTHER_FRACTION = 0.5;
    /** Largest shape strain of a cell that keeps its prototype. */
    public static final double MAX_SHAPE_STRAIN = 0.05;
    /** Largest relative deviation of an hcp cell's c/a from √(8/3). */
    public static final double MAX_C_OVER_A_DEVIATION = 0.10;

    /**
     * Classifies a relaxed supercell of {@code prototype} repeated by {@code supercell}.
     *
     * @param siteClasses {@link LocalStructure#code()} of every site; empty if the atoms were not analysed
     */
    public static StructureIdentity of(Prototype prototype, Supercell supercell, Lattice relaxed, int[] siteClasses) {
        double cOverA = cOverA(prototype, supercell, relaxed);
        double strain = shapeStrain(prototype, supercell, relaxed, cOverA);
        boolean cellKept = strain <= MAX_SHAPE_STRAIN && (prototype.isCubic()
                || Math.abs(cOverA / Prototype.IDEAL_C_OVER_A - 1) <= MAX_C_OVER_A_DEVIATION);
        if (siteClasses.length == 0) {
            return new StructureIdentity(null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, cOverA, strain, null);
        }
        int[] count = new int[LocalStructure.values().length];
        for (int code : siteClasses) {
            count[LocalStructure.ofCode(code).ordinal()]++;
        }
        double n = siteClasses.length;
        double fcc = count[LocalStructure.FCC.ordinal()] / n;
        double hcp = count[LocalStructure.HCP.ordinal()] / n;
        double bcc = count[LocalStructure.BCC.ordinal()] / n;
        double other = (count[LocalStructure.OTHER.ordinal()] + count[LocalStructure.ICOSAHEDRAL.ordinal()]) / n;
        String after;
        if (fcc >= CLASS_FRACTION) {
            after = "fcc";
        } else if (hcp >= CLASS_FRACTION) {
            after = "hcp";
        } else if (bcc >= CLASS_FRACTION) {
            after = "bcc";
        } else if (other >= OTHER_FRACTION) {
            after = "other";
        } else {
            after = "mixed";
        }
        return new StructureIdentity(after, fcc, hcp, bcc, other, cOverA, strain,
                cellKept && after.equals(prototype.key()));
    }

    /** See {@link #cOverA()}. */
    static double cOverA(Prototype p, Supercell sc, Lattice l) {
        double e0 = l.length(0) / sc.na();
        double e1 = l.length(1) / sc.nb();
        double e2 = l.length(2) / sc.nc();
        if (!p.isCubic()) {
            return e2 / ((e0 + e1 / Math.sqrt(3)) / 2);
        }
        double[] e = {e0, e1, e2};
        int unique = 0;
        double worst = -1;
        for (int i = 0; i < 3; i++) {
            double others = (e[(i + 1) % 3] + e[(i + 2) % 3]) / 2;
            double d = Math.abs(e[i] / others - 1);
            if (d > worst + 1e-12) {
                worst = d;
                unique = i;
            }
        }
        return e[unique] / ((e[(unique + 1) % 3] + e[(unique + 2) % 3]) / 2);
    }

    /** See {@link #shapeStrain()}: principal stretches from C = M Mᵀ, M = L0⁻¹ L (rows are cell vectors). */
    static double shapeStrain(Prototype p, Supercell sc, Lattice relaxed, double cOverA) {
        Lattice unit = p.isCubic() ? p.conventionalCell(1.0)
                : Lattice.orthorhombic(1.0, Math.sqrt(3), cOverA);
        Lattice ideal = unit.repeated(sc.na(), sc.nb(), sc.nc());
        ideal = ideal.scaled(Math.cbrt(relaxed.volume() / ideal.volume()));
        RealMatrix l0 = matrix(ideal);
        RealMatrix l = matrix(relaxed);
        RealMatrix m = new LUDecomposition(l0).getSolver().getInverse().multiply(l);
        double[] eig = new EigenDecomposition(m.multiply(m.transpose())).getRealEigenvalues();
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : eig) {
            double stretch = Math.sqrt(Math.max(v, 0));
            max = Math.max(max, stretch);
            min = Math.min(min, stretch);
        }
        return max / min - 1;
    }

    private static RealMatrix matrix(Lattice l) {
        double[][] rows = new double[3][];
        for (int i = 0; i < 3; i++) {
            rows[i] = l.vector(i);
        }
        return new Array2DRowRealMatrix(rows);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (fcc %.2f, hcp %.2f, bcc %.2f, other %.2f; c/a %.4f, shape strain %.4f)",
                structureAfter, fccFraction, hcpFraction, bccFraction, otherFraction, cOverA, shapeStrain);
    }
}
