package org.matscreen.core.properties;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The derived properties of one relaxed candidate: a value per column of the registered properties (see
 * {@link PropertyRegistry}) and the flags they raised. An absent value means "not computed" (switched off, not
 * applicable to the prototype, or not derivable); a number read through {@link #number(String)} is then NaN.
 * Immutable; made by {@link Builder}.
 */
public final class CandidateProperties implements Serializable {
    private static final long serialVersionUID = 2L;

    private final Map<String, Object> values;
    private final Set<RecordFlag> flags;

    private CandidateProperties(Map<String, Object> values, Set<RecordFlag> flags) {
        this.values = Collections.unmodifiableMap(values);
        this.flags = flags.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(RecordFlag.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every known value by column name, in column order. Unmodifiable. */
    public Map<String, Object> values() {
        return values;
    }

    /** The flags the properties raised. Unmodifiable. */
    public Set<RecordFlag> flags() {
        return flags;
    }

    public boolean has(RecordFlag flag) {
        return flags.contains(flag);
    }

    /** A numeric column's value; NaN when unknown. */
    public double number(String column) {
        Object v = values.get(column);
        return v instanceof Double d ? d : Double.NaN;
    }

    /** A boolean column's value; null when unknown. */
    public Boolean bool(String column) {
        return values.get(column) instanceof Boolean b ? b : null;
    }

    /** A text column's value; null when unknown. */
    public String text(String column) {
        return values.get(column) instanceof String s ? s : null;
    }

    /** Relaxed potential energy per atom, eV/atom (NaN when unknown). */
    public double energyPerAtomEv() {
        return number("energy_per_atom_ev");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CandidateProperties p && values.equals(p.values) && flags.equals(p.flags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, flags);
    }

    @Override
    public String toString() {
        return "CandidateProperties" + values + " flags " + flags;
    }

    /**
     * Collects values and flags. Values are checked against the registered columns, so a property that fills a
     * column it did not declare, or with the wrong kind, fails at once. NaN numbers are left out (unknown).
     */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Set<RecordFlag> flags = EnumSet.noneOf(RecordFlag.class);

        private Builder() {}

        /** Sets a column: a Double (NaN means unknown and is dropped), Boolean, String or List. */
        public Builder put(String column, Object value) {
            if (value == null || (value instanceof Double d && Double.isNaN(d))) {
                values.remove(column);
                return this;
            }
            PropertyColumn c = PropertyRegistry.column(column);
            if (c == null) {
                throw new IllegalArgumentException("no registered property declares the column " + column);
            }
            Object v = value instanceof List<?> l ? Collections.unmodifiableList(new ArrayList<>(l)) : value;
            if (!c.accepts(v)) {
                throw new IllegalArgumentException("column " + column + " holds " + c.kind() + ", not " + value);
            }
            values.put(column, v);
            return this;
        }

        public Builder put(String column, double value) {
            return put(column, Double.valueOf(value));
        }

        public Builder flag(RecordFlag flag) {
            flags.add(flag);
            return this;
        }

        /** The value set so far (for properties that build on an earlier one), or null. */
        public Object get(String column) {
            return values.get(column);
        }

        /** Values in the registry's column order. */
        public CandidateProperties build() {
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (PropertyColumn c : PropertyRegistry.columns()) {
                Object v = values.get(c.name());
                if (v != null) {
                    ordered.put(c.name(), v);
                }
            }
            return new CandidateProperties(ordered, flags);
        }
    }
}
