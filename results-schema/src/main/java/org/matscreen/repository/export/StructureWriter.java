package org.matscreen.repository.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.matscreen.core.structure.Structure;

/**
 * Writes one {@link Structure} in one file format. Writers are stateless and thread-safe. Lengths are written in Å
 * and positions at full useful precision (at least 10 significant digits), so that a third-party reader gets the
 * cell back to 1e-8 Å and the fractional coordinates to 1e-8.
 */
public interface StructureWriter {
    /** Conventional file-name extension without the dot, e.g. {@code cif}. */
    String extension();

    /**
     * Writes {@code structure} with its identifier and metadata to {@code out}, ending with a newline. Does not close
     * or flush {@code out}.
     *
     * @throws IOException as thrown by {@code out}
     */
    void write(Structure structure, ExportInfo info, Writer out) throws IOException;

    /** The text {@link #write} produces, for small structures and tests. */
    default String toText(Structure structure, ExportInfo info) {
        StringWriter out = new StringWriter();
        try {
            write(structure, info, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }
}
