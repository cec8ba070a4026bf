package org.matscreen.core.structure;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.element.PeriodicTable;

/**
 * A periodic structure: a {@link Lattice} (Å), the species of each site and the fractional coordinates of each site.
 * Species are stored as indices into {@link #speciesSymbols()} (alphabetical), which keeps the structure compact on
 * the wire and maps directly onto LAMMPS atom types (type = index + 1). Immutable; the core model knows no file
 * format (CIF, POSCAR and the like wrap it in {@code results-schema}).
 */
public final class Structure implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Lattice lattice;
    private final String[] speciesSymbols;
    private final int[] siteSpecies;
    private final double[] fractional; // 3 per site

    public Structure(Lattice lattice, List<String> speciesSymbols, int[] siteSpecies, double[] fractional) {
        this.lattice = Objects.requireNonNull(lattice, "lattice");
        this.speciesSymbols = speciesSymbols.toArray(new String[0]);
        for (int i = 0; i < this.speciesSymbols.length; i++) {
            if (!PeriodicTable.isElementSymbol(this.speciesSymbols[i])) {
                throw new IllegalArgumentException("not an element symbol: " + this.speciesSymbols[i]);
            }
            if (i > 0 && this.speciesSymbols[i - 1].compareTo(this.speciesSymbols[i]) >= 0) {
                throw new IllegalArgumentException("species must be distinct and alphabetical: " + speciesSymbols);
            }
        }
        if (fractional.length != 3 * siteSpecies.length) {
            throw new IllegalArgumentException("need 3 fractional coordinates per site");
        }
        for (int s : siteSpecies) {
            if (s < 0 || s >= this.speciesSymbols.length) {
                throw new IllegalArgumentException("species index out of range: " + s);
            }
        }
        for (double f : fractional) {
            if (!Double.isFinite(f)) {
                throw new IllegalArgumentException("fractional coordinate is not finite");
            }
        }
        this.siteSpecies = siteSpecies.clone();
        this.fractional = fractional.clone();
    }

    public Lattice lattice() {
        return lattice;
    }

    /** Distinct species, alphabetical; site species indices refer to this list. */
    public List<String> speciesSymbols() {
        return List.of(speciesSymbols);
    }

    public int siteCount() {
        return siteSpecies.length;
    }

    /** Species index (into {@link #speciesSymbols()}) of every site. */
    public int[] siteSpecies() {
        return siteSpecies.clone();
    }

    public String speciesAt(int site) {
        return speciesSymbols[siteSpecies[site]];
    }

    /** Fractional coordinates, 3 per site. */
    public double[] fractionalCoordinates() {
        return fractional.clone();
    }

    /** Cartesian coordinates in Å, 3 per site. */
    public double[] cartesianCoordinates() {
        double[] c = new double[fractional.length];
        for (int i = 0; i < siteSpecies.length; i++) {
            double[] x = lattice.toCartesian(fractional[3 * i], fractional[3 * i + 1], fractional[3 * i + 2]);
            System.arraycopy(x, 0, c, 3 * i, 3);
        }
        return c;
    }

    /** Number of sites of each species, in the order of {@link #speciesSymbols()}. */
    public int[] speciesCounts() {
        int[] n = new int[speciesSymbols.length];
        for (int s : siteSpecies) {
            n[s]++;
        }
        return n;
    }

    public Composition composition() {
        return Composition.ofCounts(speciesSymbols(), speciesCounts());
    }

    /** Volume per atom, Å³. */
    public double volumePerAtom() {
        return lattice.volume() / siteSpecies.length;
    }

    /** Density in g/cm³ (1 Å³ = 1e-24 cm³; 1 g/mol per atom = 1/N_A g). */
    public double densityGPerCm3() {
        double mass = 0;
        for (int s : siteSpecies) {
            mass += PeriodicTable.of(speciesSymbols[s]).atomicMassGPerMol();
        }
        return mass / 6.02214076e23 / (lattice.volume() * 1e-24);
    }

    /** The same sites in a new lattice (fractional coordinates kept), e.g. after a box relaxation. */
    public Structure withLattice(Lattice newLattice) {
        return new Structure(newLattice, speciesSymbols(), siteSpecies, fractional);
    }

    /** The same lattice and species with new fractional coordinates. */
    public Structure withFractionalCoordinates(double[] newFractional) {
        return new Structure(lattice, speciesSymbols(), siteSpecies, newFractional);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Structure s && lattice.equals(s.lattice) && Arrays.equals(speciesSymbols, s.speciesSymbols)
                && Arrays.equals(siteSpecies, s.siteSpecies) && Arrays.equals(fractional, s.fractional);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lattice, Arrays.hashCode(speciesSymbols), Arrays.hashCode(siteSpecies),
                Arrays.hashCode(fractional));
    }

    @Override
    public String toString() {
        return "Structure[" + composition().formula() + ", " + siteSpecies.length + " sites, V=" + lattice.volume()
                + " Å³]";
    }
}
