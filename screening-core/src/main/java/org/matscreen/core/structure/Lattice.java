package org.matscreen.core.structure;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A periodic lattice given by three row vectors a, b, c in Å (Cartesian). Immutable. The LAMMPS convention
 * (a along x, b in the xy-plane, c anywhere: a lower-triangular matrix) is produced by {@link #toLammpsForm()}.
 */
public final class Lattice implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] m; // row-major: m[3*i + k] is component k of vector i

    private Lattice(double[] m) {
        for (double v : m) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("lattice component is not finite: " + Arrays.toString(m));
            }
        }
        this.m = m;
        if (!(volume() > 0)) {
            throw new IllegalArgumentException("lattice vectors must be right-handed with positive volume: "
                    + Arrays.toString(m));
        }
    }

    /** Lattice from the nine components a_x a_y a_z b_x b_y b_z c_x c_y c_z, Å. */
    public static Lattice of(double... rowMajor) {
        if (rowMajor.length != 9) {
            throw new IllegalArgumentException("a lattice has 9 components, got " + rowMajor.length);
        }
        return new Lattice(rowMajor.clone());
    }

    /** Orthorhombic lattice with edges a, b, c in Å. */
    public static Lattice orthorhombic(double a, double b, double c) {
        return new Lattice(new double[] {a, 0, 0, 0, b, 0, 0, 0, c});
    }

    public static Lattice cubic(double a) {
        return orthorhombic(a, a, a);
    }

    /** Component k (0..2) of vector i (0..2), Å. */
    public double get(int i, int k) {
        return m[3 * i + k];
    }

    public double[] rowMajor() {
        return m.clone();
    }

    public double[] vector(int i) {
        return new double[] {m[3 * i], m[3 * i + 1], m[3 * i + 2]};
    }

    /** Length of vector i, Å. */
    public double length(int i) {
        return Math.sqrt(m[3 * i] * m[3 * i] + m[3 * i + 1] * m[3 * i + 1] + m[3 * i + 2] * m[3 * i + 2]);
    }

    /** Angle between vectors j and k (the angle opposite i: alpha = angle(b, c)), degrees. */
    public double angleDegrees(int j, int k) {
        double dot = m[3 * j] * m[3 * k] + m[3 * j + 1] * m[3 * k + 1] + m[3 * j + 2] * m[3 * k + 2];
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot / (length(j) * length(k))))));
    }

    /** Cell volume, Å³. */
    public double volume() {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /**
     * Spacing of the lattice planes spanned by the two vectors other than {@code k}, Å: the cell's height along
     * vector k (|V| / |a_i × a_j|), and 2π over the length of reciprocal vector k.
     */
    public double height(int k) {
        double[] u = vector((k + 1) % 3);
        double[] v = vector((k + 2) % 3);
        double x = u[1] * v[2] - u[2] * v[1];
        double y = u[2] * v[0] - u[0] * v[2];
        double z = u[0] * v[1] - u[1] * v[0];
        return Math.abs(volume()) / Math.sqrt(x * x + y * y + z * z);
    }

    /** True if the three vectors are mutually orthogonal and axis-aligned (a LAMMPS orthogonal box). */
    public boolean isAxisAlignedOrthogonal(double tol) {
        return Math.abs(m[1]) < tol && Math.abs(m[2]) < tol && Math.abs(m[3]) < tol && Math.abs(m[5]) < tol
                && Math.abs(m[6]) < tol && Math.abs(m[7]) < tol;
    }

    /** Cartesian position (Å) of fractional coordinates f. */
    public double[] toCartesian(double f0, double f1, double f2) {
        return new double[] {
            f0 * m[0] + f1 * m[3] + f2 * m[6], f0 * m[1] + f1 * m[4] + f2 * m[7], f0 * m[2] + f1 * m[5] + f2 * m[8]
        };
    }

    /** Fractional coordinates of a Cartesian position (Å). */
    public double[] toFractional(double x, double y, double z) {
        double[] inv = inverse();
        return new double[] {
            x * inv[0] + y * inv[3] + z * inv[6], x * inv[1] + y * inv[4] + z * inv[7], x * inv[2] + y * inv[5] + z * inv[8]
        };
    }

    private double[] inverse() {
        double det = volume();
        return new double[] {
            (m[4] * m[8] - m[5] * m[7]) / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
            (m[5] * m[6] - m[3] * m[8]) / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
            (m[3] * m[7] - m[4] * m[6]) / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det
        };
    }

    /** This lattice scaled uniformly by {@code factor} (lengths), e.g. to a new lattice parameter. */
    public Lattice scaled(double factor) {
        double[] s = m.clone();
        for (int i = 0; i < 9; i++) {
            s[i] *= factor;
        }
        return new Lattice(s);
    }

    /** Supercell lattice with vectors multiplied by n0, n1, n2. */
    public Lattice repeated(int n0, int n1, int n2) {
        double[] s = m.clone();
        int[] n = {n0, n1, n2};
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                s[3 * i + k] *= n[i];
            }
        }
        return new Lattice(s);
    }

    /**
     * The same lattice rotated into LAMMPS' restricted triclinic form: a = (lx, 0, 0), b = (xy, ly, 0),
     * c = (xz, yz, lz). Returns {lx, ly, lz, xy, xz, yz} in Å. Fractional coordinates are unchanged by the rotation.
     */
    public double[] toLammpsForm() {
        double a = length(0);
        double b = length(1);
        double c = length(2);
        double cosAlpha = Math.cos(Math.toRadians(angleDegrees(1, 2)));
        double cosBeta = Math.cos(Math.toRadians(angleDegrees(0, 2)));
        double cosGamma = Math.cos(Math.toRadians(angleDegrees(0, 1)));
        double lx = a;
        double xy = b * cosGamma;
        double xz = c * cosBeta;
        double ly = Math.sqrt(b * b - xy * xy);
        double yz = (b * c * cosAlpha - xy * xz) / ly;
        double lz = Math.sqrt(c * c - xz * xz - yz * yz);
        return new double[] {lx, ly, lz, xy, xz, yz};
    }

    /** The lattice in LAMMPS form (see {@link #toLammpsForm()}) as a {@code Lattice}. */
    public static Lattice fromLammps(double lx, double ly, double lz, double xy, double xz, double yz) {
        return new Lattice(new double[] {lx, 0, 0, xy, ly, 0, xz, yz, lz});
    }

    /** True if every component agrees within {@code tolAngstrom}. */
    public boolean almostEquals(Lattice other, double tolAngstrom) {
        for (int i = 0; i < 9; i++) {
            if (Math.abs(m[i] - other.m[i]) > tolAngstrom) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lattice l && Arrays.equals(m, l.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return "Lattice" + Arrays.toString(m);
    }
}
