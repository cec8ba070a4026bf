package org.matscreen.core.properties;

/**
 * Cubic elastic constants and the isotropic moduli derived from them, GPa.
 *
 * <p>For a cell that is cubic only on average (a random alloy), C11, C12 and C44 are the averages of the three
 * equivalent entries of the full tensor; {@link #cubicDeviationGpa()} records how far the tensor is from cubic.
 * Polycrystal moduli are Voigt–Reuss–Hill averages (R. Hill, Proc. Phys. Soc. A 65, 349 (1952)); the Pugh ratio B/G
 * (S. F. Pugh, Phil. Mag. 45, 823 (1954)) above about 1.75 suggests ductile behaviour.
 */
public record ElasticConstants(double c11Gpa, double c12Gpa, double c44Gpa, double cubicDeviationGpa) {

    /** Cubic averages of a full 6×6 stiffness tensor in Voigt notation, GPa. */
    public static ElasticConstants fromTensor(double[][] c) {
        double c11 = (c[0][0] + c[1][1] + c[2][2]) / 3;
        double c12 = (c[0][1] + c[1][0] + c[0][2] + c[2][0] + c[1][2] + c[2][1]) / 6;
        double c44 = (c[3][3] + c[4][4] + c[5][5]) / 3;
        double dev = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double ideal;
                if (i < 3 && j < 3) {
                    ideal = i == j ? c11 : c12;
                } else if (i == j) {
                    ideal = c44;
                } else {
                    ideal = 0;
                }
                dev = Math.max(dev, Math.abs(c[i][j] - ideal));
            }
        }
        return new ElasticConstants(c11, c12, c44, dev);
    }

    /** Bulk modulus B = (C11 + 2 C12)/3, GPa (Voigt and Reuss agree for cubic symmetry). */
    public double bulkModulusGpa() {
        return (c11Gpa + 2 * c12Gpa) / 3;
    }

    /** Voigt shear modulus (C11 − C12 + 3 C44)/5, GPa. */
    public double shearVoigtGpa() {
        return (c11Gpa - c12Gpa + 3 * c44Gpa) / 5;
    }

    /** Reuss shear modulus 5 (C11 − C12) C44 / (4 C44 + 3 (C11 − C12)), GPa. */
    public double shearReussGpa() {
        double d = c11Gpa - c12Gpa;
        return 5 * d * c44Gpa / (4 * c44Gpa + 3 * d);
    }

    /** Hill shear modulus, the mean of Voigt and Reuss, GPa. */
    public double shearHillGpa() {
        return (shearVoigtGpa() + shearReussGpa()) / 2;
    }

    /** Pugh ratio B/G (Hill). */
    public double pughRatio() {
        return bulkModulusGpa() / shearHillGpa();
    }

    /** Born stability of a cubic crystal: C11 − C12 > 0, C11 + 2 C12 > 0, C44 > 0. */
    public boolean mechanicallyStable() {
        return c11Gpa - c12Gpa > 0 && c11Gpa + 2 * c12Gpa > 0 && c44Gpa > 0;
    }
}
