package org.matscreen.repository.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
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

/** The grammar: every example in the OPTIMADE v1.3.0 text, and each rule of the EBNF. */
class FilterParserTest {

    /**
     * Every {@code :filter:} example of optimade_v1.3.0.rst (line numbers in comments) and every {@code filter=} of its
     * URLs, except the one the spec gives as unsupported ({@link #specNonExampleIsASyntaxError}).
     */
    static Stream<String> specExamples() {
        return Stream.of(
                // 512: "filter=" stripped
                "_exmpl1_band_gap<2.0 OR _exmpl2_band_gap<2.5",
                // 927, 1010
                "nelements=2",
                "a=1 AND b=2",
                // 2183 Basic boolean operations
                "NOT ( chemical_formula_hill = \"Al\" AND chemical_formula_anonymous = \"A\" OR "
                        + "chemical_formula_anonymous = \"H2O\" AND NOT chemical_formula_hill = \"Ti\" )",
                // 2208-2218 Numeric and String comparisons
                "nelements > 3",
                "chemical_formula_hill = \"H2O\" AND chemical_formula_anonymous != \"AB\"",
                "_exmpl_aax <= +.1e8 OR nelements >= 10 AND NOT ( _exmpl_x != \"Some string\" OR NOT _exmpl_a = 7)",
                "_exmpl_spacegroup=\"P2\"",
                "_exmpl_cell_volume<100.0",
                "_exmpl_band_gap > 5.0 AND _exmpl_molecular_weight < 350",
                "_exmpl_melting_point<300 AND nelements=4 AND chemical_formula_descriptive=\"SiO2\"",
                "_exmpl_some_string_property = 42",
                "5 < _exmpl_a",
                "((NOT (_exmpl_a>_exmpl_b)) AND _exmpl_x>0)",
                "5 < 7",
                // 2225-2238 Substring comparisons
                "identifier CONTAINS x",
                "identifier STARTS WITH x",
                "identifier ENDS WITH x",
                "chemical_formula_anonymous CONTAINS \"C2\" AND chemical_formula_anonymous STARTS WITH \"A2\"",
                "chemical_formula_anonymous STARTS \"A2\" AND chemical_formula_anonymous ENDS WITH \"D1\"",
                // 2248-2255 Comparisons of boolean values
                "property",
                "NOT property",
                "property = TRUE",
                "property != FALSE",
                "_exmpl_has_inversion_symmetry AND NOT _exmpl_is_primitive",
                // 2265-2307 Comparisons of list properties
                "list HAS value",
                "list HAS ALL values",
                "list HAS ANY values",
                "list LENGTH value",
                "list HAS ONLY values",
                "NOT list HAS inverse",
                "list HAS < 3",
                "list HAS ALL < 3, > 3",
                "list:list HAS >=2:<=5",
                "elements HAS \"H\" AND elements HAS ALL \"H\",\"He\",\"Ga\",\"Ta\" AND elements HAS ONLY "
                        + "\"H\",\"He\",\"Ga\",\"Ta\" AND elements HAS ANY \"H\", \"He\", \"Ga\", \"Ta\"",
                "elements HAS ONLY \"H\",\"He\",\"Ga\",\"Ta\"",
                "elements:_exmpl_element_counts HAS \"H\":6 AND elements:_exmpl_element_counts HAS ALL \"H\":6,"
                        + "\"He\":7 AND elements:_exmpl_element_counts HAS ONLY \"H\":6 AND "
                        + "elements:_exmpl_element_counts HAS ANY \"H\":6,\"He\":7 AND "
                        + "elements:_exmpl_element_counts HAS ONLY \"H\":6,\"He\":7",
                "_exmpl_element_counts HAS < 3 AND _exmpl_element_counts HAS ANY > 3, = 6, 4, != 8",
                "elements:_exmpl_element_counts:_exmpl_element_weights HAS ANY > 3:\"He\":>55.3 , "
                        + "= 6:>\"Ti\":<37.6 , 8:<\"Ga\":0",
                // 2336-2364 Filtering on relationships
                "calculations.id HAS \"calc-id-96\"",
                "authors.lastname HAS \"Schmidt\"",
                "references.target.doi=\"10.1234/1234\"",
                "structures.target.elements HAS \"Ta\"",
                "references.target.year=2024 AND chemical_formula_anonymous=\"A2B\"",
                "references.role:references.target.year HAS \"_exmpl_primary\":2024",
                // 2376-2384 Filtering on Properties with an unknown value
                "identifier IS KNOWN",
                "identifier",
                "identifier IS UNKNOWN",
                "NOT identifier IS KNOWN",
                "chemical_formula_hill IS KNOWN AND NOT chemical_formula_anonymous IS UNKNOWN",
                // 2398-2399 Precedence
                "NOT a > b OR c = 100 AND f = \"C2 H6\"",
                "(NOT (a > b)) OR ( (c = 100) AND (f = \"C2 H6\") )",
                "a >= 0 AND NOT b < c OR c = 0",
                "((a >= 0) AND (NOT (b < c))) OR (c = 0)",
                // 2415 Type handling
                "identifier CONTAINS set",
                // 2617-2618 is_yellow; 3295-4097 property query examples
                "is_yellow = TRUE",
                "is_yellow",
                "NOT is_yellow",
                "elements HAS ALL \"Si\", \"Al\", \"O\"",
                "elements HAS ALL \"Si\", \"Al\", \"O\" AND elements LENGTH 3",
                "nelements=4",
                "nelements>=2 AND nelements<=7",
                "elements:elements_ratios HAS ALL \"Al\":>0.3333, \"Al\":<0.3334",
                "chemical_formula_descriptive=\"(H2O)2 Na\"",
                "chemical_formula_descriptive CONTAINS \"H2O\"",
                "chemical_formula_reduced=\"H2NaO\"",
                "chemical_formula_hill=\"H2O2\"",
                "chemical_formula_anonymous=\"A2B\"",
                "nperiodic_dimensions=3",
                "nperiodic_dimensions<=2",
                "nsites=4",
                "nsites>=2 AND nsites<=7",
                "nframes=100",
                "nframes>=100 AND nframes<=1000");
    }

