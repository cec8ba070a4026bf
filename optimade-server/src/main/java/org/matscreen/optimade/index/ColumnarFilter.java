package org.matscreen.optimade.index;

import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import org.matscreen.optimade.schema.StructureProperty;
import org.matscreen.optimade.schema.StructureSchema;
import org.matscreen.repository.filter.CompiledFilter;
import org.matscreen.repository.filter.ComparisonOperator;
import org.matscreen.repository.filter.FilterCompiler;
import org.matscreen.repository.filter.FilterExpression;
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
import org.matscreen.repository.filter.FilterVisitor;
import org.matscreen.repository.filter.Operand;
import org.matscreen.repository.filter.Operand.BooleanConstant;
import org.matscreen.repository.filter.Operand.NumberConstant;
import org.matscreen.repository.filter.Operand.PropertyRef;
import org.matscreen.repository.filter.Operand.StringConstant;
import org.matscreen.repository.filter.PropertyType;
import org.matscreen.repository.filter.ResolvedProperty;
import org.matscreen.repository.filter.ValueListEntry;

/**
 * Translates a checked filter into whole-column operations giving a {@link Selection} (true rows, false rows) per
 * node, combined with Kleene's logic exactly as the reference evaluator combines single values. The mandatory
 * constructs (comparisons of a property with a constant either way round, substring operators, IS KNOWN/UNKNOWN,
 * HAS/HAS ALL/HAS ANY/HAS ONLY with constant values, LENGTH) run on the columns; the optional ones that compare two
 * properties of the same entry (property on both sides, correlated lists, properties inside value lists) are handed
 * to the reference evaluator ({@link CompiledFilter}) row by row, over the visible rows only. The filter must have
 * passed {@link FilterCompiler} first: this class relies on its type checks.
 */
final class ColumnarFilter implements FilterVisitor<Selection> {
    private final StructureIndex index;
    private final BitSet domain;
    private final int rows;

    /**
     * @param domain the rows that matter (the caller's visible rows): the row-by-row fallback evaluates only these
     */
    ColumnarFilter(StructureIndex index, BitSet domain) {
        this.index = index;
        this.domain = domain;
        this.rows = index.rows();
    }

    @Override
    public Selection visitAnd(And and) {
        Selection s = null;
        for (FilterExpression e : and.operands()) {
            Selection next = e.accept(this);
            s = s == null ? next : s.and(next);
        }
        return s;
    }

    @Override
    public Selection visitOr(Or or) {
        Selection s = null;
        for (FilterExpression e : or.operands()) {
            Selection next = e.accept(this);
            s = s == null ? next : s.or(next);
        }
        return s;
    }

    @Override
    public Selection visitNot(Not not) {
        return not.operand().accept(this).not();
    }

    @Override
    public Selection visitValueComparison(ValueComparison comparison) {
        ValueComparison c = comparison.propertyFirst();
        if (!(c.left() instanceof PropertyRef p) || !(c.right() instanceof Operand.Constant k)) {
            return fallback(comparison);
        }
        Binding b = bind(p);
        if (b.foreign()) {
            return Selection.constant(null, rows);
        }
        if (b.column() == null) {
            return fallback(comparison);
        }
        ComparisonOperator op = c.operator();
        IndexColumn col = b.column();
        if (col instanceof DoubleColumn d) {
            return d.compare(op, ((NumberConstant) k).value());
        }
        if (col instanceof LongColumn l) {
            return l.compare(op, l.type() == PropertyType.TIMESTAMP ? Rfc3339.parse(((StringConstant) k).value())
                    : ((NumberConstant) k).value());
        }
        if (col instanceof StringColumn s) {
            return s.compare(op, ((StringConstant) k).value());
        }
        if (col instanceof BooleanColumn bc) {
            return bc.compare(op, ((BooleanConstant) k).value());
        }
        return fallback(comparison);
    }

    @Override
    public Selection visitStringMatch(StringMatch match) {
        Binding b = bind(match.property());
        if (b.foreign()) {
            return Selection.constant(null, rows);
        }
        if (b.column() instanceof StringColumn s && match.value() instanceof StringConstant k) {
            return s.match(match.operator(), k.value());
        }
        return fallback(match);
    }

    @Override
    public Selection visitKnownCheck(KnownCheck check) {
        Binding b = bind(check.property());
        if (b.foreign()) {
            return Selection.constant(!check.known(), rows);
        }
        if (b.column() == null) {
            return fallback(check);
        }
        return known(b.column(), check.known());
    }

