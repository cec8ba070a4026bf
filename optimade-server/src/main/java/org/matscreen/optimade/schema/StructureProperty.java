package org.matscreen.optimade.schema;

import java.util.Objects;

/**
 * One property of a {@code structures} entry as this server serves it.
 *
 * @param name the OPTIMADE name ({@code nsites}, {@code _matscreen_dh_mix_ev_per_atom})
 * @param shape the value's shape
 * @param queryable whether filters may name it; a filter on a known but unqueryable property is a 501
 * @param unit the OPTIMADE unit expression of the value (of the items, for lists)
 * @param title one line for clients' user interfaces
 * @param description what the value is, with its unit and where it comes from
 * @param sortable whether {@code sort} accepts it
 * @param responseDefault whether it is returned when {@code response_fields} is absent
 * @param source where its value comes from
 * @param key the index column it is read from (SOURCE RECORD or DERIVED), the record column (DETAIL), or null
 * @param constant the value of every entry (SOURCE CONSTANT; null means unknown everywhere)
 */
public record StructureProperty(String name, Shape shape, boolean queryable, String unit, String title,
        String description, boolean sortable, boolean responseDefault, Source source, String key, Object constant) {

    /** Where a property's value comes from. */
    public enum Source {
        /** A record column copied into the in-memory index under {@link #key()}. */
        RECORD,
        /** Computed from record columns when the index is built, kept in the index under {@link #key()}. */
        DERIVED,
        /** A large per-site or per-scan record column ({@link #key()}), read from the chunk files for each page. */
        DETAIL,
        /** The same value for every entry. */
        CONSTANT
    }

    public StructureProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(source, "source");
        if (queryable && shape.filterType() == null) {
            throw new IllegalArgumentException(name + ": a " + shape + " property cannot be queryable");
        }
        if (sortable && shape.isList()) {
            throw new IllegalArgumentException(name + ": a list cannot be sortable");
        }
    }

    /** Whether the property lives in the in-memory index (so filters and sorts need no file access). */
    public boolean inIndex() {
        return source == Source.RECORD || source == Source.DERIVED;
    }
}
