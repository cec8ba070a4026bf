package org.matscreen.bench;

import java.util.List;
import org.matscreen.core.element.PeriodicTable;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Structure;

/**
 * A starting cell in the form LAMMPS receives it: box {lx, ly, lz, xy, xz, yz} (Å, restricted triclinic, origin at 0),
 * 1-based atom types and Cartesian positions (Å), computed exactly as {@code LammpsCalculator.load} computes them, so
 * a tool that reads these numbers hands LAMMPS bit-identical input.
 *
 * @param species element per atom type (type t is species[t − 1])
 * @param massesAmu atomic mass per type, g/mol
 */
record Cell(long index, String id, String formula, List<String> species, double[] massesAmu, double[] box,
        int[] types, double[] positions) {

    int atoms() {
        return types.length;
    }

    static Cell of(long index, String formula, String id, Structure s) {
        double[] box = s.lattice().toLammpsForm();
        Lattice lmp = Lattice.fromLammps(box[0], box[1], box[2], box[3], box[4], box[5]);
        double[] frac = s.fractionalCoordinates();
        int[] sp = s.siteSpecies();
        int[] types = new int[sp.length];
        double[] x = new double[frac.length];
        for (int i = 0; i < sp.length; i++) {
            types[i] = sp[i] + 1;
            double[] c = lmp.toCartesian(frac[3 * i], frac[3 * i + 1], frac[3 * i + 2]);
            System.arraycopy(c, 0, x, 3 * i, 3);
        }
        List<String> species = s.speciesSymbols();
        double[] masses = species.stream().mapToDouble(e -> PeriodicTable.of(e).atomicMassGPerMol()).toArray();
        return new Cell(index, id, formula, species, masses, box, types, x);
    }
}
