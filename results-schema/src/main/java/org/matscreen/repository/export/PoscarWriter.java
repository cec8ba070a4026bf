package org.matscreen.repository.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.matscreen.core.structure.Structure;

/**
 * VASP 5 POSCAR: a title line, a scale factor of 1, the three lattice vectors in Å, the element names and their
 * counts, then {@code Direct} (fractional) coordinates grouped by species.
 *
 * <pre>
 * c-001 energy_per_atom_ev=-3.5 campaign="CuNi fcc"
 * 1.0
 *       3.600000000000      0.000000000000      0.000000000000
 *       ...
 *     Cu    Ni
 *      1     1
 * Direct
 *   0.00000000000000  0.00000000000000  0.00000000000000 Cu
 *   0.50000000000000  0.50000000000000  0.00000000000000 Ni
 * </pre>
 *
 * <p>VASP requires the sites of one species to be contiguous, so sites are written species by species in the
 * alphabetical order of {@link Structure#speciesSymbols()}, keeping the structure's site order within a species;
 * species without sites are left out. A reader therefore sees a permutation of the structure's sites. The title
 * line carries the id and the metadata as {@code key=value} pairs (VASP ignores it). Each coordinate line ends with
 * its element name, as pymatgen writes it, for people reading the file; VASP and ASE ignore it.
 */
public final class PoscarWriter implements StructureWriter {
    /** Width of a lattice-vector component column. */
    private static final int LATTICE_COLUMN = 20;
    /** Width of a fractional-coordinate column. */
    private static final int FRACTIONAL_COLUMN = 18;
    /** Width of a column of the species and counts lines. */
    private static final int SPECIES_COLUMN = 6;

    @Override
    public String extension() {
        // POSCAR files are named POSCAR in a run directory; side by side, <id>.vasp is what ASE and VESTA recognise.
        return "vasp";
    }

    @Override
    public void write(Structure structure, ExportInfo info, Writer out) throws IOException {
        if (structure.siteCount() == 0) {
            throw new IllegalArgumentException("a POSCAR needs at least one site: " + info.id());
        }
        String metadata = KeyValueText.pairs(info.metadata());
        out.write(info.id() + (metadata.isEmpty() ? "" : " " + metadata) + "\n");
        out.write("1.0\n");
        for (int i = 0; i < 3; i++) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < 3; k++) {
                line.append(NumberText.fixed(structure.lattice().get(i, k), NumberText.ANGSTROM_DECIMALS,
                        LATTICE_COLUMN));
            }
            out.write(line.append('\n').toString());
        }
        List<String> symbols = structure.speciesSymbols();
        int[] counts = structure.speciesCounts();
        StringBuilder names = new StringBuilder();
        StringBuilder numbers = new StringBuilder();
        for (int s = 0; s < symbols.size(); s++) {
            if (counts[s] > 0) {
                names.append(NumberText.padLeft(symbols.get(s), SPECIES_COLUMN));
                numbers.append(NumberText.padLeft(Integer.toString(counts[s]), SPECIES_COLUMN));
            }
        }
        out.write(names.append('\n').toString());
        out.write(numbers.append('\n').toString());
        out.write("Direct\n");
        int[] species = structure.siteSpecies();
        double[] fractional = structure.fractionalCoordinates();
        for (int s = 0; s < symbols.size(); s++) {
            for (int i = 0; i < species.length; i++) {
                if (species[i] == s) {
                    StringBuilder line = new StringBuilder();
                    for (int k = 0; k < 3; k++) {
                        line.append(NumberText.fixed(fractional[3 * i + k], NumberText.FRACTIONAL_DECIMALS,
                                FRACTIONAL_COLUMN));
                    }
                    out.write(line.append(' ').append(symbols.get(s)).append('\n').toString());
                }
            }
        }
    }
}
