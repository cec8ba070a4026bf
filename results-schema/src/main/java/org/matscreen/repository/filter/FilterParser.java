package org.matscreen.repository.filter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import org.matscreen.repository.filter.Operand.Constant;
import org.matscreen.repository.filter.Operand.NumberConstant;
import org.matscreen.repository.filter.Operand.PropertyRef;
import org.matscreen.repository.filter.Operand.StringConstant;

/**
 * Recursive-descent parser for the OPTIMADE v1.3 filter grammar ({@code optimade_filter_v1.3.0.ebnf}); each private
 * method is named after the EBNF rule it implements. It parses the whole grammar, OPTIONAL parts included, so that a
 * valid filter never gets a syntax error: whether a construct is supported is decided later, by whoever evaluates or
 * translates the tree, and reported as 501.
 *
 * <p>The grammar is scannerless: every token may be followed by spaces, and none has to be. So, exactly as the EBNF
 * says, {@code nelements=4AND nsites>2} and {@code elements HASALL "Al"} parse; keywords are upper-case and properties
 * lower-case, which is what lets the two be told apart without a reserved-word table.
 *
 * <p>Errors are {@link FilterException}s with status 400, the 0-based {@link FilterException#position() position}, and a
 * message listing everything that the grammar would have accepted there. Each token probe that fails records what it
 * was looking for at the current position; because the parser never backtracks past a consumed token, the probes
 * recorded at the failing position are exactly the alternatives the grammar offered.
 *
 * <p>Number constants outside double range are rejected with 501, as the spec allows ("outside the machine
 * representation"), and so is nesting deeper than {@value #MAX_NESTING} parentheses, this implementation's limit.
 * Filters longer than {@value #MAX_LENGTH} characters or with more than {@value #MAX_COMPARISONS} comparisons are
 * refused with 400 before anything downstream sees them.
 */
public final class FilterParser {
    /**
     * Deepest parenthesis nesting accepted. Parsing, checking and evaluating all recurse once per level, so without a
     * limit a filter of a few thousand '(' from a web client would overflow the stack; real filters stay far below it.
     */
    static final int MAX_NESTING = 200;
    /**
     * Longest filter accepted, characters. The OPTIMADE server's request-line limit keeps web filters far shorter; this
     * bounds what {@code matscreen query --where} and library callers can hand over.
     */
    public static final int MAX_LENGTH = 100_000;
    /**
     * Most comparisons accepted in one filter. Whoever evaluates or translates the tree may combine them pairwise
     * (Parquet's predicates are binary trees, walked recursively), so thousands overflowed the stack there.
     */
    public static final int MAX_COMPARISONS = 1000;

    private final String text;
    private int pos;
    private int depth;
    private int comparisons;
    private int expectedAt = -1;
    private final Set<String> expected = new LinkedHashSet<>();

    private FilterParser(String text) {
        this.text = text;
    }

    /**
     * Parses a filter (already URL-decoded, if it came from a URL).
     *
     * @throws FilterException 400 on a syntax error, 501 on a number outside double range
     */
    public static FilterExpression parse(String filter) {
        Objects.requireNonNull(filter, "filter");
        if (filter.length() > MAX_LENGTH) {
            throw FilterException.badRequest("", "the filter is " + filter.length() + " characters long; at most "
                    + MAX_LENGTH + " characters are accepted");
        }
        FilterParser parser = new FilterParser(filter);
        return parser.filter();
    }

    // Filter = [Spaces], Expression ;
    private FilterExpression filter() {
        skipSpaces();
        FilterExpression expression = expression();
        if (pos < text.length()) {
            expect("end of filter");
            if (text.charAt(pos) == ')') {
                throw error("unbalanced ')'");
            }
            throw error();
        }
        return expression;
    }

    // Expression = ExpressionClause, [ OR, Expression ] ;  (the right recursion read as a list)
    private FilterExpression expression() {
        List<FilterExpression> operands = new ArrayList<>();
        operands.add(expressionClause());
        while (keyword("OR")) {
            operands.add(expressionClause());
        }
        return operands.size() == 1 ? operands.get(0) : new Or(operands);
    }

    // ExpressionClause = ExpressionPhrase, [ AND, ExpressionClause ] ;
    private FilterExpression expressionClause() {
        List<FilterExpression> operands = new ArrayList<>();
        operands.add(expressionPhrase());
        while (keyword("AND")) {
            operands.add(expressionPhrase());
        }
        return operands.size() == 1 ? operands.get(0) : new And(operands);
    }