    @Override
    public Selection visitBareProperty(BareProperty bare) {
        Binding b = bind(bare.property());
        if (b.foreign()) {
            return Selection.constant(null, rows);
        }
        if (b.column() instanceof BooleanColumn bc) {
            return bc.compare(ComparisonOperator.EQ, true);
        }
        if (b.column() == null) {
            return fallback(bare);
        }
        return known(b.column(), true);
    }

    @Override
    public Selection visitSetComparison(SetComparison comparison) {
        Binding b = bind(comparison.property());
        if (b.foreign()) {
            return Selection.constant(null, rows);
        }
        if (!(b.column() instanceof ListColumn list)) {
            return fallback(comparison);
        }
        List<ValueListEntry> values = comparison.values();
        IntPredicate[] tests = new IntPredicate[values.size()];
        for (int j = 0; j < tests.length; j++) {
            ValueListEntry e = values.get(j);
            if (list instanceof StringListColumn s && e.value() instanceof StringConstant k) {
                tests[j] = s.itemTest(e.operator(), k.value());
            } else if (list instanceof NumberListColumn n && e.value() instanceof NumberConstant k
                    && e.operator() instanceof ComparisonOperator op) {
                tests[j] = n.itemTest(op, k.value());
            } else {
                return fallback(comparison); // a property in the value list: compared within each entry
            }
        }
        return list.has(comparison.operator(), tests);
    }

    @Override
    public Selection visitZipSetComparison(ZipSetComparison comparison) {
        return fallback(comparison);
    }

    @Override
    public Selection visitLengthComparison(LengthComparison comparison) {
        Binding b = bind(comparison.property());
        if (b.foreign()) {
            return Selection.constant(null, rows);
        }
        if (b.column() instanceof ListColumn list && comparison.value() instanceof NumberConstant k) {
            return list.length(comparison.operator(), k.value());
        }
        return fallback(comparison);
    }

    private Selection known(IndexColumn column, boolean known) {
        long[] k = column.known();
        long[] unknown = new long[k.length];
        for (int w = 0; w < k.length; w++) {
            unknown[w] = ~k[w];
        }
        if (k.length > 0 && (rows & 63) != 0) {
            unknown[k.length - 1] &= (1L << rows) - 1; // no bits beyond the last row
        }
        return known ? Selection.of(k, unknown) : Selection.of(unknown, k);
    }

    /**
     * The node evaluated by the reference evaluator: once if it reads only constant properties (the same on every
     * row), otherwise row by row over the domain. Both the node and its negation are evaluated, since a row where
     * neither matches is unknown.
     */
    private Selection fallback(FilterExpression node) {
        CompiledFilter isTrue = FilterCompiler.compile(node, StructureSchema.get().catalogue());
        CompiledFilter isFalse = FilterCompiler.compile(new Not(node), StructureSchema.get().catalogue());
        if (PropertyNames.of(node).stream().allMatch(ColumnarFilter::constantOrForeign)) {
            RowTarget any = new RowTarget(index, -1);
            return Selection.constant(isTrue.test(any) ? Boolean.TRUE : isFalse.test(any) ? Boolean.FALSE : null,
                    rows);
        }
        long[] t = Words.forRows(rows);
        long[] f = Words.forRows(rows);
        for (int r = domain.nextSetBit(0); r >= 0 && r < rows; r = domain.nextSetBit(r + 1)) {
            RowTarget target = new RowTarget(index, r);
            if (isTrue.test(target)) {
                Words.set(t, r);
            } else if (isFalse.test(target)) {
                Words.set(f, r);
            }
        }
        return Selection.of(t, f);
    }

    private static boolean constantOrForeign(String name) {
        return StructureSchema.get().property(name).map(p -> p.source() == StructureProperty.Source.CONSTANT)
                .orElse(true);
    }

    /** A property of the filter: another provider's (unknown everywhere), a constant, or an index column. */
    private record Binding(boolean foreign, IndexColumn column) {}

    private Binding bind(PropertyRef ref) {
        ResolvedProperty r = StructureSchema.get().catalogue().resolve(ref);
        if (r instanceof ResolvedProperty.Foreign) {
            return new Binding(true, null);
        }
        StructureProperty p = StructureSchema.get().property(ref.name()).orElseThrow();
        return new Binding(false, p.inIndex() ? index.column(p.key()) : null);
    }
}
