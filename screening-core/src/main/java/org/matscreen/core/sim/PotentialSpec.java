package org.matscreen.core.sim;

import java.io.Serializable;
import java.util.List;

/**
 * The potential of a calculation method as a whole: one file, a generated family (e.g. Zhou–Johnson–Wadley files for
 * any element subset on one campaign grid), or a map of files per chemical system. Candidate ids use its
 * {@link #key()}; the concrete file of each calculation is a {@link PotentialRef}.
 *
 * @param name as the campaign names it, e.g. {@code CuNi.eam.alloy} or {@code zhou2004}
 * @param key content key: the SHA-256 of the file, or of the family's or map's canonical definition
 * @param pairStyle LAMMPS pair style of every file
 * @param elements elements covered
 * @param citation reference(s)
 * @param fitScope which unlike pairs the potential was fitted to (metadata: not part of {@link #key()}, so it never
 *     changes a candidate id)
 */
public record PotentialSpec(String name, String key, String pairStyle, List<String> elements, String citation,
        FitScope fitScope) implements Serializable {

    public PotentialSpec {
        elements = List.copyOf(elements);
        fitScope = fitScope == null ? FitScope.UNKNOWN : fitScope;
    }

    /** True when the method is DFT (its model is a settings file, see {@link PotentialRef#DFT}). */
    public boolean isDft() {
        return PotentialRef.DFT.equals(pairStyle);
    }

    /** A spec whose fit scope is not stated. */
    public PotentialSpec(String name, String key, String pairStyle, List<String> elements, String citation) {
        this(name, key, pairStyle, elements, citation, FitScope.UNKNOWN);
    }

    /** The same spec with a stated fit scope. */
    public PotentialSpec withFitScope(FitScope scope) {
        return new PotentialSpec(name, key, pairStyle, elements, citation, scope);
    }

    /** The spec of a single file. */
    public static PotentialSpec of(PotentialRef file) {
        return new PotentialSpec(file.name(), file.sha256(), file.pairStyle(), file.elements(), file.citation());
    }
}
