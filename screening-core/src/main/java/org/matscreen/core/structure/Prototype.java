package org.matscreen.core.structure;

import java.util.Locale;
import org.matscreen.core.error.InvalidInputException;

/**
 * Crystal prototypes as orthogonal conventional cells, so supercells are axis-aligned boxes. HCP uses the 4-atom
 * orthohombic cell (a, √3·a, c) with the ideal c/a = √(8/3) unless a ratio is given.
 */
public enum Prototype {
    /** Face-centred cubic (A1, Cu type), 4 atoms per cubic cell. */
    FCC(new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}}),
    /** Body-centred cubic (A2, W type), 2 atoms per cubic cell. */
    BCC(new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}}),
    /** Hexagonal close-packed (A3, Mg type) in its orthohombic 4-atom setting. */
    HCP(new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 5.0 / 6.0, 0.5}, {0, 1.0 / 3.0, 0.5}});

    /** Ideal hcp axial ratio c/a = √(8/3). */
    public static final double IDEAL_C_OVER_A = Math.sqrt(8.0 / 3.0);

    private final double[][] basis;

    Prototype(double[][] basis) {
        this.basis = basis;
    }

    /** Atoms in the conventional (orthogonal) cell. */
    public int atomsPerCell() {
        return basis.length;
    }

    /** Fractional coordinates of the conventional-cell basis. */
    public double[][] basis() {
        double[][] copy = new double[basis.length][];
        for (int i = 0; i < basis.length; i++) {
            copy[i] = basis[i].clone();
        }
        return copy;
    }

    /** True for the cubic prototypes, whose elastic tensor has the three independent constants C11, C12, C44. */
    public boolean isCubic() {
        return this != HCP;
    }

    /** Conventional cell for lattice parameter {@code a} (Å); for hcp the ideal c/a. */
    public Lattice conventionalCell(double aAngstrom) {
        return switch (this) {
            case FCC, BCC -> Lattice.cubic(aAngstrom);
            case HCP -> Lattice.orthorhombic(aAngstrom, Math.sqrt(3) * aAngstrom, IDEAL_C_OVER_A * aAngstrom);
        };
    }

    /** Volume per atom (Å³) of this prototype at lattice parameter {@code a} (Å). */
    public double volumePerAtom(double aAngstrom) {
        return conventionalCell(aAngstrom).volume() / atomsPerCell();
    }

    /** Lattice parameter a (Å) at which this prototype has {@code volumePerAtom} Å³ per atom. */
    public double latticeParameterForVolume(double volumePerAtomA3) {
        return Math.cbrt(volumePerAtomA3 / volumePerAtom(1.0));
    }

    /**
     * Lattice parameter a (Å) of hard spheres of metallic radius r (Å) touching along the close-packed direction:
     * fcc a = 2√2·r, bcc a = 4r/√3, hcp a = 2r. Used for starting guesses before relaxation.
     */
    public double latticeParameterFromRadius(double radiusAngstrom) {
        return switch (this) {
            case FCC -> 2 * Math.sqrt(2) * radiusAngstrom;
            case BCC -> 4 * radiusAngstrom / Math.sqrt(3);
            case HCP -> 2 * radiusAngstrom;
        };
    }

    /** Lower-case name used in campaign files and records: fcc, bcc, hcp. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Prototype parse(String text, String source, String field) {
        if (text != null) {
            for (Prototype p : values()) {
                if (p.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
        }
        throw new InvalidInputException(source, field, "unknown prototype '" + text + "' (known: fcc, bcc, hcp)");
    }
}
