package org.matscreen.core.structure;

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

    /** The element's ground state, if it is one of the prototypes. */
    public static Optional<GroundState> of(String element) {
        return Optional.ofNullable(TABLE.get(element));
    }
}
