package org.matscreen.potential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Structure;
import org.matscreen.core.structure.Supercell;
import org.matscreen.worker.WorkerProcess;

/**
 * LAMMPS energies with the generated Cu–Ta file (campaign grid of {Cu, Ta}) against the file Debian ships: relaxed
 * energies per atom of fcc Cu, bcc Ta and a random bcc Cu50Ta50 cell must agree within 1e-5 eV/atom. The random cell
 * exercises the mixed pair φ_CuTa, which comes only from the mixing rule. One worker for the class.
 */
@Tag("lammps")
@Tag("integration")
class ShippedCuTaEnergiesTest {
    private static final double TOLERANCE_EV_PER_ATOM = 1e-5;

    @TempDir
    static Path dir;
    private static WorkerProcess worker;
    private static PotentialRef shipped;
    private static PotentialRef generated;

    @BeforeAll
    static void start() {
        shipped = ZhouLammpsSupport.shippedCuTaRef();
        generated = new ZhouEamGenerator().generate(List.of("Cu", "Ta"), List.of("Cu", "Ta"), dir.resolve("cache"))
                .toPotentialRef();
        worker = ZhouLammpsSupport.startWorker(dir.resolve("workers"));
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void pureCopper() {
        compare("Cu fcc", Prototype.FCC, ZhouLammpsSupport.cell("Cu", Prototype.FCC, new Supercell(3, 3, 3), 3.615));
    }

    @Test
    void pureTantalum() {
        compare("Ta bcc", Prototype.BCC, ZhouLammpsSupport.cell("Ta", Prototype.BCC, new Supercell(3, 3, 3), 3.303));
    }

    @Test
    void randomCopperTantalum() {
        compare("Cu50Ta50 random bcc", Prototype.BCC, ZhouLammpsSupport.cell("Cu0.5Ta0.5", Prototype.BCC,
                new Supercell(4, 4, 4), 3.10));
    }

    private static void compare(String what, Prototype p, Structure s) {
        CalculationOutcome a = ZhouLammpsSupport.relax(worker, what + " shipped", s, p, shipped);
        CalculationOutcome b = ZhouLammpsSupport.relax(worker, what + " generated", s, p, generated);
        double diff = Math.abs(a.energyPerAtomEv() - b.energyPerAtomEv());
        System.out.printf(Locale.ROOT, "%-22s E/atom shipped %.9f eV, generated %.9f eV, |diff| %.2e eV/atom%n", what,
                a.energyPerAtomEv(), b.energyPerAtomEv(), diff);
        assertTrue(diff <= TOLERANCE_EV_PER_ATOM, what + ": relaxed energies differ by " + diff + " eV/atom");
    }
}
