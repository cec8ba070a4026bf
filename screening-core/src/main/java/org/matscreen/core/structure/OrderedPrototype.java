package org.matscreen.core.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.error.InvalidInputException;

/**
 * Small ordered binary intermetallic prototypes, the cells a DFT tier can afford: each is a decoration of an fcc or
 * bcc parent by two sublattices, A (the majority, or for equiatomic phases the alphabetically first element) and B.
 * A composition is accepted only if it is exactly the prototype's stoichiometry (the exact-composition rule). Cells
 * come in two settings: the conventional (orthogonal) cell and the primitive one (fewer atoms, cheaper DFT).
 *
 * <p>Wyckoff positions follow the Strukturbericht types as tabulated in the AFLOW Library of Crystallographic
 * Prototypes (Mehl et al., Comput. Mater. Sci. 136, S1 (2017)): L1₂ Cu₃Au (Pm-3m), L1₀ CuAu (P4/mmm), B2 CsCl
 * (Pm-3m), D0₃ BiF₃ / Fe₃Al (Fm-3m).
 */
public enum OrderedPrototype {
    /** L1₂ (Cu₃Au type) A₃B on fcc: B at the cube corner, A at the face centres; 4 atoms in both settings. */
    L1_2("L1_2", "Cu3Au", Prototype.FCC, 3, 1,
            cell(new double[][] {{0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}}, new double[][] {{0, 0, 0}}),
            cell(new double[][] {{0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}}, new double[][] {{0, 0, 0}})),
    /**
     * L1₀ (CuAu type) AB on fcc: alternating A and B (001) planes. Conventional: the 4-atom face-centred tetragonal
     * cell (a, a, c); primitive: the 2-atom body-centred-like cell (a/√2, a/√2, c), rotated 45° about c.
     */
    L1_0("L1_0", "CuAu", Prototype.FCC, 1, 1,
            cell(new double[][] {{0, 0, 0}, {0.5, 0.5, 0}}, new double[][] {{0.5, 0, 0.5}, {0, 0.5, 0.5}}),
            cell(new double[][] {{0, 0, 0}}, new double[][] {{0.5, 0.5, 0.5}})),
    /** B2 (CsCl type) AB on bcc: A at the corner, B at the body centre; 2 atoms in both settings. */
    B2("B2", "CsCl", Prototype.BCC, 1, 1,
            cell(new double[][] {{0, 0, 0}}, new double[][] {{0.5, 0.5, 0.5}}),
            cell(new double[][] {{0, 0, 0}}, new double[][] {{0.5, 0.5, 0.5}})),
    /**
     * D0₃ (BiF₃ / Fe₃Al type) A₃B on a bcc parent of lattice parameter a/2: B on 4a (0,0,0), A on 4b (½,½,½) and
     * 8c (¼,¼,¼), (¾,¾,¾) of the 16-atom cubic cell; the primitive cell is the fcc one with 4 atoms.
     */
    D0_3("D0_3", "BiF3", Prototype.BCC, 3, 1,
            cell(fccTranslated(new double[][] {{0.5, 0.5, 0.5}, {0.25, 0.25, 0.25}, {0.75, 0.75, 0.75}}),
                    fccTranslated(new double[][] {{0, 0, 0}})),
            cell(new double[][] {{0.5, 0.5, 0.5}, {0.25, 0.25, 0.25}, {0.75, 0.75, 0.75}},
                    new double[][] {{0, 0, 0}}));

    /** Which cell of a prototype to build. */
    public enum Setting {
        /** The conventional cell: orthogonal and axis-aligned, like {@link Prototype}'s cells. */
        CONVENTIONAL,
        /** The primitive cell: fewest atoms (may be triclinic, e.g. D0₃'s fcc cell). */
        PRIMITIVE
    }

    private final String strukturbericht;
    private final String prototypeCompound;
    private final Prototype parent;
    private final int ratioA;
    private final int ratioB;
    private final double[][][] conventional; // [sublattice][site][xyz]
    private final double[][][] primitive;

    OrderedPrototype(String strukturbericht, String prototypeCompound, Prototype parent, int ratioA, int ratioB,
            double[][][] conventional, double[][][] primitive) {
        this.strukturbericht = strukturbericht;
        this.prototypeCompound = prototypeCompound;
        this.parent = parent;
        this.ratioA = ratioA;
        this.ratioB = ratioB;
        this.conventional = conventional;
        this.primitive = primitive;
    }

    private static double[][][] cell(double[][] a, double[][] b) {
        return new double[][][] {a, b};
    }

    /** The positions plus their fcc translations (0,½,½), (½,0,½), (½,½,0), wrapped into [0, 1). */
    private static double[][] fccTranslated(double[][] positions) {
        double[][] t = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        List<double[]> out = new ArrayList<>();
        for (double[] p : positions) {
            for (double[] s : t) {
                out.add(new double[] {(p[0] + s[0]) % 1.0, (p[1] + s[1]) % 1.0, (p[2] + s[2]) % 1.0});
            }
        }
        return out.toArray(new double[0][]);
    }

    /** Strukturbericht designation, e.g. {@code L1_2}. */
    public String strukturbericht() {
        return strukturbericht;
    }

