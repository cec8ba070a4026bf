package org.matscreen.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The generator against an independent tabulation: the {@code CuTa.eam.alloy} file Debian's {@code lammps-data}
 * ships, written by Zhou's {@code create.f} in single precision. Tabulated on that file's own grid, every generated
 * table must agree with the shipped one within 1e-5 of the table's largest magnitude (single precision alone leaves
 * about 1e-6). Needs the data package, hence the tags.
 */
@Tag("lammps")
@Tag("integration")
class ShippedCuTaTablesTest {
    private static final double RELATIVE_TOLERANCE = 1e-5;

    @Test
    void everyTableMatchesTheShippedFileOnItsOwnGrid() {
        SetflFile shipped = SetflReader.read(ZhouLammpsSupport.shippedCuTa());
        assertEquals(List.of("Cu", "Ta"), shipped.symbols());
        SetflFile mine = new ZhouEamGenerator().tabulate(List.of("Ta", "Cu"), shipped.grid());
        assertEquals(shipped.symbols(), mine.symbols());
        assertEquals(shipped.grid(), mine.grid());

        double worst = 0;
        StringBuilder report = new StringBuilder();
        for (int e = 0; e < 2; e++) {
            String el = shipped.symbols().get(e);
            assertEquals(shipped.elements().get(e).atomicNumber(), mine.elements().get(e).atomicNumber(), el);
            worst = Math.max(worst, compare(el + " F(rho)", shipped.elements().get(e).embeddingEv(),
                    mine.elements().get(e).embeddingEv(), report));
            worst = Math.max(worst, compare(el + " rho(r)", shipped.elements().get(e).density(),
                    mine.elements().get(e).density(), report));
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j <= i; j++) {
                String pair = shipped.symbols().get(i) + "-" + shipped.symbols().get(j) + " r*phi(r)";
                worst = Math.max(worst, compare(pair, shipped.pairTable(i, j), mine.pairTable(i, j), report));
            }
        }
        System.out.print(report);
        assertTrue(worst <= RELATIVE_TOLERANCE, "largest relative table deviation " + worst + "\n" + report);
    }

    @Test
    void campaignGridOfCuAndTaIsTheShippedGrid() {
        // create.f's grid rules, evaluated in double precision, reproduce the single-precision header.
        SetflGrid shipped = SetflReader.read(ZhouLammpsSupport.shippedCuTa()).grid();
        SetflGrid mine = new ZhouEamGenerator().campaignGrid(List.of("Cu", "Ta"));
        assertEquals(shipped.nRho(), mine.nRho());
        assertEquals(shipped.nR(), mine.nR());
        assertEquals(1, mine.dRho() / shipped.dRho(), 1e-6);
        assertEquals(1, mine.dRAngstrom() / shipped.dRAngstrom(), 1e-6);
        assertEquals(1, mine.cutoffAngstrom() / shipped.cutoffAngstrom(), 1e-6);
    }

    /** Largest |shipped − generated| over the table divided by the table's largest |value|. */
    private static double compare(String what, double[] shipped, double[] mine, StringBuilder report) {
        assertEquals(shipped.length, mine.length, what);
        double scale = 0;
        double dev = 0;
        int at = 0;
        for (int k = 0; k < shipped.length; k++) {
            scale = Math.max(scale, Math.abs(shipped[k]));
            double d = Math.abs(shipped[k] - mine[k]);
            if (d > dev) {
                dev = d;
                at = k;
            }
        }
        double relative = dev / scale;
        report.append(String.format(Locale.ROOT,
                "%-16s max|table| %9.4f  max deviation %.3e (%.3e relative) at index %d%n", what, scale, dev,
                relative, at));
        return relative;
    }
}
