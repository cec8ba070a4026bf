package org.matscreen.repository.filter;

import java.util.Optional;

/**
 * What a property name in a filter refers to, after {@link PropertyCatalogue#resolve}: a property this database
 * declares, or a property under another provider's prefix, which OPTIMADE says to treat as unknown on every entry.
 */
public sealed interface ResolvedProperty permits ResolvedProperty.Declared, ResolvedProperty.Foreign {

    /** The dotted name as written in the filter. */
    String name();

    /** A property of this database with its declared type. */
    record Declared(String name, PropertyType type) implements ResolvedProperty {
    }

    /**
     * A property with a prefix that is not this database's. Its value is unknown ({@code null}) on every entry.
     * {@code prefixRecognised} tells whether the prefix is a provider this database knows of: the spec asks for a
     * warning only when it is not.
     */
    record Foreign(String name, String prefix, boolean prefixRecognised) implements ResolvedProperty {
        /** The warning the spec asks for, if any. */
        public Optional<String> warning() {
            return prefixRecognised ? Optional.empty() : Optional.of("property '" + name + "' has the unrecognised"
                    + " provider prefix '" + prefix + "' and was treated as unknown");
        }
    }
}
