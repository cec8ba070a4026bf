package org.matscreen.potential;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link SetflFile}s in the DYNAMO setfl format LAMMPS {@code pair_style eam/alloy} reads. Every table value
 * is written as {@code % .16e} (17 significant digits, enough to read back the same double), five per line; the
 * files shipped with LAMMPS were written in single precision, which is why generated files are written anew rather
 * than copied. Output is byte-for-byte deterministic (always {@code \n} line ends), so equal content has equal
 * SHA-256.
 */
public final class SetflWriter {
    /** Values per line in the tables. */
    public static final int VALUES_PER_LINE = 5;

    private SetflWriter() {}

    /** Writes the file (replacing any existing one; callers that need atomic replacement write to a temporary file). */
    public static void write(SetflFile file, Path path) {
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the potential file " + path, e);
        }
    }

    /** The file's text. */
    public static String toText(SetflFile file) {
        StringWriter w = new StringWriter(1 << 20);
        try {
            write(file, w);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return w.toString();
    }

    /** Writes the file's text to {@code out} (not closed). */
    public static void write(SetflFile file, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(1 << 16);
        for (String c : file.comments()) {
            sb.append(c).append('\n');
        }
        sb.append(file.elements().size());
        for (String s : file.symbols()) {
            sb.append(' ').append(s);
        }
        sb.append('\n');
        SetflGrid g = file.grid();
        sb.append(g.nRho()).append(' ');
        ScientificFormat.append(sb, g.dRho());
        sb.append(' ').append(g.nR()).append(' ');
        ScientificFormat.append(sb, g.dRAngstrom());
        sb.append(' ');
        ScientificFormat.append(sb, g.cutoffAngstrom());
        sb.append('\n');
        for (SetflElement e : file.elements()) {
            // Shortest exact decimal: the header is read back (and by LAMMPS) as the same double.
            sb.append(e.atomicNumber()).append(' ').append(e.massAmu());
            if (!Double.isNaN(e.latticeConstantAngstrom())) {
                sb.append(' ').append(e.latticeConstantAngstrom());
                if (!e.latticeType().isEmpty()) {
                    sb.append(' ').append(e.latticeType());
                }
            }
            sb.append('\n');
            table(sb, e.embeddingEv(), out);
            table(sb, e.density(), out);
        }
        for (double[] t : file.pairTables()) {
            table(sb, t, out);
        }
        out.write(sb.toString());
    }

    /** Appends one table, {@value #VALUES_PER_LINE} values a line, flushing the buffer to {@code out} as it fills. */
    private static void table(StringBuilder sb, double[] values, Writer out) throws IOException {
        for (int i = 0; i < values.length; i++) {
            sb.append(i % VALUES_PER_LINE == 0 ? "" : " ");
            if (Double.doubleToRawLongBits(values[i]) >= 0) {
                sb.append(' '); // the sign column of "% .16e": positive and negative values line up
            }
            ScientificFormat.append(sb, values[i]);
            if (i % VALUES_PER_LINE == VALUES_PER_LINE - 1 || i == values.length - 1) {
                sb.append('\n');
                if (sb.length() > 1 << 15) {
                    out.write(sb.toString());
                    sb.setLength(0);
                }
            }
        }
    }
}
