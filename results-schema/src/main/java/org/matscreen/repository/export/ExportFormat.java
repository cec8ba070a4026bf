package org.matscreen.repository.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.matscreen.core.error.InvalidInputException;

/** The structure file formats matscreen exports, each with its {@link StructureWriter}. */
public enum ExportFormat {
    /** CIF 1.1 in P 1 ({@link CifWriter}). */
    CIF("cif", new CifWriter()),
    /** VASP 5 POSCAR with Direct coordinates ({@link PoscarWriter}). */
    POSCAR("poscar", new PoscarWriter()),
    /** Extended XYZ ({@link ExtxyzWriter}). */
    EXTXYZ("extxyz", new ExtxyzWriter());

    private final String key;
    private final StructureWriter writer;

    ExportFormat(String key, StructureWriter writer) {
        this.key = key;
        this.writer = writer;
    }

    /** Name used on the command line and in campaign files: {@code cif}, {@code poscar}, {@code extxyz}. */
    public String key() {
        return key;
    }

    /** The writer of this format; writers are stateless, so one instance serves every caller. */
    public StructureWriter writer() {
        return writer;
    }

    /**
     * The format named {@code text} (case and surrounding blanks ignored).
     *
     * @param source file path or option name the text came from, for the error message
     * @param field field within the source, or empty
     * @throws InvalidInputException naming the known formats if {@code text} is none of them
     */
    public static ExportFormat parse(String text, String source, String field) {
        if (text != null) {
            String wanted = text.strip().toLowerCase(Locale.ROOT);
            for (ExportFormat f : values()) {
                if (f.key.equals(wanted)) {
                    return f;
                }
            }
        }
        String known = Arrays.stream(values()).map(ExportFormat::key).collect(Collectors.joining(", "));
        throw new InvalidInputException(source, field, "unknown export format '" + text + "' (known: " + known + ")");
    }
}
