package org.matscreen.repository.filter;

import java.util.List;
import java.util.stream.Collectors;
import org.matscreen.repository.filter.FilterExpression.And;
import org.matscreen.repository.filter.FilterExpression.BareProperty;
import org.matscreen.repository.filter.FilterExpression.KnownCheck;
import org.matscreen.repository.filter.FilterExpression.LengthComparison;
import org.matscreen.repository.filter.FilterExpression.Not;
import org.matscreen.repository.filter.FilterExpression.Or;
import org.matscreen.repository.filter.FilterExpression.SetComparison;
import org.matscreen.repository.filter.FilterExpression.StringMatch;
import org.matscreen.repository.filter.FilterExpression.ValueComparison;
import org.matscreen.repository.filter.FilterExpression.ZipSetComparison;
import org.matscreen.repository.filter.Operand.BooleanConstant;
import org.matscreen.repository.filter.Operand.NumberConstant;
import org.matscreen.repository.filter.Operand.PropertyRef;
import org.matscreen.repository.filter.Operand.StringConstant;

/**
 * Writes a filter tree back as filter text, in a canonical form that {@link FilterParser} reads back to an equal tree:
 * every AND/OR nested in another AND/OR or under NOT in parentheses, so the grouping is visible, single
 * spaces, {@code WITH} always written, strings re-escaped, numbers as originally written. Used in logs, in the CLI's
 * "interpreted as" output, and to test the parser.
 */
public final class FilterRenderer implements FilterVisitor<String> {
    private static final FilterRenderer INSTANCE = new FilterRenderer();

    private FilterRenderer() {
    }

    public static String render(FilterExpression expression) {
        return expression.accept(INSTANCE);
    }

    /** A constant or property as filter text; strings quoted with {@code \"} and {@code \\} escaped. */
    public static String render(Operand operand) {
        if (operand instanceof PropertyRef) {
            return ((PropertyRef) operand).name();
        }
        if (operand instanceof StringConstant) {
            String value = ((StringConstant) operand).value();
            return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (operand instanceof NumberConstant) {
            return ((NumberConstant) operand).text();
        }
        return ((BooleanConstant) operand).value() ? "TRUE" : "FALSE";
    }

    @Override
    public String visitAnd(And and) {
        return join(and.operands(), " AND ");
    }

    @Override
    public String visitOr(Or or) {
        return join(or.operands(), " OR ");
    }

    @Override
    public String visitNot(Not not) {
        FilterExpression operand = not.operand();
        String text = operand.accept(this);
        return "NOT " + (operand instanceof And || operand instanceof Or || operand instanceof Not ? "(" + text + ")"
                : text);
    }

    @Override
    public String visitValueComparison(ValueComparison comparison) {
        return render(comparison.left()) + " " + comparison.operator().symbol() + " " + render(comparison.right());
    }

    @Override
    public String visitStringMatch(StringMatch match) {
        return match.property().name() + " " + match.operator().symbol() + " " + render(match.value());
    }

    @Override
    public String visitKnownCheck(KnownCheck check) {
        return check.property().name() + (check.known() ? " IS KNOWN" : " IS UNKNOWN");
    }

    @Override
    public String visitBareProperty(BareProperty property) {
        return property.property().name();
    }

    @Override
    public String visitSetComparison(SetComparison comparison) {
        return comparison.property().name() + " " + comparison.operator().keywords() + " "
                + comparison.values().stream().map(FilterRenderer::entry).collect(Collectors.joining(", "));
    }

    @Override
    public String visitZipSetComparison(ZipSetComparison comparison) {
        String properties = comparison.properties().stream().map(PropertyRef::name).collect(Collectors.joining(":"));
        String tuples = comparison.tuples().stream()
                .map(tuple -> tuple.stream().map(FilterRenderer::entry).collect(Collectors.joining(":")))
                .collect(Collectors.joining(", "));
        return properties + " " + comparison.operator().keywords() + " " + tuples;
    }

    @Override
    public String visitLengthComparison(LengthComparison comparison) {
        String operator = comparison.operator() == ComparisonOperator.EQ ? "" : comparison.operator().symbol() + " ";
        return comparison.property().name() + " LENGTH " + operator + render(comparison.value());
    }

    private static String entry(ValueListEntry entry) {
        String operator = entry.operator() == ComparisonOperator.EQ ? "" : entry.operator().symbol() + " ";
        return operator + render(entry.value());
    }

    private String join(List<FilterExpression> operands, String separator) {
        return operands.stream().map(this::grouped).collect(Collectors.joining(separator));
    }

    /** Operands of AND/OR that are themselves AND/OR go in parentheses; NOT binds tighter and needs none. */
    private String grouped(FilterExpression operand) {
        String text = operand.accept(this);
        return operand instanceof And || operand instanceof Or ? "(" + text + ")" : text;
    }
}
