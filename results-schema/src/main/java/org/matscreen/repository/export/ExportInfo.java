package org.matscreen.repository.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an export says about a structure besides its sites: an identifier (usually the candidate id) and optional
 * key–value metadata such as {@code energy_per_atom_ev} or {@code campaign}. Formats that can hold metadata keep it
 * (extended XYZ as comment-line keys, CIF as {@code _matscreen_*} tags, POSCAR on its title line); the structure
 * itself stays format-free (style practice 8). Immutable; the {@code with} methods return a copy.
 *
 * <p>Keys are identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}, at most {@value #MAX_KEY_LENGTH} characters) so that
 * they are valid extended-XYZ keys and, behind the {@code _matscreen_} prefix, CIF tags within CIF 1.1's
 * 75-character limit. Units belong in the key ({@code energy_per_atom_ev}), as in the rest of matscreen. Values are
 * {@link String} (one line), {@link Long} or finite {@link Double}; insertion order is kept so output is
 * deterministic.
 */
public final class ExportInfo {
    /** Longest metadata key: CIF 1.1 caps tag names at 75 characters and the tag adds {@code _matscreen_} (11). */
    public static final int MAX_KEY_LENGTH = 64;

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /**
     * Keys the writers emit themselves (extended XYZ's own keys and the id) and keys ASE's extended-XYZ reader takes
     * for calculator results ({@code energy}, {@code free_energy}, {@code stress}, ...), which must never carry a
     * value in other units (the total energy goes in as {@link RecordExport#ENERGY_KEY}); compared ignoring case.
     */
    private static final Set<String> RESERVED = Set.of("id", "lattice", "properties", "pbc", "energy",
            "free_energy", "stress", "virial", "dipole", "magmom", "forces", "energies", "stresses");

    private final String id;
    private final Map<String, Object> metadata;

    private ExportInfo(String id, Map<String, Object> metadata) {
        this.id = id;
        this.metadata = metadata;
    }

    /**
     * Export information with an identifier and no metadata.
     *
     * @param id non-blank, one line; CIF data-block names derive from it (see {@link CifWriter})
     */
    public static ExportInfo of(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("export id must not be blank");
        }
        requireOneLine("id", id);
        return new ExportInfo(id, Map.of());
    }

    /** A copy with {@code key} set to a text value (one line; may be empty). */
    public ExportInfo with(String key, String value) {
        Objects.requireNonNull(value, "value");
        requireOneLine(key, value);
        return plus(key, value);
    }

    /** A copy with {@code key} set to a finite number; the unit belongs in the key. */
    public ExportInfo with(String key, double value) {
        if (!Double.isFinite(value)) {
            // NaN and infinities have no portable spelling in CIF or extended XYZ; leave the key out instead.
            throw new IllegalArgumentException("metadata value of '" + key + "' is not finite: " + value);
        }
        return plus(key, value);
    }

    /** A copy with {@code key} set to an integer. */
    public ExportInfo with(String key, long value) {
        return plus(key, value);
    }

    /** Identifier of the structure, e.g. the candidate id. */
    public String id() {
        return id;
    }

    /** Metadata in insertion order; values are {@link String}, {@link Long} or {@link Double}. Unmodifiable. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    private ExportInfo plus(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("metadata key must match " + KEY.pattern() + " and have at most "
                    + MAX_KEY_LENGTH + " characters: '" + key + "'");
        }
        if (RESERVED.contains(key.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("metadata key '" + key + "' is reserved (written by the exporters: "
                    + RESERVED + ")");
        }
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new ExportInfo(id, Collections.unmodifiableMap(copy));
    }

    private static void requireOneLine(String what, String text) {
        // Every format keeps metadata on one line (a title, a comment line, a CIF value); a line break would
        // end it early and corrupt the file.
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must be one line: " + text);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportInfo e && id.equals(e.id) && metadata.equals(e.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, metadata);
    }

    @Override
    public String toString() {
        return "ExportInfo[" + id + ", " + metadata + "]";
    }
}
