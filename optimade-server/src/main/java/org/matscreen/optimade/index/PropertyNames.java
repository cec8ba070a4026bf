package org.matscreen.optimade.index;

import java.util.LinkedHashSet;
import java.util.Set;
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
import org.matscreen.repository.filter.ValueListEntry;

/** Every property reference in a filter, with its dotted name, in order of appearance. */
final class PropertyNames implements FilterVisitor<Void> {
    private final Set<Operand.PropertyRef> refs = new LinkedHashSet<>();

    private PropertyNames() {}

    static Set<String> of(FilterExpression e) {
        Set<String> names = new LinkedHashSet<>();
        refs(e).forEach(r -> names.add(r.name()));
        return names;
    }

    static Set<Operand.PropertyRef> refs(FilterExpression e) {
        PropertyNames v = new PropertyNames();
        e.accept(v);
        return v.refs;
    }

    private void operand(Operand o) {
        if (o instanceof Operand.PropertyRef r) {
            refs.add(r);
        }
    }

    @Override
    public Void visitAnd(And and) {
        and.operands().forEach(o -> o.accept(this));
        return null;
    }

    @Override
    public Void visitOr(Or or) {
        or.operands().forEach(o -> o.accept(this));
        return null;
    }

    @Override
    public Void visitNot(Not not) {
        return not.operand().accept(this);
    }

    @Override
    public Void visitValueComparison(ValueComparison c) {
        operand(c.left());
        operand(c.right());
        return null;
    }

    @Override
    public Void visitStringMatch(StringMatch m) {
        operand(m.property());
        operand(m.value());
        return null;
    }

    @Override
    public Void visitKnownCheck(KnownCheck k) {
        operand(k.property());
        return null;
    }

    @Override
    public Void visitBareProperty(BareProperty b) {
        operand(b.property());
        return null;
    }

    @Override
    public Void visitSetComparison(SetComparison s) {
        operand(s.property());
        for (ValueListEntry e : s.values()) {
            operand(e.value());
        }
        return null;
    }

    @Override
    public Void visitZipSetComparison(ZipSetComparison z) {
        z.properties().forEach(this::operand);
        z.tuples().forEach(t -> t.forEach(e -> operand(e.value())));
        return null;
    }

    @Override
    public Void visitLengthComparison(LengthComparison l) {
        operand(l.property());
        operand(l.value());
        return null;
    }
}
