package org.matscreen.optimade.index;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.matscreen.optimade.schema.StructureProperty;
import org.matscreen.optimade.schema.StructureSchema;
import org.matscreen.repository.filter.CompiledFilter;
import org.matscreen.repository.filter.FilterCompiler;
import org.matscreen.repository.filter.FilterException;
import org.matscreen.repository.filter.FilterParser;
import org.matscreen.repository.filter.Operand;

/**
 * Queries over a {@link StructureIndex}: a filter is parsed, checked and compiled once per request, then evaluated
 * column-wise; results are intersected with the caller's visible rows before they are counted, sorted and paged.
 */
public final class IndexQuery {
    /** Entry types of OPTIMADE: a filter starting with one of them is a relationship filter. */
    private static final Set<String> ENTRY_TYPES = Set.of("structures", "references", "calculations", "links",
            "files", "trajectories");

    /**
     * A filter ready to evaluate.
     *
     * @param warnings what the response should warn about (another provider's unrecognised prefix)
     * @param exactId the id when the whole filter is {@code id = "x"}, answered by a look-up
     */
    public record Filter(CompiledFilter checked, List<String> warnings, Optional<String> exactId) {}

    /** A sort key: an index-resident, sortable property and its direction. */
    public record SortKey(StructureProperty property, boolean descending) {}

    private IndexQuery() {}

    /**
     * Parses and checks {@code text} against the structures schema.
     *
     * @throws FilterException 400 for a syntax error, an unknown property or an operator that does not apply; 501
     *     for a property this server knows but does not support in filters (per-site lists, species, lattice
     *     vectors), for relationship filters and for the type conversions the spec leaves unimplemented
     */
    public static Filter compile(String text) {
        var expression = FilterParser.parse(text);
        for (Operand.PropertyRef ref : PropertyNames.refs(expression)) {
            String root = ref.path().get(0);
            if (ENTRY_TYPES.contains(root) && !StructureSchema.get().property(ref.name()).isPresent()) {
                throw FilterException.notImplemented(ref.name(), "filters on relationships ('" + root
                        + ".…') are an optional OPTIMADE feature this server does not support");
            }
            Optional<StructureProperty> p = StructureSchema.get().property(root);
            if (p.isPresent() && !p.get().queryable()) {
                throw FilterException.notImplemented(ref.name(), "queries on '" + root + "' are not supported"
                        + " (optional in OPTIMADE); filter on elements, nelements, nsites, the formulas or the _"
                        + StructureSchema.PREFIX + "_ properties instead");
            }
        }
        CompiledFilter checked = FilterCompiler.compile(expression, StructureSchema.get().catalogue());
        return new Filter(checked, checked.warnings(), checked.exactId());
    }

    /** The visible rows that match {@code filter} (all visible rows for a null filter). */
    public static BitSet matching(StructureIndex index, Filter filter, BitSet visible) {
        BitSet out = (BitSet) visible.clone();
        if (filter == null) {
            return out;
        }
        if (filter.exactId().isPresent()) {
            int row = index.rowOfId(filter.exactId().get());
            BitSet one = new BitSet();
            if (row >= 0) {
                one.set(row);
            }
            out.and(one);
            return out;
        }
        Selection s = filter.checked().expression().accept(new ColumnarFilter(index, visible));
        out.and(s.isTrue());
        return out;
    }

    /**
     * The same as {@link #matching} computed by the reference evaluator of results-schema, one row at a time: the
     * yardstick the columnar evaluation is tested and benchmarked against.
     */
    public static BitSet matchingRowByRow(StructureIndex index, Filter filter, BitSet visible) {
        BitSet out = new BitSet();
        for (int r = visible.nextSetBit(0); r >= 0; r = visible.nextSetBit(r + 1)) {
            if (filter.checked().test(new RowTarget(index, r))) {
                out.set(r);
            }
        }
        return out;
    }

    /**
     * Rows {@code offset .. offset+limit-1} of {@code matched} in the requested order: row order without sort keys,
     * otherwise sorted by the keys with unknown values last in either direction and ties in row order.
     */
    public static int[] page(StructureIndex index, BitSet matched, List<SortKey> sort, int offset, int limit) {
        if (sort.isEmpty()) {
            int[] out = new int[Math.max(0, Math.min(limit, matched.cardinality() - offset))];
            int r = matched.nextSetBit(0);
            for (int skipped = 0; r >= 0 && skipped < offset; skipped++) {
                r = matched.nextSetBit(r + 1);
            }
            for (int k = 0; k < out.length; k++, r = matched.nextSetBit(r + 1)) {
                out[k] = r;
            }
            return out;
        }
        int[] sorted = RowOrder.sort(index, matched, sort);
        int from = Math.min(offset, sorted.length);
        int to = (int) Math.min((long) from + limit, sorted.length);
        return Arrays.copyOfRange(sorted, from, to);
    }
}
