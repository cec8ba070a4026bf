package org.matscreen.repository.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
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
import org.matscreen.repository.filter.Operand.PropertyRef;

/**
 * What a translating backend looks like: a toy SQL-ish translation that supports some nodes and answers 501 for the
 * rest, after {@link FilterCompiler} has done the checks.
 */
class FilterVisitorTest {

    /** Translates comparisons, AND/OR/NOT and IS [UN]KNOWN; everything else is "not implemented" for this backend. */
    private static final class ToySql implements FilterVisitor<String> {
        @Override
        public String visitAnd(And and) {
            return and.operands().stream().map(e -> e.accept(this)).collect(Collectors.joining(" AND ", "(", ")"));
        }

        @Override
        public String visitOr(Or or) {
            return or.operands().stream().map(e -> e.accept(this)).collect(Collectors.joining(" OR ", "(", ")"));
        }

        @Override
        public String visitNot(Not not) {
            return "NOT " + not.operand().accept(this);
        }

        @Override
        public String visitValueComparison(ValueComparison comparison) {
            ValueComparison c = comparison.propertyFirst();
            if (!(c.left() instanceof PropertyRef) || c.right() instanceof PropertyRef) {
                throw FilterException.notImplemented("", "only property-to-constant comparisons");
            }
            String op = c.operator() == ComparisonOperator.NE ? "<>" : c.operator().symbol();
            return FilterRenderer.render(c.left()) + " " + op + " " + FilterRenderer.render(c.right());
        }

        @Override
        public String visitKnownCheck(KnownCheck check) {
            return check.property().name() + (check.known() ? " IS NOT NULL" : " IS NULL");
        }

        @Override
        public String visitStringMatch(StringMatch match) {
            throw unsupported(match);
        }

        @Override
        public String visitBareProperty(BareProperty property) {
            throw unsupported(property);
        }

        @Override
        public String visitSetComparison(SetComparison comparison) {
            throw unsupported(comparison);
        }

        @Override
        public String visitZipSetComparison(ZipSetComparison comparison) {
            throw unsupported(comparison);
        }

        @Override
        public String visitLengthComparison(LengthComparison comparison) {
            throw unsupported(comparison);
        }

        private static FilterException unsupported(FilterExpression e) {
            return FilterException.notImplemented("", "'" + FilterRenderer.render(e) + "' in the toy backend");
        }
    }

    @Test
    void aBackendTranslatesTheCheckedTree() {
        CompiledFilter checked = FilterCompiler.compile(
                "8 > nelements AND (nsites != 4 OR NOT _matscreen_band_gap IS KNOWN)", FilterFixtures.CATALOGUE);
        assertEquals("(nelements < 8 AND (nsites <> 4 OR NOT _matscreen_band_gap IS NOT NULL))",
                checked.expression().accept(new ToySql()));
    }

    @Test
    void aBackendAnswers501ForNodesItCannotExpress() {
        CompiledFilter checked = FilterCompiler.compile("elements HAS \"Al\"", FilterFixtures.CATALOGUE);
        FilterException e = assertThrows(FilterException.class, () -> checked.expression().accept(new ToySql()));
        assertEquals(501, e.httpStatus());
    }

    @Test
    void propertyReferencesHoldOnlyGrammarIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> PropertyRef.of("a..b"));
        assertThrows(IllegalArgumentException.class, () -> PropertyRef.of("name; DROP TABLE x"));
        assertEquals("references.id", PropertyRef.of("references.id").name());
    }
}
