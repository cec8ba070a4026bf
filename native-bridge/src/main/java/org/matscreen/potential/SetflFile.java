package org.matscreen.potential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The content of a DYNAMO setfl file, the format of LAMMPS {@code pair_style eam/alloy}: three comment lines, the
 * element line, the grid line, then per element a header ({@code Z mass a lattice}) with F(ρ) and f(r), then r·φ(r)
 * (eV·Å) for every pair (i, j ≤ i) in file order. Immutable; the tables are copied in and out. Read with
 * {@link SetflReader}, write with {@link SetflWriter}.
 *
 * @param comments the three comment lines (without line terminators)
 * @param grid the density and distance grids and the cut-off
 * @param elements per-element blocks in file order
 * @param pairTables r_k·φ_ij(r_k) (eV·Å) for i ≥ j in the order (0,0), (1,0), (1,1), (2,0), …: table i·(i+1)/2 + j
 */
public record SetflFile(List<String> comments, SetflGrid grid, List<SetflElement> elements, List<double[]> pairTables) {

    /** Number of comment lines a setfl file starts with. */
    public static final int COMMENT_LINES = 3;

    public SetflFile {
        Objects.requireNonNull(grid, "grid");
        comments = List.copyOf(comments);
        elements = List.copyOf(elements);
        if (comments.size() != COMMENT_LINES) {
            throw new IllegalArgumentException("a setfl file has exactly 3 comment lines, got " + comments.size());
        }
        for (String c : comments) {
            if (c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a comment line may not contain a line break: " + c);
            }
        }
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("a setfl file covers at least one element");
        }
        for (SetflElement e : elements) {
            if (e.embeddingEv().length != grid.nRho() || e.density().length != grid.nR()) {
                throw new IllegalArgumentException(e.symbol() + ": tables must have nrho=" + grid.nRho() + " and nr="
                        + grid.nR() + " values");
            }
        }
        int n = elements.size();
        if (pairTables.size() != n * (n + 1) / 2) {
            throw new IllegalArgumentException(n + " elements need " + n * (n + 1) / 2 + " pair tables, got "
                    + pairTables.size());
        }
        List<double[]> copies = new ArrayList<>(pairTables.size());
        for (double[] t : pairTables) {
            if (t.length != grid.nR()) {
                throw new IllegalArgumentException("pair tables must have nr=" + grid.nR() + " values, got "
                        + t.length);
            }
            copies.add(t.clone());
        }
        pairTables = List.copyOf(copies);
    }

    /** Element symbols in file order (the order of {@code pair_coeff} names and of the tables). */
    public List<String> symbols() {
        return elements.stream().map(SetflElement::symbol).toList();
    }

    /** Copies of the pair tables, in file order. */
    @Override
    public List<double[]> pairTables() {
        return pairTables.stream().map(double[]::clone).toList();
    }

    /** A copy of r·φ_ij(r_k) (eV·Å) for elements i and j in either order (indices into {@link #elements()}). */
    public double[] pairTable(int i, int j) {
        int hi = Math.max(i, j);
        int lo = Math.min(i, j);
        if (lo < 0 || hi >= elements.size()) {
            throw new IndexOutOfBoundsException("element index out of range: " + i + ", " + j);
        }
        return pairTables.get(hi * (hi + 1) / 2 + lo).clone();
    }

    /** Exact equality, tables compared element by element. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SetflFile f) || !comments.equals(f.comments) || !grid.equals(f.grid)
                || !elements.equals(f.elements) || pairTables.size() != f.pairTables.size()) {
            return false;
        }
        for (int k = 0; k < pairTables.size(); k++) {
            if (!Arrays.equals(pairTables.get(k), f.pairTables.get(k))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(comments, grid, elements);
        for (double[] t : pairTables) {
            h = 31 * h + Arrays.hashCode(t);
        }
        return h;
    }

    @Override
    public String toString() {
        return "SetflFile[" + String.join(" ", symbols()) + ", " + grid + "]";
    }
}