    // ExpressionPhrase = [ NOT ], ( Comparison | OpeningBrace, Expression, ClosingBrace ) ;
    private FilterExpression expressionPhrase() {
        boolean negated = keyword("NOT");
        FilterExpression phrase;
        int open = pos;
        if (symbol("(")) {
            if (++depth > MAX_NESTING) {
                throw FilterException.notImplementedAt(open, "parentheses nested deeper than " + MAX_NESTING
                        + " levels");
            }
            phrase = expression();
            depth--;
            if (!symbol(")")) {
                if (pos >= text.length()) {
                    throw error("missing ')' for the '(' at column " + (open + 1));
                }
                throw error();
            }
        } else {
            phrase = comparison();
        }
        return negated ? new Not(phrase) : phrase;
    }

    // Comparison = ConstantFirstComparison | PropertyFirstComparison ;
    // ConstantFirstComparison = ( OrderedConstant, ValueOpRhs | UnorderedConstant, ValueEqRhs ) ;
    private FilterExpression comparison() {
        if (++comparisons > MAX_COMPARISONS) {
            throw FilterException.badRequest("", "the filter has more than " + MAX_COMPARISONS + " comparisons"
                    + " (column " + (pos + 1) + "); split the query, or use a set operator such as"
                    + " 'elements HAS ANY \"Co\",\"Ni\"'");
        }
        Optional<Constant> ordered = orderedConstant();
        if (ordered.isPresent()) {
            return valueOpRhs(ordered.get());
        }
        Optional<Constant> unordered = unorderedConstant();
        if (unordered.isPresent()) {
            return valueEqRhs(unordered.get());
        }
        if (atIdentifier()) {
            return propertyFirstComparison(property());
        }
        throw error(phraseHint());
    }

    // PropertyFirstComparison = Property, [ ValueOpRhs | KnownOpRhs | FuzzyStringOpRhs | SetOpRhs | SetZipOpRhs
    //                                     | LengthOpRhs ] ;
    private FilterExpression propertyFirstComparison(PropertyRef property) {
        Optional<ComparisonOperator> operator = operator();
        if (operator.isPresent()) {
            return new ValueComparison(property, operator.get(), operandFor(operator.get()));
        }
        if (keyword("IS")) { // KnownOpRhs = IS, ( KNOWN | UNKNOWN ) ;
            if (keyword("KNOWN")) {
                return new KnownCheck(property, true);
            }
            if (keyword("UNKNOWN")) {
                return new KnownCheck(property, false);
            }
            throw error();
        }
        Optional<StringOperator> fuzzy = fuzzyStringOperator();
        if (fuzzy.isPresent()) {
            return new StringMatch(property, fuzzy.get(), value());
        }
        if (keyword("HAS")) {
            return setOpRhs(property);
        }
        if (symbol(":")) {
            return setZipOpRhs(property);
        }
        if (keyword("LENGTH")) { // LengthOpRhs = LENGTH, [ Operator ], Value ;
            ComparisonOperator lengthOperator = operator().orElse(ComparisonOperator.EQ);
            return new LengthComparison(property, lengthOperator, value());
        }
        return new BareProperty(property);
    }

    // ValueOpRhs = ( ValueEqRhs | ValueRelCompRhs ) ;
    private FilterExpression valueOpRhs(Operand left) {
        Optional<ComparisonOperator> operator = operator();
        if (operator.isEmpty()) {
            throw error();
        }
        return new ValueComparison(left, operator.get(), operandFor(operator.get()));
    }

    // ValueEqRhs = EqualityOperator, Value ;  (the only form allowed after TRUE or FALSE)
    private FilterExpression valueEqRhs(Operand left) {
        int at = pos;
        Optional<ComparisonOperator> operator = operator();
        if (operator.isEmpty() || !operator.get().isEquality()) {
            pos = at;
            expected.clear();
            expect("'='");
            expect("'!='");
            throw error("TRUE and FALSE can only be compared with = and !=");
        }
        return new ValueComparison(left, operator.get(), value());
    }

    /** The right-hand operand of a comparison: any Value after = or !=, an OrderedValue after {@code < <= > >=}. */
    private Operand operandFor(ComparisonOperator operator) {
        return operator.isEquality() ? value() : orderedValue();
    }

