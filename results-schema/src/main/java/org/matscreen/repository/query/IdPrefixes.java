package org.matscreen.repository.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.repository.filter.ComparisonOperator;
import org.matscreen.repository.filter.FilterException;
import org.matscreen.repository.filter.FilterExpression;
import org.matscreen.repository.filter.FilterExpression.And;
import org.matscreen.repository.filter.FilterExpression.Not;
import org.matscreen.repository.filter.FilterExpression.Or;
import org.matscreen.repository.filter.FilterExpression.ValueComparison;
import org.matscreen.repository.filter.FilterParser;
import org.matscreen.repository.filter.FilterRenderer;
import org.matscreen.repository.filter.Operand;
import org.matscreen.repository.filter.Operand.PropertyRef;
import org.matscreen.repository.filter.Operand.StringConstant;

/**
 * Lets {@code id = "<prefix>"} name a record by the start of its id, as tables print ids shortened (record ids are 64
 * hex digits). A filter's {@code id = "…"} and {@code id != "…"} comparisons with fewer than 64 hex digits are
 * resolved against the repository before the query runs: a prefix that starts exactly one id becomes that id, one
 * that starts several is refused with the candidates listed, and one that starts none is left as it is (it matches
 * nothing) with a warning. Everything else in the filter is unchanged.
 */
public final class IdPrefixes {
    /** Length of a record id: SHA-256 in hex. */
    public static final int ID_LENGTH = 64;

    private static final Pattern HEX_PREFIX = Pattern.compile("[0-9a-f]{1," + (ID_LENGTH - 1) + "}");
    private static final int SHOWN = 5;
    private static final int SHOWN_DIGITS = 16;

    /**
     * The filter with its id prefixes resolved.
     *
     * @param filter the filter text (a malformed one is returned unchanged, for the query to report)
     * @param source where the filter came from, for messages ({@code --where})
     * @param warnings receives a line per prefix that starts no id
     * @throws InvalidInputException if a prefix starts more than one id
     */
    public static String resolve(RecordStore store, String filter, String source, List<String> warnings) {
        if (filter == null || filter.isBlank()) {
            return filter;
        }
        FilterExpression tree;
        try {
            tree = FilterParser.parse(filter);
        } catch (FilterException e) {
            return filter;
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        collect(tree, prefixes);
        if (prefixes.isEmpty()) {
            return filter;
        }
        for (Map.Entry<String, String> e : prefixes.entrySet()) {
            String prefix = e.getKey();
            List<String> ids = new ArrayList<>();
            store.scan("id STARTS WITH \"" + prefix + "\"", List.of("id"), row -> ids.add((String) row.get("id")));
            if (ids.size() > 1) {
                ids.sort(null);
                throw new InvalidInputException(source, "id", "'" + prefix + "' is the start of " + ids.size()
                        + " record ids (" + String.join(", ", ids.subList(0, Math.min(SHOWN, ids.size())).stream()
                                .map(i -> i.substring(0, Math.min(SHOWN_DIGITS, i.length())) + "…").toList())
                        + (ids.size() > SHOWN ? ", …" : "") + "): give more digits");
            }
            if (ids.isEmpty()) {
                warnings.add("no record id starts with '" + prefix + "' (ids are " + ID_LENGTH
                        + " hex digits; a shorter value is taken as the start of one)");
                e.setValue(prefix);
            } else {
                e.setValue(ids.get(0));
            }
        }
        return FilterRenderer.render(rewrite(tree, prefixes));
    }

    private static void collect(FilterExpression e, Map<String, String> prefixes) {
        if (e instanceof And a) {
            a.operands().forEach(o -> collect(o, prefixes));
        } else if (e instanceof Or o) {
            o.operands().forEach(x -> collect(x, prefixes));
        } else if (e instanceof Not n) {
            collect(n.operand(), prefixes);
        } else if (e instanceof ValueComparison c) {
            String prefix = prefix(c);
            if (prefix != null) {
                prefixes.put(prefix, prefix);
            }
        }
    }

    /** The hex prefix an id equality or inequality compares with, or null. */
    private static String prefix(ValueComparison c) {
        ValueComparison p = c.propertyFirst();
        if ((p.operator() != ComparisonOperator.EQ && p.operator() != ComparisonOperator.NE)
                || !(p.left() instanceof PropertyRef ref) || !(p.right() instanceof StringConstant s)) {
            return null;
        }
        boolean id = ref.path().size() == 1 && (ref.name().equals("id") || ref.name().equals("_matscreen_id"));
        return id && HEX_PREFIX.matcher(s.value()).matches() ? s.value() : null;
    }

    private static FilterExpression rewrite(FilterExpression e, Map<String, String> resolved) {
        if (e instanceof And a) {
            return new And(a.operands().stream().map(o -> rewrite(o, resolved)).toList());
        }
        if (e instanceof Or o) {
            return new Or(o.operands().stream().map(x -> rewrite(x, resolved)).toList());
        }
        if (e instanceof Not n) {
            return new Not(rewrite(n.operand(), resolved));
        }
        if (e instanceof ValueComparison c && prefix(c) != null) {
            ValueComparison p = c.propertyFirst();
            Operand full = new StringConstant(resolved.get(prefix(c)));
            return new ValueComparison(p.left(), p.operator(), full);
        }
        return e;
    }

    private IdPrefixes() {}
}
