package org.matscreen.repository.filter;

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

/**
 * One method per node type of {@link FilterExpression}, so that a backend translating filters (to column predicates,
 * SQL, a search query) is told by the compiler about every node it must handle. Backends that do not support a node
 * throw {@link FilterException} with status 501 from its method.
 *
 * @param <R> what the translation produces
 */
public interface FilterVisitor<R> {
    R visitAnd(And and);

    R visitOr(Or or);

    R visitNot(Not not);

    R visitValueComparison(ValueComparison comparison);

    R visitStringMatch(StringMatch match);

    R visitKnownCheck(KnownCheck check);

    R visitBareProperty(BareProperty property);

    R visitSetComparison(SetComparison comparison);

    R visitZipSetComparison(ZipSetComparison comparison);

    R visitLengthComparison(LengthComparison comparison);
}
