package org.matscreen.core.structure;

/**
 * Local structure of one atom as a common-neighbour analysis assigns it (J. D. Honeycutt and H. C. Andersen,
 * J. Phys. Chem. 91, 4950 (1987); D. Faken and H. Jónsson, Comput. Mater. Sci. 2, 279 (1994)). The codes are those
 * of LAMMPS' {@code compute cna/atom} except that its "unknown" (5) is {@link #OTHER} (0) here.
 */
public enum LocalStructure {
    /** None of the signatures below. */
    OTHER,
    /** 12 neighbours, all 421 pairs. */
    FCC,
    /** 12 neighbours, 6 pairs 421 and 6 pairs 422. */
    HCP,
    /** 14 neighbours, 8 pairs 666 and 6 pairs 444. */
    BCC,
    /** 12 neighbours, all 555 pairs. */
    ICOSAHEDRAL;

    /**
     * Cut-off of the fcc/hcp pass of a conventional (fixed cut-off) common-neighbour analysis, in units of the cube
     * root of the volume per atom: midway between the first and second fcc shells, (1/√2 + 1)/2 · a with
     * a = (4 V)^(1/3). A cell is analysed at its own density, so one rule serves every lattice parameter.
     */
    public static final double FCC_CUTOFF_PER_VOLUME_ROOT = (1 / Math.sqrt(2) + 1) / 2 * Math.cbrt(4);
    /**
     * Cut-off of the bcc pass: midway between the second and third bcc shells, (1 + √2)/2 · a with a = (2 V)^(1/3).
     * An atom is fcc, hcp or icosahedral by the first pass, else bcc if either pass finds the bcc signature, else
     * {@link #OTHER}: each structure is tested at the cut-off the LAMMPS manual recommends for it.
     */
    public static final double BCC_CUTOFF_PER_VOLUME_ROOT = (1 + Math.sqrt(2)) / 2 * Math.cbrt(2);

    /** Per-atom class from the codes of the fcc pass and of the bcc pass (see the cut-off constants). */
    public static int combine(int fccPassCode, int bccPassCode) {
        LocalStructure a = ofCode(fccPassCode);
        if (a == FCC || a == HCP || a == ICOSAHEDRAL) {
            return a.code();
        }
        return a == BCC || ofCode(bccPassCode) == BCC ? BCC.code() : OTHER.code();
    }

    /** The class of a code (see the class comment); anything unknown is {@link #OTHER}. */
    public static LocalStructure ofCode(int code) {
        return code >= 1 && code <= 4 ? values()[code] : OTHER;
    }

    public int code() {
        return ordinal();
    }
}
