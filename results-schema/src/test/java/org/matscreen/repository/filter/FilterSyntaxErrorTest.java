package org.matscreen.repository.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matscreen.core.error.InvalidInputException;

/** Malformed filters: status 400, the 0-based position, the 1-based column and what was expected there. */
class FilterSyntaxErrorTest {

    @ParameterizedTest(name = "[{0}] at {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                              | 0  | expected NOT, '(', a string, a number, TRUE, FALSE or a property name, found end of filter",
        "`   `                           | 3  | found end of filter",
        "nelements >                     | 11 | expected a string, a number or a property name, found end of filter",
        "nelements > 3 foo               | 14 | expected AND, OR or end of filter, found 'foo'",
        "nelements >> 3                  | 11 | expected a string, a number or a property name, found '>'",
        "nelements =< 3                  | 11 | found '<'",
        "nelements ! 3                   | 10 | found '!'",
        "nelements == 3                  | 11 | found '='",
        "(nelements > 3                  | 14 | missing ')' for the '(' at column 1",
        "nelements > 3)                  | 13 | unbalanced ')'",
        "()                              | 1  | found ')'",
        "nelements > 3 AND               | 17 | found end of filter",
        "nelements > 3 AND OR x          | 18 | found 'OR'",
        "NOT NOT nelements = 1           | 4  | NOT cannot be repeated",
        "nelements IS                    | 12 | expected KNOWN or UNKNOWN",
        "nelements IS NULL               | 13 | expected KNOWN or UNKNOWN, found 'NULL'",
        "elements HAS                    | 12 | expected ALL, ANY, ONLY, a comparison operator, CONTAINS, STARTS, ENDS, TRUE, FALSE, a string, a number or a property name",
        "elements HAS ALL \"Al\" \"Ni\"      | 22 | expected ',', AND, OR or end of filter, found '\"Ni\"'",
        "elements HAS ALL \"Al\",          | 22 | found end of filter",
        "elements HAS \"Al\":\"Ni\"          | 17 | found ':\"Ni\"'",
        "elements:elements_ratios HAS 1  | 30 | expected ':'",
        "elements:elements_ratios HAS \"Al\":1:2 | 29 | 2 properties are zipped, but this value tuple has 3 values",
        "elements: HAS \"Al\":1            | 10 | expected a property name, found 'HAS'",
        "elements:elements_ratios \"Al\":1 | 25 | expected '.', ':' or HAS",
        "elements LENGTH                 | 15 | found end of filter",
        "nelements < TRUE                | 12 | TRUE and FALSE can only be compared with = and !=",
        "TRUE < _matscreen_stable        | 5  | expected '=' or '!=', found '<'",
        "TRUE                            | 4  | expected '=' or '!='",
        "x = \"abc                        | 4  | unterminated string",
        "x = \"a\\nb\"                     | 6  | invalid escape",
        "x = \"a\\\"                      | 4  | unterminated string",
        "a.                              | 2  | expected a property name, found end of filter",
        "a.B = 1                         | 2  | found 'B'",
        "Nelements = 1                   | 0  | property names are lower-case",
        "nelements = 1 and nsites = 2    | 14 | found 'and'",
        "nelements CONTAINS              | 18 | found end of filter",
        "chemical_formula STARTS WITH    | 28 | found end of filter",
        "5                               | 1  | expected a comparison operator, found end of filter",
        "5 < 7 < 9                       | 6  | expected AND, OR or end of filter",
    })
    void malformedFiltersAre400WithPositionAndExpectation(String filter, int position, String message) {
        FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse(filter));
        assertEquals(400, e.httpStatus(), e.getMessage());
        assertEquals(position, e.position().getAsInt(), e.getMessage());
        assertTrue(e.getMessage().contains("column " + (position + 1) + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void controlCharactersInStringsAreRejected() {
        FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse("x = \"a\u0001b\""));
        assertEquals(6, e.position().getAsInt());
        assertTrue(e.getMessage().contains("U+0001"), e.getMessage());
        assertEquals(400, assertThrows(FilterException.class, () -> FilterParser.parse("x = \"\u007F\"")).httpStatus());
    }

    @Test
    void syntaxErrorsAreInvalidInputWithTheWholeMessage() {
        FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse("nelements > 3 foo"));
        assertTrue(e instanceof InvalidInputException);
        assertEquals("filter", e.source());
        assertEquals("", e.field());
        assertEquals("filter: syntax error at column 15: expected AND, OR or end of filter, found 'foo'",
                e.getMessage());
    }

    @Test
    void withSourceKeepsStatusAndPosition() {
        FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse("x = 1e999"));
        FilterException moved = e.withSource("--where");
        assertEquals(501, moved.httpStatus());
        assertEquals(e.position(), moved.position());
        assertTrue(moved.getMessage().startsWith("--where: not implemented at column 5: number 1e999"),
                moved.getMessage());
    }
}