    /** The compound that names the structure type, e.g. {@code Cu3Au}. */
    public String prototypeCompound() {
        return prototypeCompound;
    }

    /** The disordered lattice this prototype orders on (fcc or bcc). */
    public Prototype parent() {
        return parent;
    }

    /** A:B site ratio, e.g. {3, 1} for L1₂. */
    public int[] stoichiometry() {
        return new int[] {ratioA, ratioB};
    }

    /** Atoms in the cell of the given setting. */
    public int sites(Setting setting) {
        double[][][] c = basis(setting);
        return c[0].length + c[1].length;
    }

    /** Lower-case key used in campaign files and records: {@code l1_2}, {@code l1_0}, {@code b2}, {@code d0_3}. */
    public String key() {
        return strukturbericht.toLowerCase(Locale.ROOT);
    }

    /**
     * Conventional lattice parameter a (Å) at which this prototype (with c/a = 1 for L1₀) has
     * {@code volumePerAtomA3} Å³ per atom: a³ / (atoms in the conventional cell).
     */
    public double latticeParameterForVolume(double volumePerAtomA3) {
        return Math.cbrt(volumePerAtomA3 * sites(Setting.CONVENTIONAL));
    }

    /** {@link #build(Composition, double, double, Setting)} with the ideal axial ratio c/a = 1. */
    public Structure build(Composition composition, double aAngstrom, Setting setting) {
        return build(composition, aAngstrom, 1.0, setting);
    }

    /**
     * The cell for {@code composition}, which must be exactly this prototype's stoichiometry.
     *
     * @param aAngstrom conventional lattice parameter a, Å (for D0₃ the 16-atom cube, twice the bcc parameter)
     * @param cOverA axial ratio of the conventional cell; only L1₀ accepts a value other than 1
     * @throws InvalidInputException if the composition is not this prototype's stoichiometry
     */
    public Structure build(Composition composition, double aAngstrom, double cOverA, Setting setting) {
        if (!(aAngstrom > 0) || !Double.isFinite(aAngstrom)) {
            throw new IllegalArgumentException("lattice parameter must be positive: " + aAngstrom);
        }
        if (!(cOverA > 0) || !Double.isFinite(cOverA) || (this != L1_0 && cOverA != 1.0)) {
            throw new IllegalArgumentException(strukturbericht + " is cubic; c/a must be 1, got " + cOverA);
        }
        String[] ab = sublatticeElements(composition);
        List<String> symbols = new ArrayList<>(List.of(ab));
        symbols.sort(Comparator.naturalOrder());
        double[][][] basis = basis(setting);
        int n = basis[0].length + basis[1].length;
        int[] species = new int[n];
        double[] frac = new double[3 * n];
        int k = 0;
        for (int sub = 0; sub < 2; sub++) {
            int index = symbols.indexOf(ab[sub]);
            for (double[] f : basis[sub]) {
                species[k] = index;
                System.arraycopy(f, 0, frac, 3 * k, 3);
                k++;
            }
        }
        return new Structure(lattice(aAngstrom, cOverA, setting), symbols, species, frac);
    }

    private double[][][] basis(Setting setting) {
        return setting == Setting.PRIMITIVE ? primitive : conventional;
    }

    private Lattice lattice(double a, double cOverA, Setting setting) {
        if (setting == Setting.CONVENTIONAL) {
            return Lattice.orthorhombic(a, a, cOverA * a);
        }
        return switch (this) {
            case L1_2, B2 -> Lattice.cubic(a);
            case L1_0 -> Lattice.orthorhombic(a / Math.sqrt(2), a / Math.sqrt(2), cOverA * a);
            case D0_3 -> Lattice.of(0, a / 2, a / 2, a / 2, 0, a / 2, a / 2, a / 2, 0);
        };
    }

    /**
     * The elements on sublattices A and B. A₃B prototypes put the element of fraction ¾ on A; equiatomic ones put
     * the alphabetically first element on A (the two choices are the same crystal, shifted).
     */
    private String[] sublatticeElements(Composition composition) {
        List<String> el = composition.symbols();
        double[] x = composition.fractions();
        double wantA = (double) ratioA / (ratioA + ratioB);
        if (el.size() == 2) {
            for (int i = 0; i < 2; i++) {
                if (Math.abs(x[i] - wantA) <= 1e-9 && Math.abs(x[1 - i] - (1 - wantA)) <= 1e-9) {
                    return new String[] {el.get(i), el.get(1 - i)};
                }
            }
        }
        throw new InvalidInputException("structure", "prototype", String.format(Locale.ROOT,
                "%s (%s type) holds binary compositions %s exactly; %s is not one (fractions %s)", strukturbericht,
                prototypeCompound, ratioA == ratioB ? "AB" : "A" + ratioA + "B", composition.formula(),
                Arrays.toString(x)));
    }

    public static OrderedPrototype parse(String text, String source, String field) {
        if (text != null) {
            String t = text.strip().toLowerCase(Locale.ROOT).replace("-", "_");
            for (OrderedPrototype p : values()) {
                if (p.key().equals(t) || p.key().replace("_", "").equals(t)) {
                    return p;
                }
            }
        }
        throw new InvalidInputException(source, field, "unknown ordered prototype '" + text
                + "' (known: l1_2, l1_0, b2, d0_3)");
    }
}
