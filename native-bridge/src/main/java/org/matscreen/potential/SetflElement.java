package org.matscreen.potential;

import java.util.Arrays;
import java.util.Objects;

/**
 * One element's block of a setfl file: its header line and its two tables.
 *
 * @param symbol element symbol as the file's element line names it
 * @param atomicNumber Z from the element header
 * @param massAmu atomic mass, g/mol (LAMMPS sets the atom type's mass from it)
 * @param latticeConstantAngstrom informational lattice constant, Å (LAMMPS ignores it; NaN if the header omits it)
 * @param latticeType informational structure name such as {@code fcc} (LAMMPS ignores it; empty if omitted)
 * @param embeddingEv F(ρ_i) on the density grid, eV
 * @param density f(r_i) on the distance grid
 */
public record SetflElement(String symbol, int atomicNumber, double massAmu, double latticeConstantAngstrom,
        String latticeType, double[] embeddingEv, double[] density) {

    public SetflElement {
        Objects.requireNonNull(symbol, "symbol");
        latticeType = latticeType == null ? "" : latticeType;
        embeddingEv = embeddingEv.clone();
        density = density.clone();
    }

    /** A copy of F(ρ_i), eV. */
    @Override
    public double[] embeddingEv() {
        return embeddingEv.clone();
    }

    /** A copy of f(r_i). */
    @Override
    public double[] density() {
        return density.clone();
    }

    /** Exact equality, arrays compared element by element (NaN lattice constants compare equal). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SetflElement e && symbol.equals(e.symbol) && atomicNumber == e.atomicNumber
                && Double.compare(massAmu, e.massAmu) == 0
                && Double.compare(latticeConstantAngstrom, e.latticeConstantAngstrom) == 0
                && latticeType.equals(e.latticeType) && Arrays.equals(embeddingEv, e.embeddingEv)
                && Arrays.equals(density, e.density);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, atomicNumber, massAmu, latticeConstantAngstrom, latticeType,
                Arrays.hashCode(embeddingEv), Arrays.hashCode(density));
    }

    @Override
    public String toString() {
        return "SetflElement[" + symbol + ", Z=" + atomicNumber + ", mass=" + massAmu + ", " + embeddingEv.length
                + " F values, " + density.length + " density values]";
    }
}
