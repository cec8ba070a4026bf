package org.matscreen.repository.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Structure;

/**
 * Extended XYZ (the libAtoms/QUIP convention ASE reads and writes): the atom count, a comment line of
 * {@code key=value} pairs, then one line per site with its species and Cartesian position in Å, in site order.
 *
 * <pre>
 * 2
 * Lattice="a_x a_y a_z b_x b_y b_z c_x c_y c_z" Properties=species:S:1:pos:R:3 id="c-001" energy_per_atom_ev=-3.5 pbc="T T T"
 * Cu      0.000000000000      0.000000000000      0.000000000000
 * Ni      1.800000000000      1.800000000000      0.000000000000
 * </pre>
 *
 * {@code Lattice} holds the three lattice vectors one after the other (Å). The id and every metadata entry become
 * keys; readers type a value by its spelling, so a text value that looks like a number ({@code "42"}) reads back as
 * a number. The total energy of the cell, metadata {@value RecordExport#ENERGY_KEY} (eV), is written under ASE's
 * per-configuration key {@code energy}, which ASE's reader turns into a calculator result: {@code
 * atoms.get_potential_energy()} returns it, as machine-learning training sets expect. Other metadata keep their
 * names ({@code energy_per_atom_ev} stays in {@code atoms.info}).
 */
public final class ExtxyzWriter implements StructureWriter {
    /** ASE's extended-XYZ key of a configuration's stress: a 3×3 tensor in eV/Å³, positive in tension. */
    static final String ASE_STRESS = "stress";
    /**
     * eV/Å³ in GPa: the elementary charge of CODATA 2014 (1.6021766208e-19 C) × 1e30 / 1e9, the value ASE's
     * {@code ase.units.GPa} uses, so {@code atoms.get_stress() / units.GPa} gives back the record's GPa.
     */
    static final double GPA_PER_EV_PER_A3 = 160.21766208;

    /** The nine components of the 3×3 stress (row-major, symmetric) in eV/Å³ from the record's Voigt GPa. */
    static String aseStress(String voigtGpa) {
        String[] v = voigtGpa.strip().split(" ");
        double[] s = new double[6];
        for (int i = 0; i < 6; i++) {
            s[i] = Double.parseDouble(v[i]) / GPA_PER_EV_PER_A3;
        }
        double[] full = {s[0], s[5], s[4], s[5], s[1], s[3], s[4], s[3], s[2]};
        StringBuilder b = new StringBuilder();
        for (double x : full) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.17g", x));
        }
        return b.toString();
    }

    /** ASE's extended-XYZ key of a configuration's total energy, eV. */
    static final String ASE_ENERGY = "energy";

    /** Width of a Cartesian coordinate column. */
    private static final int COLUMN = 20;

    @Override
    public String extension() {
        // ASE and OVITO read .xyz files as extended XYZ when the comment line carries Lattice=/Properties=.
        return "xyz";
    }

    @Override
    public void write(Structure structure, ExportInfo info, Writer out) throws IOException {
        out.write(structure.siteCount() + "\n");
        out.write(commentLine(structure.lattice(), info) + "\n");
        double[] cartesian = structure.cartesianCoordinates();
        for (int i = 0; i < structure.siteCount(); i++) {
            StringBuilder line = new StringBuilder(String.format("%-3s", structure.speciesAt(i)));
            for (int k = 0; k < 3; k++) {
                line.append(NumberText.fixed(cartesian[3 * i + k], NumberText.ANGSTROM_DECIMALS, COLUMN));
            }
            out.write(line.append('\n').toString());
        }
    }

    private static String commentLine(Lattice lattice, ExportInfo info) {
        StringBuilder sb = new StringBuilder("Lattice=\"");
        double[] m = lattice.rowMajor();
        for (int i = 0; i < 9; i++) {
            sb.append(i == 0 ? "" : " ").append(NumberText.fixed(m[i], NumberText.ANGSTROM_DECIMALS));
        }
        sb.append("\" Properties=species:S:1:pos:R:3 ").append(KeyValueText.pair("id", info.id()));
        for (Map.Entry<String, Object> e : info.metadata().entrySet()) {
            if (e.getKey().equals(RecordExport.STRESS_KEY)) {
                sb.append(' ').append(ASE_STRESS).append("=\"").append(aseStress((String) e.getValue())).append('"');
                continue;
            }
            String key = e.getKey().equals(RecordExport.ENERGY_KEY) ? ASE_ENERGY : e.getKey();
            sb.append(' ').append(KeyValueText.pair(key, e.getValue()));
        }
        // A screening cell is a bulk crystal: periodic along all three vectors.
        return sb.append(" pbc=\"T T T\"").toString();
    }
}