    @ParameterizedTest
    @MethodSource("specExamples")
    void specExampleParsesAndRoundTrips(String filter) {
        FilterExpression parsed = FilterParser.parse(filter);
        assertEquals(parsed, FilterParser.parse(FilterRenderer.render(parsed)), FilterRenderer.render(parsed));
    }

    /** 2085 and 2089: the same filter, once partly and once fully URL-encoded. */
    @Test
    void specUrlExamplesDecodeToTheSameFilter() {
        String partly = "_exmpl_melting_point%3C300+AND+nelements=4+AND+chemical_formula_descriptive=\"SiO2\"";
        String fully = "_exmpl_melting_point%3C300+AND+nelements%3D4+AND+chemical_formula_descriptive%3D%22SiO2%22";
        FilterExpression expected = FilterParser.parse(
                "_exmpl_melting_point<300 AND nelements=4 AND chemical_formula_descriptive=\"SiO2\"");
        assertEquals(expected, FilterParser.parse(URLDecoder.decode(partly, StandardCharsets.UTF_8)));
        assertEquals(expected, FilterParser.parse(URLDecoder.decode(fully, StandardCharsets.UTF_8)));
    }

    /** 2246: the spec's example of what is not supported; the grammar has no comparison of a group. */
    @Test
    void specNonExampleIsASyntaxError() {
        FilterException e = assertThrows(FilterException.class,
                () -> FilterParser.parse("(nsites = 3 AND nelements = 3) = FALSE"));
        assertEquals(400, e.httpStatus());
        assertEquals(31, e.position().getAsInt());
    }

    @Test
    void precedenceFollowsTheSpecsFullyBracedReadings() {
        assertEquals(FilterParser.parse("(NOT (a > b)) OR ( (c = 100) AND (f = \"C2 H6\") )"),
                FilterParser.parse("NOT a > b OR c = 100 AND f = \"C2 H6\""));
        assertEquals(FilterParser.parse("((a >= 0) AND (NOT (b < c))) OR (c = 0)"),
                FilterParser.parse("a >= 0 AND NOT b < c OR c = 0"));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        FilterExpression expected = new Or(List.of(
                new And(List.of(new Not(bare("a")), bare("b"))),
                bare("c")));
        assertEquals(expected, FilterParser.parse("NOT a AND b OR c"));
        assertEquals("(NOT a AND b) OR c", FilterRenderer.render(expected));
    }

    @Test
    void parenthesesOverridePrecedenceAndChainsStayFlat() {
        assertEquals(new Not(new Or(List.of(bare("a"), bare("b")))), FilterParser.parse("NOT (a OR b)"));
        assertEquals(new And(List.of(bare("a"), bare("b"), bare("c"))), FilterParser.parse("a AND b AND c"));
        assertEquals(new And(List.of(bare("a"), new And(List.of(bare("b"), bare("c"))))),
                FilterParser.parse("a AND (b AND c)"));
        assertEquals(new Not(new Not(bare("a"))), FilterParser.parse("NOT (NOT a)"));
    }

