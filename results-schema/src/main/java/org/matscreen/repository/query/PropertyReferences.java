package org.matscreen.repository.query;

import java.util.LinkedHashSet;
import java.util.List;
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

/** The property names a filter mentions, in order of appearance: what a scan must read to evaluate it. */
final class PropertyReferences implements FilterVisitor<Set<String>> {
    private final Set<String> names = new LinkedHashSet<>();

    static Set<String> of(FilterExpression e) {
        return e.accept(new PropertyReferences());
    }

    @Override
    public Set<String> visitAnd(And and) {
        and.operands().forEach(o -> o.accept(this));
        return names;
    }

    @Override
    public Set<String> visitOr(Or or) {
        or.operands().forEach(o -> o.accept(this));
        return names;
    }

    @Override
    public Set<String> visitNot(Not not) {
        return not.operand().accept(this);
    }

    @Override
    public Set<String> visitValueComparison(ValueComparison c) {
        operand(c.left());
        return operand(c.right());
    }

    @Override
    public Set<String> visitStringMatch(StringMatch m) {
        operand(m.property());
        return operand(m.value());
    }

    @Override
    public Set<String> visitKnownCheck(KnownCheck check) {
        return operand(check.property());
    }

    @Override
    public Set<String> visitBareProperty(BareProperty property) {
        return operand(property.property());
    }

    @Override
    public Set<String> visitSetComparison(SetComparison c) {
        operand(c.property());
        return entries(c.values());
    }

    @Override
    public Set<String> visitZipSetComparison(ZipSetComparison c) {
        c.properties().forEach(this::operand);
        c.tuples().forEach(this::entries);
        return names;
    }

    @Override
    public Set<String> visitLengthComparison(LengthComparison c) {
        operand(c.property());
        return operand(c.value());
    }

    private Set<String> entries(List<ValueListEntry> entries) {
        entries.forEach(e -> operand(e.value()));
        return names;
    }

    private Set<String> operand(Operand o) {
        if (o instanceof Operand.PropertyRef p) {
            names.add(p.name());
        }
        return names;
    }
}
