package org.matscreen.repository.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.io.api.Binary;
import org.matscreen.repository.Column;
import org.matscreen.repository.filter.ComparisonOperator;
import org.matscreen.repository.filter.FilterExpression;
import org.matscreen.repository.filter.FilterExpression.ValueComparison;
import org.matscreen.repository.filter.Operand;

/**
 * The part of a filter that Parquet can evaluate itself: the comparisons of a scalar numeric, boolean or string column
 * with a constant that the filter ANDs together at its top level. Parquet then skips row groups whose statistics or
 * dictionaries exclude them and does not assemble rows that fail it. The predicate is a necessary condition only:
 * every row it keeps is still tested with the full compiled filter, so anything it cannot express exactly
 * (OR, NOT, lists, string order, timestamps) is simply left out.
 */
final class PushDown {
    private PushDown() {}

    /** The predicate, or empty if no part of the filter can be pushed down. */
    static Optional<FilterPredicate> of(FilterExpression e) {
        if (e == null) {
            return Optional.empty();
        }
        List<FilterExpression> conjuncts = e instanceof FilterExpression.And and ? and.operands() : List.of(e);
        List<FilterPredicate> parts = new ArrayList<>();
        for (FilterExpression c : conjuncts) {
            if (c instanceof ValueComparison vc) {
                leaf(vc.propertyFirst()).ifPresent(parts::add);
            }
        }
        return balanced(parts, 0, parts.size());
    }

    /** AND of parts[from, to) as a balanced tree: Parquet walks predicates recursively, so depth must stay small. */
    private static Optional<FilterPredicate> balanced(List<FilterPredicate> parts, int from, int to) {
        if (from >= to) {
            return Optional.empty();
        }
        if (to - from == 1) {
            return Optional.of(parts.get(from));
        }
        int mid = (from + to) >>> 1;
        return Optional.of(FilterApi.and(balanced(parts, from, mid).orElseThrow(),
                balanced(parts, mid, to).orElseThrow()));
    }

    private static Optional<FilterPredicate> leaf(ValueComparison c) {
        if (!(c.left() instanceof Operand.PropertyRef p) || !(c.right() instanceof Operand.Constant constant)) {
            return Optional.empty();
        }
        Optional<Column> column = RecordProperties.column(p.name());
        if (column.isEmpty()) {
            return Optional.empty();
        }
        String name = column.get().name();
        ComparisonOperator op = c.operator();
        return switch (column.get().kind()) {
            case DOUBLE -> number(constant).map(v -> doubles(name, op, v));
            case INT32 -> integer(constant).filter(v -> v == (int) (long) v)
                    .map(v -> ordered(FilterApi.intColumn(name), op, (int) (long) v));
            case INT64 -> integer(constant).map(v -> ordered(FilterApi.longColumn(name), op, v));
            case BOOLEAN -> constant instanceof Operand.BooleanConstant b && op == ComparisonOperator.EQ
                    ? Optional.of(FilterApi.eq(FilterApi.booleanColumn(name), b.value())) : Optional.empty();
            case STRING -> constant instanceof Operand.StringConstant s && op == ComparisonOperator.EQ
                    ? Optional.of(FilterApi.eq(FilterApi.binaryColumn(name), Binary.fromString(s.value())))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * A double comparison. The filter language has one zero, Parquet's comparator orders -0.0 before 0.0: a bound at
     * zero is widened to include both, so no row equal to zero is dropped.
     */
    private static FilterPredicate doubles(String name, ComparisonOperator op, double v) {
        Operators.DoubleColumn col = FilterApi.doubleColumn(name);
        double low = v == 0 ? -0.0 : v;
        double high = v == 0 ? 0.0 : v;
        return switch (op) {
            case LT -> FilterApi.lt(col, low);
            case LE -> FilterApi.ltEq(col, high);
            case GT -> FilterApi.gt(col, high);
            case GE -> FilterApi.gtEq(col, low);
            case EQ -> FilterApi.and(FilterApi.gtEq(col, low), FilterApi.ltEq(col, high));
            case NE -> FilterApi.or(FilterApi.lt(col, low), FilterApi.gt(col, high));
        };
    }

    private static <T extends Comparable<T>, C extends Operators.Column<T> & Operators.SupportsLtGt>
            FilterPredicate ordered(C col, ComparisonOperator op, T v) {
        return switch (op) {
            case LT -> FilterApi.lt(col, v);
            case LE -> FilterApi.ltEq(col, v);
            case GT -> FilterApi.gt(col, v);
            case GE -> FilterApi.gtEq(col, v);
            case EQ -> FilterApi.eq(col, v);
            case NE -> FilterApi.notEq(col, v);
        };
    }

    /** A number constant as a double, if it converts exactly. */
    private static Optional<Double> number(Operand.Constant c) {
        if (!(c instanceof Operand.NumberConstant n)) {
            return Optional.empty();
        }
        if (n.value() instanceof Long l) {
            return Math.abs(l) <= (1L << 53) ? Optional.of((double) l) : Optional.empty();
        }
        return Optional.of(n.value().doubleValue());
    }

    private static Optional<Long> integer(Operand.Constant c) {
        return c instanceof Operand.NumberConstant n && n.value() instanceof Long l ? Optional.of(l)
                : Optional.empty();
    }
}
