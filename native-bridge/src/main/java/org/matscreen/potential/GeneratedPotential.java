package org.matscreen.potential;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.matscreen.core.sim.PotentialRef;

/**
 * A generated Zhou–Johnson–Wadley {@code eam/alloy} file in the cache and what a calculation needs to know about it.
 *
 * @param path absolute path of the file
 * @param sha256 SHA-256 of the file's bytes, hex
 * @param elements element symbols in file order (alphabetical)
 * @param grid the file's density/distance grid and cut-off
 * @param contentKey SHA-256 (hex) of the canonical text of generator version, parameters and grid that determines the
 *     file; equal keys mean equal files
 * @param citation the references of the parameters, with the note that cross terms come from the mixing rule only
 */
public record GeneratedPotential(Path path, String sha256, List<String> elements, SetflGrid grid, String contentKey,
        String citation) {

    public GeneratedPotential {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(contentKey, "contentKey");
        Objects.requireNonNull(citation, "citation");
        elements = List.copyOf(elements);
    }

    /** The file name, as campaign records refer to it. */
    public String name() {
        return path.getFileName().toString();
    }

    /** The engine's reference to this file, pair style {@value ZhouEamGenerator#PAIR_STYLE}. */
    public PotentialRef toPotentialRef() {
        return new PotentialRef(name(), path.toString(), sha256, ZhouEamGenerator.PAIR_STYLE, elements, citation);
    }
}
