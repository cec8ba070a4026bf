package org.matscreen.core.structure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.matscreen.core.util.DataFiles;

/**
 * The observed room-temperature structure of metallic elements whose structure is one of the {@link Prototype}s, with
 * its conventional lattice parameter (data file {@code ground_states.csv}, from Kittel's table; see its SOURCES.md).
 * Where each reference calculation is expensive (DFT), the pure-element references are computed only in this
 * structure.
 */
public final class GroundStates {
    /** An element's observed structure and conventional lattice parameter a, Å (hcp: basal a). */
    public record GroundState(String element, Prototype prototype, double aAngstrom) {}

    /**
     * Volume per atom to start an element of unknown structure from, Å³ (Mn's 12.2, between Ni's 10.9 and Ti's
     * 17.6).
     */
    public static final double UNKNOWN_VOLUME_A3 = 12.0;

    private static final Map<String, GroundState> TABLE = load();

    private GroundStates() {}

    private static Map<String, GroundState> load() {
        Map<String, GroundState> m = new TreeMap<>();
        for (String[] r : DataFiles.csvRows("ground_states.csv")) {
            m.put(r[0], new GroundState(r[0], Prototype.parse(r[1], "ground_states.csv", r[0]),
                    Double.parseDouble(r[2])));
        }
        return Map.copyOf(m);
    }

    /**
     * The cells an element's expensive (DFT) reference is computed in: its ground state, or, for an element whose
     * structure is none of the prototypes, every prototype at {@link #UNKNOWN_VOLUME_A3}.
     */
    public static List<GroundState> referenceCells(String element) {
        return of(element).map(List::of).orElseGet(() -> Arrays.stream(Prototype.values())
                .map(p -> new GroundState(element, p, p.latticeParameterForVolume(UNKNOWN_VOLUME_A3))).toList());
    }

    /** Volume per atom of the element's ground state, Å³, or {@link #UNKNOWN_VOLUME_A3}. */
    public static double volumePerAtomA3(String element) {
        return of(element).map(g -> g.prototype().volumePerAtom(g.aAngstrom())).orElse(UNKNOWN_VOLUME_A3);
    }

    /** The element's ground state, if it is one of the prototypes. */
    public static Optional<GroundState> of(String element) {
        return Optional.ofNullable(TABLE.get(element));
    }
}
