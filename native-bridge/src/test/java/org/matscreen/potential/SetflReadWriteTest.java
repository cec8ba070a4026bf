package org.matscreen.potential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.error.InvalidInputException;

class SetflReadWriteTest {

    /** A two-element file whose tables hold awkward doubles (tiny, huge, negative, non-terminating in decimal). */
    private static SetflFile sample() {
        SplittableRandom rng = new SplittableRandom(42);
        SetflGrid grid = new SetflGrid(7, 0.1 / 3, 8, Math.PI / 100, 8 * Math.PI / 100);
        List<SetflElement> elements = List.of(
                new SetflElement("Cu", 29, 63.546, 3.615, "fcc", values(rng, 7), values(rng, 8)),
                new SetflElement("Ta", 73, 180.9479, Double.NaN, "", values(rng, 7), values(rng, 8)));
        List<double[]> pairs = List.of(values(rng, 8), values(rng, 8), values(rng, 8));
        return new SetflFile(List.of("first comment", "", "third: phi_ab mixing rule"), grid, elements, pairs);
    }

    private static double[] values(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-12, 12));
        }
        v[0] = 0.0;
        return v;
    }

    @Test
    void writtenTextReadsBackToTheSameFileBitForBit() {
        SetflFile f = sample();
        String text = SetflWriter.toText(f);
        assertEquals(f, SetflReader.parse(text, "memory"));
        assertEquals(text, SetflWriter.toText(SetflReader.parse(text, "memory")));
    }

    @Test
    void roundTripThroughADiskFile(@TempDir Path dir) {
        SetflFile f = sample();
        Path p = dir.resolve("sample.eam.alloy");
        SetflWriter.write(f, p);
        SetflFile back = SetflReader.read(p);
        assertEquals(f, back);
        assertEquals(List.of("Cu", "Ta"), back.symbols());
        assertArrayEquals(f.pairTable(1, 0), back.pairTable(0, 1));
    }

    @Test
    void generatedFileRoundTrips() {
        SetflFile f = new ZhouEamGenerator().tabulate(List.of("Ni", "Co", "Cr"),
                new ZhouEamGenerator().campaignGrid(List.of("Ni", "Co", "Cr")));
        assertEquals(f, SetflReader.parse(SetflWriter.toText(f), "generated"));
    }

    @Test
    void writerUsesFiveFullPrecisionValuesPerLine() {
        String[] lines = SetflWriter.toText(sample()).split("\n");
        assertEquals("2 Cu Ta", lines[3]);
        assertEquals("29 63.546 3.615 fcc", lines[5]);
        String[] firstTableLine = lines[6].strip().split("\\s+");
        assertEquals(SetflWriter.VALUES_PER_LINE, firstTableLine.length);
        assertTrue(firstTableLine[1].matches("-?\\d\\.\\d{16}e[+-]\\d{2,3}"), firstTableLine[1]);
        assertEquals("73 180.9479", lines[5 + 1 + 2 + 2]);
    }

    @Test
    void readsFortranStyleNumbersSpreadOverUnevenLines() {
        String text = "c1\nc2\nc3\n 1 Xx\n 5 0.25D+00 5 0.5E+00 2.0\n   1  1.0\n"
                + "1 2 3\n4 5\n 0.1D0 0.2 0.3 0.4 0.5\n\n 9 8 7 6 5\n";
        SetflFile f = SetflReader.parse(text, "inline");
        assertEquals(new SetflGrid(5, 0.25, 5, 0.5, 2.0), f.grid());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, f.elements().get(0).embeddingEv());
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, f.elements().get(0).density());
        assertArrayEquals(new double[] {9, 8, 7, 6, 5}, f.pairTable(0, 0));
        assertTrue(Double.isNaN(f.elements().get(0).latticeConstantAngstrom()));
    }

    @Test
    void malformedFilesAreInputErrorsNamingFileLineAndTable() {
        String good = SetflWriter.toText(sample());
        List<String> lines = new ArrayList<>(List.of(good.split("\n")));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SetflReader.parse(good.replace("\n2 Cu Ta\n", "\n3 Cu Ta\n"), "bad.eam.alloy"));
        assertEquals("bad.eam.alloy", e.source());
        assertTrue(e.field().startsWith("line 4"), e.field());

        String truncated = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
        e = assertThrows(InvalidInputException.class, () -> SetflReader.parse(truncated, "short"));
        assertTrue(e.field().contains("Ta-Ta r*phi(r) table"), e.field());
        assertTrue(e.reason().contains("ends early"), e.reason());

        e = assertThrows(InvalidInputException.class, () -> SetflReader.parse(good + "1.0\n", "long"));
        assertTrue(e.reason().contains("after the last pair table"), e.reason());

        List<String> corrupt = new ArrayList<>(lines);
        corrupt.set(7, corrupt.get(7).replaceFirst("\\S+", "1.0x"));
        e = assertThrows(InvalidInputException.class, () -> SetflReader.parse(String.join("\n", corrupt), "nan"));
        assertTrue(e.field().startsWith("line 8 (Cu F(rho) table"), e.field());

        e = assertThrows(InvalidInputException.class,
                () -> SetflReader.parse(good.replaceFirst("\n7 ", "\nseven "), "grid"));
        assertTrue(e.reason().contains("nrho"), e.reason());
    }

    @Test
    void equalityIsExactOnTables() {
        SetflFile a = sample();
        List<double[]> pairs = a.pairTables();
        pairs.get(2)[3] = Math.nextUp(pairs.get(2)[3]);
        SetflFile b = new SetflFile(a.comments(), a.grid(), a.elements(), pairs);
        assertNotEquals(a, b);
        assertEquals(a, new SetflFile(a.comments(), a.grid(), a.elements(), a.pairTables()));
        assertEquals(a.hashCode(), new SetflFile(a.comments(), a.grid(), a.elements(), a.pairTables()).hashCode());
    }
}