    // SetOpRhs = HAS, ( ( Value | EqualityOperator, Value | RelativeComparisonOperator, OrderedValue
    //                   | FuzzyStringOpRhs ) | ALL, ValueList | ANY, ValueList | ONLY, ValueList ) ;
    private FilterExpression setOpRhs(PropertyRef property) {
        Optional<SetOperator> quantifier = setQuantifier();
        if (quantifier.isPresent()) {
            return new SetComparison(property, quantifier.get(), valueList());
        }
        return new SetComparison(property, SetOperator.HAS, List.of(valueListEntry()));
    }

    // SetZipOpRhs = PropertyZipAddon, HAS, ( ValueZip | ONLY, ValueZipList | ALL, ValueZipList | ANY, ValueZipList ) ;
    // PropertyZipAddon = Colon, Property, { Colon, Property } ;  (the caller has consumed the first Colon)
    private FilterExpression setZipOpRhs(PropertyRef first) {
        List<PropertyRef> properties = new ArrayList<>();
        properties.add(first);
        do {
            if (!atIdentifier()) {
                throw error();
            }
            properties.add(property());
        } while (symbol(":"));
        if (!keyword("HAS")) {
            throw error();
        }
        Optional<SetOperator> quantifier = setQuantifier();
        List<List<ValueListEntry>> tuples = new ArrayList<>();
        tuples.add(valueZip(properties.size()));
        if (quantifier.isPresent()) { // ValueZipList = ValueZip, { Comma, ValueZip } ;
            while (symbol(",")) {
                tuples.add(valueZip(properties.size()));
            }
        }
        return new ZipSetComparison(properties, quantifier.orElse(SetOperator.HAS), tuples);
    }

    // ValueZip = ValueListEntry, Colon, ValueListEntry, { Colon, ValueListEntry } ;
    private List<ValueListEntry> valueZip(int arity) {
        int start = pos;
        List<ValueListEntry> tuple = new ArrayList<>();
        tuple.add(valueListEntry());
        if (!symbol(":")) {
            throw error();
        }
        tuple.add(valueListEntry());
        while (symbol(":")) {
            tuple.add(valueListEntry());
        }
        if (tuple.size() != arity) {
            // Grammatical, but meaningless: reported here because only the parser still knows where the tuple is.
            throw FilterException.syntax(start, arity + " properties are zipped, but this value tuple has "
                    + tuple.size() + " values");
        }
        return tuple;
    }

    // ValueList = ValueListEntry, { Comma, ValueListEntry } ;
    private List<ValueListEntry> valueList() {
        List<ValueListEntry> entries = new ArrayList<>();
        entries.add(valueListEntry());
        while (symbol(",")) {
            entries.add(valueListEntry());
        }
        return entries;
    }

    // ValueListEntry = ( Value | ValueEqRhs | ValueRelCompRhs | FuzzyStringOpRhs ) ;
    private ValueListEntry valueListEntry() {
        Optional<ComparisonOperator> operator = operator();
        if (operator.isPresent()) {
            return new ValueListEntry(operator.get(), operandFor(operator.get()));
        }
        Optional<StringOperator> fuzzy = fuzzyStringOperator();
        if (fuzzy.isPresent()) {
            return new ValueListEntry(fuzzy.get(), value());
        }
        return ValueListEntry.equalTo(value());
    }

    // Value = ( UnorderedConstant | OrderedValue ) ;
    private Operand value() {
        Optional<Constant> unordered = unorderedConstant();
        if (unordered.isPresent()) {
            return unordered.get();
        }
        return orderedValue();
    }

    // OrderedValue = ( OrderedConstant | Property ) ;
    private Operand orderedValue() {
        Optional<Constant> constant = orderedConstant();
        if (constant.isPresent()) {
            return constant.get();
        }
        if (atIdentifier()) {
            return property();
        }
        throw error(text.startsWith("TRUE", pos) || text.startsWith("FALSE", pos)
                ? "TRUE and FALSE can only be compared with = and !=" : "");
    }

    // OrderedConstant = String | Number ;
    private Optional<Constant> orderedConstant() {
        if (peek('"')) {
            return Optional.of(string());
        }
        expect("a string");
        if (atNumber()) {
            return Optional.of(number());
        }
        expect("a number");
        return Optional.empty();
    }

    // UnorderedConstant = ( TRUE | FALSE ) ;
    private Optional<Constant> unorderedConstant() {
        if (keyword("TRUE")) {
            return Optional.of(new BooleanConstant(true));
        }
        if (keyword("FALSE")) {
            return Optional.of(new BooleanConstant(false));
        }
        return Optional.empty();
    }