    @Test
    void comparisonsParseEitherWayRound() {
        ValueComparison constantFirst = (ValueComparison) FilterParser.parse("8 > nelements");
        assertEquals(new ValueComparison(num(8), ComparisonOperator.GT, prop("nelements")), constantFirst);
        assertEquals(new ValueComparison(prop("nelements"), ComparisonOperator.LT, num(8)),
                constantFirst.propertyFirst());
        assertEquals(new ValueComparison(new StringConstant("x"), ComparisonOperator.NE, prop("id")),
                FilterParser.parse("\"x\" != id"));
        assertEquals(new ValueComparison(new BooleanConstant(true), ComparisonOperator.EQ, prop("is_yellow")),
                FilterParser.parse("TRUE = is_yellow"));
        assertEquals(new ValueComparison(prop("a"), ComparisonOperator.GE, prop("b")), FilterParser.parse("a>=b"));
    }

    /** Each operator written constant-first reads the same as its mirror written property-first. */
    @Test
    void constantFirstComparisonsMirrorTheirOperator() {
        String[][] pairs = {{"1 < x", "x > 1"}, {"1 <= x", "x >= 1"}, {"1 > x", "x < 1"}, {"1 >= x", "x <= 1"},
            {"1 = x", "x = 1"}, {"1 != x", "x != 1"}};
        for (String[] pair : pairs) {
            assertEquals(FilterParser.parse(pair[1]), ((ValueComparison) FilterParser.parse(pair[0])).propertyFirst(),
                    pair[0]);
        }
    }

    @Test
    void everyComparisonOperatorParses() {
        for (ComparisonOperator op : ComparisonOperator.values()) {
            assertEquals(new ValueComparison(prop("x"), op, num(1)), FilterParser.parse("x " + op.symbol() + " 1"));
        }
    }

    @Test
    void substringOperatorsParseWithAndWithoutWith() {
        assertEquals(new StringMatch(prop("f"), StringOperator.STARTS_WITH, new StringConstant("A")),
                FilterParser.parse("f STARTS \"A\""));
        assertEquals(FilterParser.parse("f STARTS \"A\""), FilterParser.parse("f STARTS WITH \"A\""));
        assertEquals(new StringMatch(prop("f"), StringOperator.ENDS_WITH, new StringConstant("A")),
                FilterParser.parse("f ENDS \"A\""));
        assertEquals(new StringMatch(prop("f"), StringOperator.CONTAINS, prop("g")),
                FilterParser.parse("f CONTAINS g"));
    }

    @Test
    void setOperatorsParse() {
        assertEquals(new SetComparison(prop("elements"), SetOperator.HAS,
                List.of(ValueListEntry.equalTo(new StringConstant("Al")))),
                FilterParser.parse("elements HAS \"Al\""));
        assertEquals(new SetComparison(prop("elements"), SetOperator.HAS_ONLY,
                List.of(ValueListEntry.equalTo(new StringConstant("Al")),
                        ValueListEntry.equalTo(new StringConstant("Ni")))),
                FilterParser.parse("elements HAS ONLY \"Al\" , \"Ni\""));
        assertEquals(new SetComparison(prop("l"), SetOperator.HAS_ANY, List.of(
                new ValueListEntry(ComparisonOperator.GT, num(3)),
                new ValueListEntry(ComparisonOperator.EQ, num(6)),
                ValueListEntry.equalTo(num(4)),
                new ValueListEntry(ComparisonOperator.NE, num(8)),
                new ValueListEntry(StringOperator.STARTS_WITH, new StringConstant("C")))),
                FilterParser.parse("l HAS ANY > 3, = 6, 4, != 8, STARTS WITH \"C\""));
    }

    @Test
    void zippedListsParse() {
        ZipSetComparison zip = (ZipSetComparison) FilterParser.parse(
                "elements:elements_ratios HAS ALL \"Al\":>0.3, \"Ni\":<0.7");
        assertEquals(List.of(prop("elements"), prop("elements_ratios")), zip.properties());
        assertEquals(SetOperator.HAS_ALL, zip.operator());
        assertEquals(List.of(ValueListEntry.equalTo(new StringConstant("Al")),
                new ValueListEntry(ComparisonOperator.GT, new NumberConstant(0.3, "0.3"))), zip.tuples().get(0));
        assertEquals(2, zip.tuples().size());
    }

