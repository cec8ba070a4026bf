package org.matscreen.repository.filter;

/**
 * One node of a compiled filter: the checked, type-resolved form of a {@link FilterExpression} node, with constants
 * already converted, so that evaluating an entry does no parsing, no catalogue look-up and no type dispatch beyond a cast.
 * Nodes are stateless and may be shared between threads.
 */
@FunctionalInterface
interface Node {
    Truth evaluate(FilterTarget target);

    static Node constant(Truth value) {
        return target -> value;
    }

    static Node and(Node[] operands) {
        return target -> {
            Truth result = Truth.TRUE;
            for (Node operand : operands) {
                Truth value = operand.evaluate(target);
                if (value == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (value == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        };
    }

    static Node or(Node[] operands) {
        return target -> {
            Truth result = Truth.FALSE;
            for (Node operand : operands) {
                Truth value = operand.evaluate(target);
                if (value == Truth.TRUE) {
                    return Truth.TRUE;
                }
                if (value == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        };
    }

    static Node not(Node operand) {
        return target -> operand.evaluate(target).not();
    }

    /** {@code test(left, right)}, or {@link Truth#UNKNOWN} if either side is unknown on this entry. */
    static Node compare(ValueSource left, ValueSource right, ValueTest test) {
        return target -> {
            Object a = left.fetch(target);
            if (a == null) {
                return Truth.UNKNOWN;
            }
            Object b = right.fetch(target);
            return b == null ? Truth.UNKNOWN : test.test(a, b);
        };
    }

    /** {@code IS KNOWN} ({@code known} true) or {@code IS UNKNOWN}: never unknown itself. */
    static Node known(ValueSource source, boolean known) {
        return target -> Truth.of((source.fetch(target) != null) == known);
    }
}
