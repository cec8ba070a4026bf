package org.matscreen.repository.filter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
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
 * Checks a filter against a {@link PropertyCatalogue} and compiles it into a {@link CompiledFilter}, once per query.
 *
 * <p>The checks, in the order they are made for each comparison, and their statuses:
 * <ol>
 *   <li>each property name resolves ({@link PropertyCatalogue#resolve}: unknown → 400, another provider's → unknown,
 *       undeclared nested path → 501);</li>
 *   <li>the operator applies to the property's type, else 400: {@code = < ...} not on lists, {@code < <= > >=} not on
 *       booleans (the spec: "MUST NOT be supported"), CONTAINS/STARTS/ENDS only on strings, HAS and LENGTH only on
 *       lists;</li>
 *   <li>the two sides have the same type (integers and floats count as one), else 501: the spec makes a type
 *       conversion a "Not Implemented" error. A string constant compared with a timestamp property is the exception:
 *       it is read as an RFC 3339 date-time, 400 if it is not one;</li>
 *   <li>two string constants ({@code "a" < "b"}) are a 501, as the spec requires; two number or boolean constants are
 *       evaluated.</li>
 * </ol>
 * Every node of the grammar is supported otherwise, including the OPTIONAL ones (property on both sides, operators in
 * HAS value lists, HAS ONLY, correlated lists, LENGTH with an operator).
 *
 * <p>A backend that translates filters itself (e.g. to column predicates) compiles first, for the checks and the
 * warnings, and then walks {@link CompiledFilter#expression()} with its own {@link FilterVisitor}.
 */
public final class FilterCompiler {
    private FilterCompiler() {
    }

    /**
     * Parses and compiles {@code filter}.
     *
     * @throws FilterException 400 or 501, see {@link FilterParser#parse} and the class documentation
     */
    public static CompiledFilter compile(String filter, PropertyCatalogue catalogue) {
        return compile(FilterParser.parse(filter), catalogue);
    }

    /**
     * Compiles a parsed filter.
     *
     * @throws FilterException 400 or 501, see the class documentation
     */
    public static CompiledFilter compile(FilterExpression expression, PropertyCatalogue catalogue) {
        Objects.requireNonNull(expression, "expression");
        NodeBuilder builder = new NodeBuilder(Objects.requireNonNull(catalogue, "catalogue"));
        Node root = expression.accept(builder);
        return new CompiledFilter(expression, root, List.copyOf(builder.warnings));
    }

    /**
     * An operand with what the checks need: its type ({@code null} for another provider's property, whose type is not
     * known here and whose value is always unknown) and where its value comes from.
     */
    private record Typed(Operand operand, PropertyType type, ValueSource source, String description) {
        boolean foreign() {
            return type == null;
        }

        String propertyName() {
            return operand instanceof PropertyRef ? ((PropertyRef) operand).name() : "";
        }
    }

    private static final class NodeBuilder implements FilterVisitor<Node> {
        private final PropertyCatalogue catalogue;
        private final Set<String> warnings = new LinkedHashSet<>();

        NodeBuilder(PropertyCatalogue catalogue) {
            this.catalogue = catalogue;
        }

        @Override
        public Node visitAnd(And and) {
            return Node.and(children(and.operands()));
        }

        @Override
        public Node visitOr(Or or) {
            return Node.or(children(or.operands()));
        }

        @Override
        public Node visitNot(Not not) {
            return Node.not(not.operand().accept(this));
        }

        @Override
        public Node visitValueComparison(ValueComparison comparison) {
            ValueComparison c = comparison.propertyFirst();
            Typed left = typed(c.left());
            Typed right = typed(c.right());
            ComparisonOperator operator = c.operator();
            if (c.left() instanceof Constant && c.right() instanceof Constant) {
                return constantComparison(left, operator, right);
            }
            requireComparable(left, operator);
            requireComparable(right, operator);
            if (left.foreign() || right.foreign()) {
                return Node.constant(Truth.UNKNOWN);
            }
            Typed converted = sameType(left, right, operator.symbol());
            return Node.compare(left.source(), converted.source(), ValueTest.comparison(left.type(), operator));
        }

        @Override
        public Node visitStringMatch(StringMatch match) {
            Typed property = typed(match.property());
            Typed value = typed(match.value());
            String keyword = match.operator().symbol();
            if (!property.foreign() && property.type() != PropertyType.STRING) {
                String hint = property.type() == PropertyType.STRING_LIST ? " (for its items: HAS " + keyword + ")" : "";
                throw FilterException.badRequest(property.propertyName(), property.description() + ": " + keyword
                        + " applies to string properties only" + hint);
            }
            if (!value.foreign() && value.type() != PropertyType.STRING) {
                throw typeMismatch(property, value, keyword);
            }
            if (property.foreign() || value.foreign()) {
                return Node.constant(Truth.UNKNOWN);
            }
            return Node.compare(property.source(), value.source(), ValueTest.substring(match.operator()));
        }

        @Override
        public Node visitKnownCheck(KnownCheck check) {
            Typed property = typed(check.property());
            if (property.foreign()) {
                return Node.constant(Truth.of(!check.known()));
            }
            return Node.known(property.source(), check.known());
        }

        @Override
        public Node visitBareProperty(BareProperty bare) {
            Typed property = typed(bare.property());
            if (property.foreign()) {
                // Whether it would mean "= TRUE" or "IS KNOWN" depends on a type we do not know; the comparison reading
                // is the one that keeps NOT from matching entries we know nothing about.
                return Node.constant(Truth.UNKNOWN);
            }
            if (property.type() == PropertyType.BOOLEAN) {
                return Node.compare(property.source(), ValueSource.constant(Boolean.TRUE),
                        ValueTest.comparison(PropertyType.BOOLEAN, ComparisonOperator.EQ));
            }
            return Node.known(property.source(), true);
        }

        @Override
        public Node visitSetComparison(SetComparison comparison) {
            Typed list = requireList(typed(comparison.property()), comparison.operator().keywords());
            ElementMatcher[][] tuples = new ElementMatcher[comparison.values().size()][];
            for (int j = 0; j < tuples.length; j++) {
                tuples[j] = new ElementMatcher[] {matcher(list, comparison.values().get(j))};
            }
            if (list.foreign()) {
                return Node.constant(Truth.UNKNOWN);
            }
            return new SetNode(new ValueSource[] {list.source()}, new PropertyType[] {list.type().elementType()},
                    new String[] {list.propertyName()}, tuples, comparison.operator());
        }

        @Override
        public Node visitZipSetComparison(ZipSetComparison comparison) {
            int width = comparison.properties().size();
            Typed[] lists = new Typed[width];
            boolean anyForeign = false;
            for (int k = 0; k < width; k++) {
                lists[k] = requireList(typed(comparison.properties().get(k)), comparison.operator().keywords());
                anyForeign |= lists[k].foreign();
            }
            ElementMatcher[][] tuples = new ElementMatcher[comparison.tuples().size()][width];
            for (int j = 0; j < tuples.length; j++) {
                for (int k = 0; k < width; k++) {
                    tuples[j][k] = matcher(lists[k], comparison.tuples().get(j).get(k));
                }
            }
            if (anyForeign) {
                return Node.constant(Truth.UNKNOWN);
            }
            ValueSource[] sources = new ValueSource[width];
            PropertyType[] itemTypes = new PropertyType[width];
            String[] names = new String[width];
            for (int k = 0; k < width; k++) {
                sources[k] = lists[k].source();
                itemTypes[k] = lists[k].type().elementType();
                names[k] = lists[k].propertyName();
            }
            return new SetNode(sources, itemTypes, names, tuples, comparison.operator());
        }

        @Override
        public Node visitLengthComparison(LengthComparison comparison) {
            Typed list = requireList(typed(comparison.property()), "LENGTH");
            Typed value = typed(comparison.value());
            Typed length = new Typed(comparison.property(), PropertyType.INTEGER, null,
                    "the length of '" + list.propertyName() + "' (an integer)");
            if (!value.foreign() && !PropertyType.INTEGER.comparableWith(value.type())) {
                throw typeMismatch(length, value, "LENGTH");
            }
            if (list.foreign() || value.foreign()) {
                return Node.constant(Truth.UNKNOWN);
            }
            ValueSource listSource = list.source();
            ValueSource size = target -> {
                Object items = listSource.fetch(target);
                return items == null ? null : (Object) (long) ((List<?>) items).size();
            };
            return Node.compare(size, value.source(),
                    ValueTest.comparison(PropertyType.INTEGER, comparison.operator()));
        }

        private Node[] children(List<FilterExpression> operands) {
            Node[] nodes = new Node[operands.size()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = operands.get(i).accept(this);
            }
            return nodes;
        }

        /** The matcher for one value-list entry against the items of {@code list}. */
        private ElementMatcher matcher(Typed list, ValueListEntry entry) {
            Typed value = typed(entry.value());
            PropertyType itemType = list.foreign() ? null : list.type().elementType();
            Typed item = new Typed(list.operand(), itemType, null, "the items of '" + list.propertyName() + "' ("
                    + (itemType == null ? "unknown here" : itemType.description()) + ")");
            if (entry.operator() instanceof StringOperator) {
                StringOperator operator = (StringOperator) entry.operator();
                if (itemType != null && itemType != PropertyType.STRING) {
                    throw FilterException.badRequest(list.propertyName(), item.description() + ": "
                            + operator.symbol() + " applies to strings only");
                }
                if (!value.foreign() && value.type() != PropertyType.STRING) {
                    throw typeMismatch(item, value, operator.symbol());
                }
                return new ElementMatcher(value.source(), ValueTest.substring(operator));
            }
            ComparisonOperator operator = (ComparisonOperator) entry.operator();
            requireComparable(value, operator);
            if (itemType == null || value.foreign()) {
                return new ElementMatcher(ValueSource.unknown(), (a, b) -> Truth.UNKNOWN);
            }
            Typed converted = sameType(item, value, operator.symbol());
            return new ElementMatcher(converted.source(), ValueTest.comparison(itemType, operator));
        }

        private Node constantComparison(Typed left, ComparisonOperator operator, Typed right) {
            if (left.type() == PropertyType.STRING && right.type() == PropertyType.STRING) {
                throw FilterException.notImplemented("", "comparing two string constants: filter strings can stand"
                        + " for several types (strings, timestamps), so the spec leaves this form unsupported");
            }
            if (!left.type().comparableWith(right.type())) {
                throw typeMismatch(left, right, operator.symbol());
            }
            Object a = left.source().fetch(null);
            Object b = right.source().fetch(null);
            return Node.constant(ValueTest.comparison(left.type(), operator).test(a, b));
        }

        private Typed typed(Operand operand) {
            if (operand instanceof PropertyRef) {
                PropertyRef property = (PropertyRef) operand;
                ResolvedProperty resolved = catalogue.resolve(property);
                if (resolved instanceof ResolvedProperty.Foreign) {
                    ((ResolvedProperty.Foreign) resolved).warning().ifPresent(warnings::add);
                    return new Typed(property, null, ValueSource.unknown(),
                            "'" + property.name() + "' (another provider's property, unknown here)");
                }
                PropertyType type = ((ResolvedProperty.Declared) resolved).type();
                return new Typed(property, type, ValueSource.property(property.name(), type),
                        "'" + property.name() + "' is " + type.description());
            }
            if (operand instanceof StringConstant) {
                String value = ((StringConstant) operand).value();
                return new Typed(operand, PropertyType.STRING, ValueSource.constant(value),
                        "the string constant \"" + value + "\"");
            }
            if (operand instanceof NumberConstant) {
                NumberConstant number = (NumberConstant) operand;
                PropertyType type = number.value() instanceof Long ? PropertyType.INTEGER : PropertyType.FLOAT;
                return new Typed(operand, type, ValueSource.constant(number.value()),
                        "the number constant " + number.text());
            }
            boolean value = ((BooleanConstant) operand).value();
            return new Typed(operand, PropertyType.BOOLEAN, ValueSource.constant(value),
                    "the constant " + (value ? "TRUE" : "FALSE"));
        }

        /** 400 unless {@code operator} applies to the type of {@code operand}. */
        private static void requireComparable(Typed operand, ComparisonOperator operator) {
            if (operand.foreign()) {
                return;
            }
            if (operand.type().isList()) {
                throw FilterException.badRequest(operand.propertyName(), operand.description() + ": compare a list"
                        + " with HAS, HAS ALL, HAS ANY, HAS ONLY or LENGTH, not '" + operator.symbol() + "'");
            }
            if (operand.type() == PropertyType.BOOLEAN && !operator.isEquality()) {
                throw FilterException.badRequest(operand.propertyName(), operand.description() + ": booleans can"
                        + " only be compared with = and !=, not '" + operator.symbol() + "'");
            }
        }

        /** 400 unless {@code operand} is a list (or another provider's property). */
        private static Typed requireList(Typed operand, String keyword) {
            if (!operand.foreign() && !operand.type().isList()) {
                throw FilterException.badRequest(operand.propertyName(), operand.description() + ", not a list: "
                        + keyword + " applies to list properties only");
            }
            return operand;
        }

        /**
         * {@code other}, made comparable with {@code subject}: a string constant becomes an instant for a timestamp
         * subject; otherwise the types must already agree.
         *
         * @throws FilterException 400 for a string that is not a timestamp, 501 for different types
         */
        private static Typed sameType(Typed subject, Typed other, String operator) {
            if (subject.type() == PropertyType.TIMESTAMP && other.operand() instanceof StringConstant) {
                String text = ((StringConstant) other.operand()).value();
                Object instant = Rfc3339.parse(text).orElseThrow(() -> FilterException.badRequest(
                        subject.propertyName(), "\"" + text + "\" is not an RFC 3339 date-time (such as"
                                + " 2024-01-31T12:00:00Z), which a comparison with " + subject.description()
                                + " needs"));
                return new Typed(other.operand(), PropertyType.TIMESTAMP, ValueSource.constant(instant),
                        other.description());
            }
            if (!subject.type().comparableWith(other.type())) {
                throw typeMismatch(subject, other, operator);
            }
            return other;
        }

        private static FilterException typeMismatch(Typed subject, Typed other, String operator) {
            String field = subject.propertyName().isEmpty() ? other.propertyName() : subject.propertyName();
            return FilterException.notImplemented(field, "'" + operator + "' between values of different types ("
                    + subject.description() + "; " + other.description() + "): OPTIMADE filters define no type"
                    + " conversions");
        }
    }
}
