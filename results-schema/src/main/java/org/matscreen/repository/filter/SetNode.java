package org.matscreen.repository.filter;

import java.util.List;

/**
 * {@code HAS}, {@code HAS ALL}, {@code HAS ANY} and {@code HAS ONLY}, over one list or over several correlated lists
 * ({@code a:b HAS ...}); a plain set comparison is the one-list case, with one-entry tuples. A tuple matches at index
 * {@code i} when each of its entries matches item {@code i} of its list. With lists of unequal length, the missing
 * items are unknown.
 *
 * <ul>
 *   <li>HAS, HAS ANY: some tuple matches at some index;</li>
 *   <li>HAS ALL: every tuple matches at some index;</li>
 *   <li>HAS ONLY: at every index some tuple matches (so an empty list has only anything).</li>
 * </ul>
 * "Some" and "every" are Kleene OR and AND, so unknown items make the result unknown only when no known item decides.
 */
final class SetNode implements Node {
    private final ValueSource[] lists;
    private final PropertyType[] itemTypes;
    private final String[] names;
    private final ElementMatcher[][] tuples;
    private final SetOperator operator;

    SetNode(ValueSource[] lists, PropertyType[] itemTypes, String[] names, ElementMatcher[][] tuples,
            SetOperator operator) {
        this.lists = lists;
        this.itemTypes = itemTypes;
        this.names = names;
        this.tuples = tuples;
        this.operator = operator;
    }

    @Override
    public Truth evaluate(FilterTarget target) {
        List<?>[] values = new List<?>[lists.length];
        int length = 0;
        for (int k = 0; k < lists.length; k++) {
            Object list = lists[k].fetch(target);
            if (list == null) {
                return Truth.UNKNOWN;
            }
            values[k] = (List<?>) list;
            length = Math.max(length, values[k].size());
        }
        Truth result;
        switch (operator) {
            case HAS_ALL:
                result = Truth.TRUE;
                for (int j = 0; j < tuples.length && result != Truth.FALSE; j++) {
                    result = result.and(atSomeIndex(j, values, length, target));
                }
                return result;
            case HAS_ONLY:
                result = Truth.TRUE;
                for (int i = 0; i < length && result != Truth.FALSE; i++) {
                    result = result.and(someTupleAt(i, values, target));
                }
                return result;
            default: // HAS, HAS ANY
                result = Truth.FALSE;
                for (int j = 0; j < tuples.length && result != Truth.TRUE; j++) {
                    result = result.or(atSomeIndex(j, values, length, target));
                }
                return result;
        }
    }

    private Truth atSomeIndex(int tuple, List<?>[] values, int length, FilterTarget target) {
        Truth result = Truth.FALSE;
        for (int i = 0; i < length && result != Truth.TRUE; i++) {
            result = result.or(tupleAt(tuple, i, values, target));
        }
        return result;
    }

    private Truth someTupleAt(int index, List<?>[] values, FilterTarget target) {
        Truth result = Truth.FALSE;
        for (int j = 0; j < tuples.length && result != Truth.TRUE; j++) {
            result = result.or(tupleAt(j, index, values, target));
        }
        return result;
    }

    private Truth tupleAt(int tuple, int index, List<?>[] values, FilterTarget target) {
        Truth result = Truth.TRUE;
        for (int k = 0; k < values.length && result != Truth.FALSE; k++) {
            Object item = index < values[k].size()
                    ? EntryValues.element(values[k].get(index), itemTypes[k], names[k]) : null;
            result = result.and(tuples[tuple][k].match(item, target));
        }
        return result;
    }
}
