package org.matscreen.repository.filter;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.matscreen.repository.filter.Operand.PropertyRef;

/**
 * A parsed OPTIMADE filter. Parentheses leave no node of their own: grouping shows in the tree's shape, so
 * {@code NOT a > b OR c = 1} and {@code (NOT (a > b)) OR (c = 1)} parse to equal trees. {@code a AND b AND c} is one
 * {@link And} of three operands; each operand list has at least two entries.
 *
 * <p>Nodes are immutable records compared by value. Java 17 has no exhaustive pattern {@code switch}, so code that
 * walks the tree implements {@link FilterVisitor}, which the compiler forces to cover every node type.
 */
public sealed interface FilterExpression permits FilterExpression.And, FilterExpression.Or, FilterExpression.Not,
        FilterExpression.ValueComparison, FilterExpression.StringMatch, FilterExpression.KnownCheck,
        FilterExpression.BareProperty, FilterExpression.SetComparison, FilterExpression.ZipSetComparison,
        FilterExpression.LengthComparison {

    /** Dispatches to the visitor method for this node type. */
    <R> R accept(FilterVisitor<R> visitor);

    /** {@code a AND b AND ...}. */
    record And(List<FilterExpression> operands) implements FilterExpression {
        public And {
            operands = atLeastTwo(operands, "AND");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitAnd(this);
        }
    }

    /** {@code a OR b OR ...}. */
    record Or(List<FilterExpression> operands) implements FilterExpression {
        public Or {
            operands = atLeastTwo(operands, "OR");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitOr(this);
        }
    }

    /** {@code NOT a}. */
    record Not(FilterExpression operand) implements FilterExpression {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitNot(this);
        }
    }

    /**
     * {@code left op right}, kept the way round it was written: property and constant in either order, two properties
     * or two constants. {@link #propertyFirst()} gives the form most backends want.
     */
    record ValueComparison(Operand left, ComparisonOperator operator, Operand right) implements FilterExpression {
        public ValueComparison {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        /** {@code 8 > nelements} as {@code nelements < 8}; any other comparison unchanged. */
        public ValueComparison propertyFirst() {
            if (left instanceof Operand.Constant && right instanceof PropertyRef) {
                return new ValueComparison(right, operator.mirrored(), left);
            }
            return this;
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitValueComparison(this);
        }
    }

    /** {@code property CONTAINS value}, {@code STARTS [WITH]}, {@code ENDS [WITH]}. */
    record StringMatch(PropertyRef property, StringOperator operator, Operand value) implements FilterExpression {
        public StringMatch {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitStringMatch(this);
        }
    }

    /** {@code property IS KNOWN} ({@code known} true) or {@code property IS UNKNOWN}. */
    record KnownCheck(PropertyRef property, boolean known) implements FilterExpression {
        public KnownCheck {
            Objects.requireNonNull(property, "property");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitKnownCheck(this);
        }
    }

    /**
     * A property on its own. The spec gives it two meanings depending on the property's type, which only the catalogue
     * knows: {@code property = TRUE} for a boolean, {@code property IS KNOWN} for anything else.
     */
    record BareProperty(PropertyRef property) implements FilterExpression {
        public BareProperty {
            Objects.requireNonNull(property, "property");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitBareProperty(this);
        }
    }

    /** {@code list HAS v}, {@code HAS ALL v, ...}, {@code HAS ANY ...}, {@code HAS ONLY ...}; plain HAS has one value. */
    record SetComparison(PropertyRef property, SetOperator operator, List<ValueListEntry> values)
            implements FilterExpression {
        public SetComparison {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
            if (values.isEmpty() || (operator == SetOperator.HAS && values.size() != 1)) {
                throw new IllegalArgumentException(operator.keywords() + " with " + values.size() + " values");
            }
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitSetComparison(this);
        }
    }

    /**
     * Correlated lists, {@code list1:list2 HAS ALL v1:v2, w1:w2}: each tuple is tested against the items at one common
     * index of the lists. Every tuple has as many entries as there are properties.
     */
    record ZipSetComparison(List<PropertyRef> properties, SetOperator operator, List<List<ValueListEntry>> tuples)
            implements FilterExpression {
        public ZipSetComparison {
            properties = List.copyOf(properties);
            Objects.requireNonNull(operator, "operator");
            tuples = tuples.stream().map(List::copyOf).collect(Collectors.toUnmodifiableList());
            if (properties.size() < 2 || tuples.isEmpty() || (operator == SetOperator.HAS && tuples.size() != 1)) {
                throw new IllegalArgumentException("zipped " + operator.keywords() + " with " + properties.size()
                        + " properties and " + tuples.size() + " tuples");
            }
            for (List<ValueListEntry> tuple : tuples) {
                if (tuple.size() != properties.size()) {
                    throw new IllegalArgumentException(
                            "tuple of " + tuple.size() + " for " + properties.size() + " properties");
                }
            }
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitZipSetComparison(this);
        }
    }

    /** {@code list LENGTH [op] value}; without an operator the parser supplies {@link ComparisonOperator#EQ}. */
    record LengthComparison(PropertyRef property, ComparisonOperator operator, Operand value)
            implements FilterExpression {
        public LengthComparison {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitLengthComparison(this);
        }
    }

    private static List<FilterExpression> atLeastTwo(List<FilterExpression> operands, String what) {
        List<FilterExpression> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException(what + " needs at least two operands, got " + copy.size());
        }
        return copy;
    }
}
