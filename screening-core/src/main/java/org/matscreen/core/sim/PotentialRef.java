package org.matscreen.core.sim;

import java.io.Serializable;
import java.util.List;

/**
 * An interatomic potential file as a calculation uses it: the exact file (absolute path and SHA-256 of its bytes,
 * checked before use), the LAMMPS pair style that reads it, the elements it covers and its citation.
 *
 * @param name file name as the campaign refers to it, e.g. {@code CuNi.eam.alloy}
 * @param path absolute path of the resolved file
 * @param sha256 SHA-256 of the file's bytes, hex
 * @param pairStyle LAMMPS pair style, e.g. {@code eam/alloy}
 * @param elements element symbols the file covers, in file order
 * @param citation the reference the file names (or the registry's), never empty
 */
public record PotentialRef(String name, String path, String sha256, String pairStyle, List<String> elements,
        String citation) implements Serializable {

    public PotentialRef {
        elements = List.copyOf(elements);
    }

    /**
     * The {@link #pairStyle()} of a DFT calculation's model: its "file" is the code's settings file (functional,
     * basis, k-points, smearing), checksummed like a potential file, so the same record columns state either model.
     */
    public static final String DFT = "dft";

    /** True when this model is DFT settings rather than an interatomic potential. */
    public boolean isDft() {
        return DFT.equals(pairStyle);
    }

    public boolean covers(List<String> symbols) {
        return elements.containsAll(symbols);
    }
}