    // Property = Identifier, { Dot, Identifier } ;  (the caller has checked that an identifier starts here)
    private PropertyRef property() {
        List<String> path = new ArrayList<>();
        path.add(identifier());
        while (symbol(".")) {
            if (!atIdentifier()) {
                throw error();
            }
            path.add(identifier());
        }
        return new PropertyRef(path);
    }

    // Identifier = LowercaseLetter, { LowercaseLetter | Digit }, [Spaces] ;  ('_' counts as a lower-case letter)
    private String identifier() {
        int start = pos;
        pos++;
        while (pos < text.length() && (isLowercaseLetter(text.charAt(pos)) || isDigit(text.charAt(pos)))) {
            pos++;
        }
        String name = text.substring(start, pos);
        skipSpaces();
        return name;
    }

    // String = '"', { EscapedChar }, '"', [Spaces] ;
    // EscapedChar = UnescapedChar | '\', '"' | '\', '\' ;
    private StringConstant string() {
        int open = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw FilterException.syntax(open, "unterminated string: no closing '\"' for the one at column "
                        + (open + 1));
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\') {
                char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
                if (next != '"' && next != '\\') {
                    throw FilterException.syntax(pos, "invalid escape in string: a backslash must be followed by"
                            + " '\"' or another backslash (write \\\\ for a literal backslash)");
                }
                value.append(next);
                pos += 2;
                continue;
            }
            if (!isUnescapedChar(c)) {
                throw FilterException.syntax(pos, String.format(
                        "control character U+%04X is not allowed in a string", (int) c));
            }
            value.append(c);
            pos++;
        }
        skipSpaces();
        return new StringConstant(value.toString());
    }

    // Number = [ Sign ], ( Digits, [ '.', [ Digits ] ] | '.', Digits ), [ Exponent ], [Spaces] ;
    // Exponent = ( 'e' | 'E' ), [ Sign ], Digits ;
    private NumberConstant number() {
        int start = pos;
        if (peek('+') || peek('-')) {
            pos++;
        }
        boolean integral = true;
        boolean mantissaNonZero = false;
        int digitsStart = pos;
        skipDigits();
        mantissaNonZero |= hasNonZeroDigit(digitsStart, pos);
        if (pos > digitsStart) {
            if (peek('.')) {
                integral = false;
                int fraction = ++pos;
                skipDigits();
                mantissaNonZero |= hasNonZeroDigit(fraction, pos);
            }
        } else if (peek('.') && pos + 1 < text.length() && isDigit(text.charAt(pos + 1))) {
            integral = false;
            int fraction = ++pos;
            skipDigits();
            mantissaNonZero |= hasNonZeroDigit(fraction, pos);
        } else {
            if (peek('.')) {
                pos++;
            }
            expect("a digit");
            throw error();
        }
        if (peek('e') || peek('E')) {
            // An 'e' not followed by [sign] digits is not an exponent; the number ends before it (and whatever follows
            // will be a syntax error), as in the grammar where Exponent is optional.
            int mark = pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            int exponentDigits = pos;
            skipDigits();
            if (pos == exponentDigits) {
                pos = mark;
            } else {
                integral = false;
            }
        }
        String literal = text.substring(start, pos);
        skipSpaces();
        return new NumberConstant(numericValue(literal, integral, mantissaNonZero, start), literal);
    }

    private static Number numericValue(String literal, boolean integral, boolean nonZero, int at) {
        if (integral) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooLong) {
                // Beyond 64 bits: fall through to a double, as a float property would compare it.
            }
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value) || (value == 0.0 && nonZero)) {
            throw FilterException.notImplementedAt(at, "number " + literal + " is outside the supported range:"
                    + " magnitudes from " + Double.MIN_VALUE + " to " + Double.MAX_VALUE + ", or 0");
        }
        return value;
    }

    // Operator = ( EqualityOperator | RelativeComparisonOperator ) ;
    // EqualityOperator = [ '!' ], '=', [Spaces] ;  RelativeComparisonOperator = ( '<' | '>' ), [ '=' ], [Spaces] ;
    private Optional<ComparisonOperator> operator() {
        ComparisonOperator found = null;
        if (text.startsWith("!=", pos)) {
            found = ComparisonOperator.NE;
        } else if (peek('=')) {
            found = ComparisonOperator.EQ;
        } else if (text.startsWith("<=", pos)) {
            found = ComparisonOperator.LE;
        } else if (peek('<')) {
            found = ComparisonOperator.LT;
        } else if (text.startsWith(">=", pos)) {
            found = ComparisonOperator.GE;
        } else if (peek('>')) {
            found = ComparisonOperator.GT;
        }
        if (found == null) {
            expect("a comparison operator");
            return Optional.empty();
        }
        pos += found.symbol().length();
        skipSpaces();
        return Optional.of(found);
    }

    // FuzzyStringOpRhs = CONTAINS, Value | STARTS, [ WITH ], Value | ENDS, [ WITH ], Value ;  (operator part)
    private Optional<StringOperator> fuzzyStringOperator() {
        if (keyword("CONTAINS")) {
            return Optional.of(StringOperator.CONTAINS);
        }
        if (keyword("STARTS")) {
            keyword("WITH");
            return Optional.of(StringOperator.STARTS_WITH);
        }
        if (keyword("ENDS")) {
            keyword("WITH");
            return Optional.of(StringOperator.ENDS_WITH);
        }
        return Optional.empty();
    }

    /** ALL, ANY or ONLY after HAS; empty for plain HAS. */
    private Optional<SetOperator> setQuantifier() {
        if (keyword("ALL")) {
            return Optional.of(SetOperator.HAS_ALL);
        }
        if (keyword("ANY")) {
            return Optional.of(SetOperator.HAS_ANY);
        }
        if (keyword("ONLY")) {
            return Optional.of(SetOperator.HAS_ONLY);
        }
        return Optional.empty();
    }

    // ---- token probes: each consumes its token and the spaces after it, or records what it expected ----

    private boolean keyword(String word) {
        if (text.startsWith(word, pos)) {
            pos += word.length();
            skipSpaces();
            return true;
        }
        expect(word);
        return false;
    }

    private boolean symbol(String symbol) {
        if (text.startsWith(symbol, pos)) {
            pos += symbol.length();
            skipSpaces();
            return true;
        }
        expect("'" + symbol + "'");
        return false;
    }

    private boolean atIdentifier() {
        if (pos < text.length() && isLowercaseLetter(text.charAt(pos))) {
            return true;
        }
        expect("a property name");
        return false;
    }

    private boolean atNumber() {
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        return isDigit(c) || c == '.' || c == '+' || c == '-';
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    // Spaces = Space, { Space } ;  Space = ' ' | tab | nl | cr | vt | ff ;
    private void skipSpaces() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private void skipDigits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean hasNonZeroDigit(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }

    private void expect(String what) {
        if (pos != expectedAt) {
            expectedAt = pos;
            expected.clear();
        }
        expected.add(what);
    }

    // ---- errors ----

    private FilterException error() {
        return error("");
    }

    private FilterException error(String hint) {
        StringBuilder reason = new StringBuilder();
        if (expectedAt == pos && !expected.isEmpty()) {
            reason.append("expected ").append(alternatives(expected)).append(", found ");
        } else {
            reason.append("unexpected ");
        }
        reason.append(found());
        if (!hint.isEmpty()) {
            reason.append(" (").append(hint).append(')');
        }
        return FilterException.syntax(pos, reason.toString());
    }

    /** Hints for the mistakes people make at the start of a comparison. */
    private String phraseHint() {
        if (text.startsWith("LENGTH", pos)) {
            return "LENGTH follows the list property: write e.g. 'elements LENGTH 3' or 'elements LENGTH >= 3'";
        }
        if (text.startsWith("NOT", pos)) {
            return "NOT cannot be repeated; write NOT (NOT ...)";
        }
        if (pos < text.length() && text.charAt(pos) >= 'A' && text.charAt(pos) <= 'Z') {
            return "property names are lower-case; upper-case words are operators";
        }
        return "";
    }

    private String found() {
        if (pos >= text.length()) {
            return "end of filter";
        }
        int end = pos;
        while (end < text.length() && !isSpace(text.charAt(end)) && end - pos < 20) {
            end++;
        }
        return "'" + text.substring(pos, Math.max(end, pos + 1)) + "'";
    }

    private static String alternatives(Set<String> options) {
        StringBuilder out = new StringBuilder();
        Iterator<String> it = options.iterator();
        int i = 0;
        while (it.hasNext()) {
            String option = it.next();
            if (i > 0) {
                out.append(it.hasNext() ? ", " : " or ");
            }
            out.append(option);
            i++;
        }
        return out.toString();
    }

    // ---- character classes of the grammar ----

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLowercaseLetter(char c) {
        return (c >= 'a' && c <= 'z') || c == '_';
    }

    /** UnescapedChar: printable ASCII except '"' and '\', the six Space characters, or anything above 0x7F. */
    private static boolean isUnescapedChar(char c) {
        return (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') || isSpace(c) || c > 0x7F;
    }
}
