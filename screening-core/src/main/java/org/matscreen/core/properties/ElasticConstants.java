package org.matscreen.core.properties;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Elastic constants of a cubic or hexagonal crystal (GPa, Voigt notation, c along z for hexagonal), the isotropic
 * moduli derived from them and their mechanical (Born) stability.
 *
 * <p>A random alloy has the prototype's symmetry only on average, so {@link #fromTensor} projects the full tensor
 * onto it (averages of the symmetry-equivalent entries) and records in {@link #symmetryDeviationGpa()} how far the
 * tensor is from that symmetry. Born criteria in the necessary-and-sufficient form of F. Mouhat and F.-X. Coudert,
 * Phys. Rev. B 90, 224104 (2014): cubic C11 − C12 &gt; 0, C11 + 2 C12 &gt; 0, C44 &gt; 0; hexagonal C11 &gt; |C12|,
 * 2 C13² &lt; C33 (C11 + C12), C44 &gt; 0, C66 &gt; 0. Polycrystal moduli are Voigt, Reuss and Hill averages
 * (R. Hill, Proc. Phys. Soc. A 65, 349 (1952)) computed from the projected tensor and its inverse, so one formula
 * serves both symmetries; the Pugh ratio B/G (S. F. Pugh, Phil. Mag. 45, 823 (1954)) above about 1.75 suggests
 * ductile behaviour.
 *
 * @param hexagonal true for hexagonal (C13, C33, C66 independent), false for cubic (C13 = C12, C33 = C11,
 *     C66 = C44)
 * @param c66Gpa for hexagonal symmetry (C11 − C12)/2 in an ideal crystal; recorded as measured
 */
public record ElasticConstants(boolean hexagonal, double c11Gpa, double c12Gpa, double c13Gpa, double c33Gpa,
        double c44Gpa, double c66Gpa, double symmetryDeviationGpa) implements java.io.Serializable {

    /** Cubic constants. */
    public static ElasticConstants cubic(double c11, double c12, double c44) {
        return new ElasticConstants(false, c11, c12, c12, c11, c44, c44, 0);
    }

    /** Hexagonal constants. */
    public static ElasticConstants hexagonal(double c11, double c12, double c13, double c33, double c44, double c66) {
        return new ElasticConstants(true, c11, c12, c13, c33, c44, c66, 0);
    }

    /** The symmetric part of a full 6×6 tensor (GPa) projected onto cubic or hexagonal symmetry. */
    public static ElasticConstants fromTensor(double[][] full, boolean hexagonal) {
        double[][] c = symmetrised(full);
        ElasticConstants ec;
        if (hexagonal) {
            ec = hexagonal((c[0][0] + c[1][1]) / 2, c[0][1], (c[0][2] + c[1][2]) / 2, c[2][2], (c[3][3] + c[4][4]) / 2,
                    c[5][5]);
        } else {
            ec = cubic((c[0][0] + c[1][1] + c[2][2]) / 3, (c[0][1] + c[0][2] + c[1][2]) / 3,
                    (c[3][3] + c[4][4] + c[5][5]) / 3);
        }
        double[][] ideal = ec.tensor();
        if (hexagonal) {
            ideal[5][5] = (ec.c11Gpa - ec.c12Gpa) / 2; // the ideal crystal's C66
        }
        double dev = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                dev = Math.max(dev, Math.abs(c[i][j] - ideal[i][j]));
            }
        }
        return new ElasticConstants(hexagonal, ec.c11Gpa, ec.c12Gpa, ec.c13Gpa, ec.c33Gpa, ec.c44Gpa, ec.c66Gpa, dev);
    }

    /** (C + Cᵀ)/2: finite differences leave a small asymmetry that the physical tensor does not have. */
    public static double[][] symmetrised(double[][] c) {
        double[][] s = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                s[i][j] = (c[i][j] + c[j][i]) / 2;
            }
        }
        return s;
    }

    /** Smallest eigenvalue of the symmetrised full tensor, GPa: positive for any mechanically stable crystal. */
    public static double smallestEigenvalueGpa(double[][] full) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : new EigenDecomposition(new Array2DRowRealMatrix(symmetrised(full))).getRealEigenvalues()) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** The 6×6 tensor of these constants, GPa. */
    public double[][] tensor() {
        double[][] c = new double[6][6];
        c[0][0] = c11Gpa;
        c[1][1] = c11Gpa;
        c[2][2] = c33Gpa;
        c[0][1] = c12Gpa;
        c[1][0] = c12Gpa;
        c[0][2] = c13Gpa;
        c[2][0] = c13Gpa;
        c[1][2] = c13Gpa;
        c[2][1] = c13Gpa;
        c[3][3] = c44Gpa;
        c[4][4] = c44Gpa;
        c[5][5] = c66Gpa;
        return c;
    }

    /** Born stability for this symmetry (see the class comment). */
    public boolean mechanicallyStable() {
        if (!hexagonal) {
            return c11Gpa - c12Gpa > 0 && c11Gpa + 2 * c12Gpa > 0 && c44Gpa > 0;
        }
        return c11Gpa > Math.abs(c12Gpa) && 2 * c13Gpa * c13Gpa < c33Gpa * (c11Gpa + c12Gpa) && c44Gpa > 0
                && c66Gpa > 0;
    }

    /** Voigt bulk modulus [(C11 + C22 + C33) + 2 (C12 + C13 + C23)] / 9, GPa (uniform strain). */
    public double bulkVoigtGpa() {
        return (2 * c11Gpa + c33Gpa + 2 * (c12Gpa + 2 * c13Gpa)) / 9;
    }

    /**
     * Reuss bulk modulus 1 / [(S11 + S22 + S33) + 2 (S12 + S13 + S23)], GPa (uniform stress): what an E(V) curve
     * along the hydrostatic path measures. Equal to the Voigt value for cubic symmetry.
     */
    public double bulkReussGpa() {
        double[][] s = compliance();
        return 1 / (s[0][0] + s[1][1] + s[2][2] + 2 * (s[0][1] + s[0][2] + s[1][2]));
    }

    /** Voigt shear modulus [(C11 + C22 + C33) − (C12 + C13 + C23) + 3 (C44 + C55 + C66)] / 15, GPa. */
    public double shearVoigtGpa() {
        return (2 * c11Gpa + c33Gpa - (c12Gpa + 2 * c13Gpa) + 3 * (2 * c44Gpa + c66Gpa)) / 15;
    }

    /** Reuss shear modulus 15 / [4 (S11 + S22 + S33) − 4 (S12 + S13 + S23) + 3 (S44 + S55 + S66)], GPa. */
    public double shearReussGpa() {
        double[][] s = compliance();
        return 15 / (4 * (s[0][0] + s[1][1] + s[2][2]) - 4 * (s[0][1] + s[0][2] + s[1][2])
                + 3 * (s[3][3] + s[4][4] + s[5][5]));
    }

    /** Hill shear modulus, the mean of Voigt and Reuss, GPa. */
    public double shearHillGpa() {
        return (shearVoigtGpa() + shearReussGpa()) / 2;
    }

    /** Hill bulk modulus, the mean of Voigt and Reuss, GPa. */
    public double bulkHillGpa() {
        return (bulkVoigtGpa() + bulkReussGpa()) / 2;
    }

    /** Pugh ratio B/G with Hill averages. */
    public double pughRatio() {
        return bulkHillGpa() / shearHillGpa();
    }

    /** S = C⁻¹, 1/GPa; NaN entries for a singular tensor (which no stable crystal has). */
    private double[][] compliance() {
        RealMatrix c = new Array2DRowRealMatrix(tensor());
        try {
            return new LUDecomposition(c).getSolver().getInverse().getData();
        } catch (SingularMatrixException e) {
            double[][] nan = new double[6][6];
            for (double[] row : nan) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            return nan;
        }
    }
}
