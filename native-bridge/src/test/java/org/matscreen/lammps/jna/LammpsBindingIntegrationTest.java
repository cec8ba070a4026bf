package org.matscreen.lammps.jna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.matscreen.lammps.LammpsTestSupport;

/**
 * The JNA binding against the real library, in this test JVM's main thread (one instance at a time: Debian's
 * OpenMPI-linked library must never run two instances concurrently in one process).
 */
@Tag("lammps")
@Tag("integration")
class LammpsBindingIntegrationTest {

    private static Lammps open() {
        return new Lammps(LammpsNative.load(LammpsTestSupport.library()), List.of("-screen", "none", "-log", "none",
                "-nocite"));
    }

    @Test
    void reportsVersionCapabilitiesAndClosesIdempotently() {
        LammpsLibrary lib = LammpsNative.load(LammpsTestSupport.library());
        assertTrue(LammpsNative.packages(lib).contains("MANYBODY"));
        Lammps l = open();
        assertTrue(l.version() >= 20200303, "version " + l.version());
        assertTrue(l.hasStyle("pair", "eam/alloy"));
        assertFalse(l.hasStyle("pair", "no/such/style"));
        l.close();
        l.close();
        assertThrows(IllegalStateException.class, l::version);
    }

    @Test
    void createdAtomsComeBackByIdAndTheBoxIsWhatWasAsked() {
        try (Lammps l = open()) {
            l.command("units metal");
            l.command("atom_modify map array");
            l.command("region cell prism 0 4 0 5 0 6 0.5 0.25 -0.3 units box");
            l.command("create_box 2 cell");
            l.command("mass * 1.0");
            double[] x = {0.1, 0.2, 0.3, 1.5, 2.5, 3.5, 3.0, 4.0, 5.0};
            assertEquals(3, l.createAtoms(new int[] {1, 2, 1}, x));
            assertEquals(3, l.natoms());
            assertArrayEquals(x, l.gather("x", 3), 1e-12);
            double[] box = l.box();
            assertArrayEquals(new double[] {0, 0, 0, 4, 5, 6, 0.5, -0.3, 0.25}, box, 1e-12);
        }
    }

    /**
     * Pure Cu and Ni with the Onat–Durukanoglu potential from a plain LAMMPS input (LAMMPS' own lattice command, not
     * matscreen's structure builder): the potential's paper gives a = 3.615 Å, E_coh = 3.54 eV for Cu and a = 3.52 Å,
     * E_coh = 4.45 eV for Ni (J. Phys.: Condens. Matter 26, 035404 (2014), Table 1).
     */
    @Test
    void plainInputReproducesThePotentialPaper() {
        String pot = LammpsTestSupport.cuNi().path();
        double[][] expect = {{3.615, -3.54}, {3.52, -4.45}};
        String[] el = {"Cu", "Ni"};
        try (Lammps l = open()) {
            for (int i = 0; i < 2; i++) {
                l.command("clear");
                l.command("units metal");
                l.command("lattice fcc 3.5");
                l.command("region box block 0 3 0 3 0 3");
                l.command("create_box 1 box");
                l.command("create_atoms 1 box");
                l.command("pair_style eam/alloy");
                l.command("pair_coeff * * " + pot + " " + el[i]);
                l.command("fix r all box/relax iso 0.0");
                l.command("thermo_style custom step pe lx");
                l.command("minimize 0 1e-10 5000 50000");
                assertEquals(expect[i][0], l.thermo("lx") / 3, 2e-4, el[i] + " lattice constant");
                assertEquals(expect[i][1], l.thermo("pe") / l.natoms(), 1e-4, el[i] + " energy per atom");
            }
        }
    }
}
