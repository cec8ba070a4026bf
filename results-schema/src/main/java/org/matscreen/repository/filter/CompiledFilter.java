package org.matscreen.repository.filter;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.matscreen.repository.filter.FilterExpression.ValueComparison;
import org.matscreen.repository.filter.Operand.PropertyRef;
import org.matscreen.repository.filter.Operand.StringConstant;

/**
 * A checked filter, ready to test entries: build it once per query with {@link FilterCompiler} and call
 * {@link #test} per entry. Immutable and thread-safe. An entry matches when the filter is true for it; a filter that is
 * false or unknown (see {@link Truth}) does not match.
 */
public final class CompiledFilter implements Predicate<FilterTarget> {
    private final FilterExpression expression;
    private final Node root;
    private final List<String> warnings;

    CompiledFilter(FilterExpression expression, Node root, List<String> warnings) {
        this.expression = expression;
        this.root = root;
        this.warnings = warnings;
    }

    @Override
    public boolean test(FilterTarget entry) {
        return root.evaluate(entry) == Truth.TRUE;
    }

    /** The parsed filter, for backends that translate it themselves with a {@link FilterVisitor}. */
    public FilterExpression expression() {
        return expression;
    }

    /**
     * Warnings the response should carry: properties with a provider prefix this database does not recognise, which
     * were treated as unknown (the spec says it SHOULD warn about those).
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The id if the whole filter is {@code id = "x"} (either way round), so that a store can look the entry up directly
     * instead of scanning.
     */
    public Optional<String> exactId() {
        if (expression instanceof ValueComparison) {
            ValueComparison c = ((ValueComparison) expression).propertyFirst();
            if (c.operator() == ComparisonOperator.EQ && c.left() instanceof PropertyRef
                    && ((PropertyRef) c.left()).name().equals("id") && c.right() instanceof StringConstant) {
                return Optional.of(((StringConstant) c.right()).value());
            }
        }
        return Optional.empty();
    }

    /** The filter in canonical form ({@link FilterRenderer}). */
    @Override
    public String toString() {
        return FilterRenderer.render(expression);
    }
}
