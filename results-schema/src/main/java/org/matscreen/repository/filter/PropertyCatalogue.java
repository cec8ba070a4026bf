package org.matscreen.repository.filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.matscreen.repository.filter.Operand.PropertyRef;

/**
 * The properties a filter may name, with their types, and this database's provider prefix. It decides what a property
 * name in a filter means, following the spec's "Handling unknown property names":
 * <ul>
 *   <li>a declared name (plain, {@code _own_...}, another definition provider's {@code _dft_...}, or a dotted nested
 *       path) is that property;</li>
 *   <li>an undeclared name without a prefix, or with this database's own prefix, is a 400;</li>
 *   <li>an undeclared name with another provider's prefix ({@code _exmpl_x}) is accepted and is unknown on every
 *       entry;</li>
 *   <li>an undeclared nested path ({@code a.b}) below a declared property is a 501: nested names are OPTIONAL, and
 *       supported only for the paths declared here.</li>
 * </ul>
 * Immutable; build one per entry type and share it.
 */
public final class PropertyCatalogue {
    private static final Pattern PROPERTY_NAME = Pattern.compile("[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]+");

    private final Map<String, PropertyType> types;
    private final String ownPrefix;
    private final Set<String> knownPrefixes;

    private PropertyCatalogue(Builder builder) {
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(builder.types));
        this.ownPrefix = builder.ownPrefix;
        this.knownPrefixes = Set.copyOf(builder.knownPrefixes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The declared type of {@code name}, a dotted property name. */
    public Optional<PropertyType> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** All declared properties, in declaration order. */
    public Map<String, PropertyType> properties() {
        return types;
    }

    /** This database's provider prefix, without underscores (e.g. {@code matscreen} for {@code _matscreen_x}). */
    public Optional<String> ownPrefix() {
        return Optional.ofNullable(ownPrefix);
    }

    /**
     * What {@code property} refers to.
     *
     * @throws FilterException 400 for an unknown property that is not another provider's, 501 for an undeclared nested
     *         path below a declared property
     */
    public ResolvedProperty resolve(PropertyRef property) {
        String name = property.name();
        PropertyType type = types.get(name);
        if (type != null) {
            return new ResolvedProperty.Declared(name, type);
        }
        String root = property.path().get(0);
        String prefix = root.startsWith("_") ? prefixOf(root, name) : null;
        if (prefix != null && !prefix.equals(ownPrefix)) {
            return new ResolvedProperty.Foreign(name, prefix, knownPrefixes.contains(prefix));
        }
        if (property.isNested() && types.containsKey(root)) {
            throw FilterException.notImplemented(name, "nested property names are not supported below '" + root
                    + "'");
        }
        String whose = prefix == null ? "" : " (the prefix '" + prefix + "' is this database's own)";
        throw FilterException.badRequest(name, "unknown property '" + name + "'" + whose);
    }

    /** The provider prefix of {@code _prefix_rest}; anything else starting with '_' is a 400. */
    private static String prefixOf(String identifier, String name) {
        int end = identifier.indexOf('_', 1);
        if (end > 1 && end < identifier.length() - 1 && PREFIX.matcher(identifier.substring(1, end)).matches()) {
            return identifier.substring(1, end);
        }
        throw FilterException.badRequest(name, "'" + identifier + "' starts with '_' but is not of the form"
                + " _<provider prefix>_<name>");
    }

    /** Collects the declared properties and prefixes; names and prefixes are validated as they are added. */
    public static final class Builder {
        private final Map<String, PropertyType> types = new LinkedHashMap<>();
        private final Set<String> knownPrefixes = new LinkedHashSet<>();
        private String ownPrefix;

        private Builder() {
        }

        /** Declares {@code name} (an OPTIMADE identifier, or a dotted path of them) with its type. */
        public Builder property(String name, PropertyType type) {
            Objects.requireNonNull(type, "type");
            if (!PROPERTY_NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
                throw new IllegalArgumentException("not an OPTIMADE property name: '" + name + "'");
            }
            if (types.putIfAbsent(name, type) != null) {
                throw new IllegalArgumentException("property '" + name + "' declared twice");
            }
            return this;
        }

        /** Declares every entry of {@code properties}. */
        public Builder properties(Map<String, PropertyType> properties) {
            properties.forEach(this::property);
            return this;
        }

        /** This database's provider prefix, without underscores; its undeclared properties are errors. */
        public Builder ownPrefix(String prefix) {
            this.ownPrefix = checkedPrefix(prefix);
            return this;
        }

        /** Prefixes of other providers this database knows of; filters on them are not warned about. */
        public Builder knownPrefixes(String... prefixes) {
            for (String prefix : prefixes) {
                knownPrefixes.add(checkedPrefix(prefix));
            }
            return this;
        }

        public PropertyCatalogue build() {
            return new PropertyCatalogue(this);
        }

        private static String checkedPrefix(String prefix) {
            if (!PREFIX.matcher(Objects.requireNonNull(prefix, "prefix")).matches()) {
                throw new IllegalArgumentException("a provider prefix is lower-case letters and digits, without"
                        + " underscores: '" + prefix + "'");
            }
            return prefix;
        }
    }
}
