package org.matscreen.lammps;

import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Structure;

/**
 * A structure in the form LAMMPS receives it: the restricted-triclinic box {lx, ly, lz, xy, xz, yz} (Å, origin at 0),
 * 1-based atom types and Cartesian positions (Å) in that box. One conversion for every caller, so anything that hands
 * these numbers to LAMMPS (the calculator, the benchmark's baselines) gives it bit-identical input.
 *
 * @param box {lx, ly, lz, xy, xz, yz}, Å
 * @param types atom type per site, 1-based (type t is the structure's species t − 1)
 * @param positionsAngstrom x, y, z per site, Å
 */
public record LammpsCell(double[] box, int[] types, double[] positionsAngstrom) {

    public static LammpsCell of(Structure s) {
        double[] box = s.lattice().toLammpsForm();
        // positions in the box LAMMPS builds from these six numbers, not in the original lattice's orientation
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
        return new LammpsCell(box, types, x);
    }
}