    @Test
    void lengthTakesAnOptionalOperatorAfterTheProperty() {
        assertEquals(new LengthComparison(prop("elements"), ComparisonOperator.EQ, num(3)),
                FilterParser.parse("elements LENGTH 3"));
        assertEquals(new LengthComparison(prop("elements"), ComparisonOperator.GE, num(3)),
                FilterParser.parse("elements LENGTH >= 3"));
        assertEquals(new LengthComparison(prop("elements"), ComparisonOperator.EQ, num(3)),
                FilterParser.parse("elements LENGTH = 3"));
    }

    /** "LENGTH elements = 3" is not in the grammar; the error says how to write it. */
    @Test
    void lengthBeforeThePropertyIsASyntaxErrorWithAHint() {
        FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse("LENGTH elements = 3"));
        assertEquals(400, e.httpStatus());
        assertEquals(0, e.position().getAsInt());
        assertTrue(e.getMessage().contains("elements LENGTH 3"), e.getMessage());
    }

    @Test
    void knownChecksAndBarePropertiesParse() {
        assertEquals(new KnownCheck(prop("x"), true), FilterParser.parse("x IS KNOWN"));
        assertEquals(new KnownCheck(prop("x"), false), FilterParser.parse("x IS UNKNOWN"));
        assertEquals(new Not(new KnownCheck(prop("x"), true)), FilterParser.parse("NOT x IS KNOWN"));
        assertEquals(bare("x"), FilterParser.parse("x"));
    }

    @Test
    void identifiersFollowTheSpec() {
        for (String valid : List.of("band_gap", "cell_length_a", "cell_volume", "_exmpl_formula_sum", "_", "a1_2")) {
            assertEquals(bare(valid), FilterParser.parse(valid), valid);
        }
        for (String invalid : List.of("0_kvak", "\"foo bar\"", "BadLuck", "bAd", "a-b")) {
            FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse(invalid), invalid);
            assertEquals(400, e.httpStatus(), invalid);
        }
    }

    @Test
    void nestedPropertyNamesAllowSpacesAroundDots() {
        assertEquals(new SetComparison(new PropertyRef(List.of("references", "target", "elements")),
                SetOperator.HAS, List.of(ValueListEntry.equalTo(new StringConstant("Ta")))),
                FilterParser.parse("references . target. elements HAS \"Ta\""));
        assertEquals("a.b", PropertyRef.of("a.b").name());
        assertTrue(PropertyRef.of("a.b").isNested());
    }

    /** The spec's escaped-string example (line 2131, reStructuredText escapes removed). */
    @Test
    void specEscapeExampleDecodes() {
        String literal = "\"A double quote character (\\\", ASCII symbol 34 dec) MUST be prepended by a backslash"
                + " (\\\\, ASCII symbol 92 dec) when it is a part of the value and not a delimiter; the backslash"
                + " character \\\"\\\\\\\" itself MUST be preceded by another backslash, forming a double backslash:"
                + " \\\\\\\\\"";
        String value = "A double quote character (\", ASCII symbol 34 dec) MUST be prepended by a backslash"
                + " (\\, ASCII symbol 92 dec) when it is a part of the value and not a delimiter; the backslash"
                + " character \"\\\" itself MUST be preceded by another backslash, forming a double backslash: \\\\";
        ValueComparison c = (ValueComparison) FilterParser.parse("x = " + literal);
        assertEquals(new StringConstant(value), c.right());
        assertEquals("x = " + literal, FilterRenderer.render(c));
    }

    @Test
    void stringsKeepSpacesPunctuationAndNonAsciiCharacters() {
        String value = "a b\tc\n!#$%&'()*+,-./:;<=>?@[]^`{|}~_ é Å ⟨∑⟩ 😀";
        String filter = "x=\"" + value + "\"";
        assertEquals(new StringConstant(value), ((ValueComparison) FilterParser.parse(filter)).right());
        assertEquals(new StringConstant(""), ((ValueComparison) FilterParser.parse("x=\"\"")).right());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "+12", "-34", "1.2", ".2E7", "-.2E+7", "+10.01E-10", "6.03e23", ".1E1", "-.1e1",
        "1.e-12", "-.1e-12", "1.", ".1"})
    void specValidNumbersParse(String number) {
        NumberConstant c = (NumberConstant) ((ValueComparison) FilterParser.parse("x = " + number)).right();
        assertEquals(number, c.text());
        assertEquals(Double.parseDouble(number), c.value().doubleValue());
    }

    @Test
    void integersAreLongsAndEverythingElseDoubles() {
        assertEquals(12L, constant("+12").value());
        assertEquals(-34L, constant("-34").value());
        assertEquals(0L, constant("-0").value());
        assertEquals(7L, constant("007").value());
        assertEquals(1.0e20, constant("100000000000000000000").value());
        assertEquals(100.0, constant("1E2").value());
        assertEquals(1.0, constant("1.").value());
    }

    /** Machine-range limits are a 501, which the spec allows for numbers beyond the hardware's representation. */
    @ParameterizedTest
    @ValueSource(strings = {"1000000000.E1000000000", "1e400", "-1e400", "1e-400"})
    void numbersOutsideDoubleRangeAre501(String number) {
        FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse("x = " + number));
        assertEquals(501, e.httpStatus());
        assertEquals(4, e.position().getAsInt());
    }

    @Test
    void zeroWithAHugeExponentIsStillZero() {
        assertEquals(0.0, constant("0e-400").value());
    }

    /** Positions: where the number stops being one (or where the rest cannot follow a number). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "1.234D12 | 9", ".e1 | 5", "-.E1 | 6", "+.E2 | 6", "1.23E+++ | 8", "+-123 | 5"})
    void specInvalidNumbersAre400(String number, int position) {
        FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse("x = " + number));
        assertEquals(400, e.httpStatus());
        assertEquals(position, e.position().getAsInt(), e.getMessage());
    }

    /** The grammar is scannerless: spaces are optional after every token, and all six Space characters count. */
    @Test
    void spacesAreOptionalAndAnyGrammarSpaceCounts() {
        assertEquals(FilterParser.parse("nelements = 4 AND nsites > 2"), FilterParser.parse("nelements=4AND nsites>2"));
        assertEquals(FilterParser.parse("elements HAS ALL \"Al\""), FilterParser.parse("elements HASALL\"Al\""));
        assertEquals(FilterParser.parse("NOT a"), FilterParser.parse("NOTa"));
        assertEquals(FilterParser.parse("a = 1 OR b = 2"),
                FilterParser.parse(" \t\n\r\u000B\fa\t=\n1\rOR\u000Bb\f=2 \t"));
    }

    @Test
    void nestingIsLimitedWith501InsteadOfAStackOverflow() {
        int limit = FilterParser.MAX_NESTING;
        String ok = "(".repeat(limit) + "a" + ")".repeat(limit);
        assertEquals(bare("a"), FilterParser.parse(ok));
        FilterException e = assertThrows(FilterException.class,
                () -> FilterParser.parse("NOT (".repeat(limit + 1000) + "a" + ")".repeat(limit + 1000)));
        assertEquals(501, e.httpStatus());
        assertEquals(5 * limit + 4, e.position().getAsInt());
    }

    @Test
    void constantsOnBothSidesParse() {
        assertEquals(new ValueComparison(num(5), ComparisonOperator.LT, num(7)), FilterParser.parse("5 < 7"));
        assertEquals(new ValueComparison(new StringConstant("a"), ComparisonOperator.EQ, new StringConstant("b")),
                FilterParser.parse("\"a\" = \"b\""));
        assertInstanceOf(ValueComparison.class, FilterParser.parse("TRUE != FALSE"));
    }

    private static NumberConstant constant(String literal) {
        return (NumberConstant) ((ValueComparison) FilterParser.parse("x = " + literal)).right();
    }

    static PropertyRef prop(String name) {
        return PropertyRef.of(name);
    }

    static BareProperty bare(String name) {
        return new BareProperty(prop(name));
    }

    static NumberConstant num(long value) {
        return NumberConstant.of(value);
    }

    /** Issue 17, item 11: 3,000 ANDed terms overflowed the stack further down (Parquet's predicate visitor). */
    @Test
    void longFiltersAreRefusedWithAClearError() {
        String terms = String.join(" AND ", java.util.Collections.nCopies(3000, "nsites > 1"));
        FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse(terms));
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains("comparisons"), e.getMessage());
        String longText = "chemical_formula_reduced = \"" + "A".repeat(FilterParser.MAX_LENGTH) + "\"";
        FilterException tooLong = assertThrows(FilterException.class, () -> FilterParser.parse(longText));
        assertEquals(400, tooLong.httpStatus());
        assertTrue(tooLong.getMessage().contains("characters"), tooLong.getMessage());
        // at the limit still parses
        String atLimit = String.join(" AND ", java.util.Collections.nCopies(FilterParser.MAX_COMPARISONS,
                "nsites > 1"));
        assertEquals(FilterParser.MAX_COMPARISONS,
                ((FilterExpression.And) FilterParser.parse(atLimit)).operands().size());
    }
}
