package org.matscreen.optimade.index;

import java.util.BitSet;

/**
 * The result of a filter node over all rows in Kleene's three-valued logic: the rows where it is true and the rows
 * where it is false; a row in neither is unknown (a comparison with an unknown value). {@code NOT} swaps the two sets,
 * so {@code NOT x > 1} does not match a row whose {@code x} is unknown, as OPTIMADE requires. Instances are never
 * mutated after construction.
 */
record Selection(BitSet isTrue, BitSet isFalse) {

    static Selection of(long[] trueWords, long[] falseWords) {
        return new Selection(BitSet.valueOf(trueWords), BitSet.valueOf(falseWords));
    }

    /** The same value on every row of {@code rows}: true, false, or (null) unknown. */
    static Selection constant(Boolean value, int rows) {
        BitSet all = new BitSet(rows);
        all.set(0, rows);
        if (value == null) {
            return new Selection(new BitSet(), new BitSet());
        }
        return value ? new Selection(all, new BitSet()) : new Selection(new BitSet(), all);
    }

    /** Kleene AND: true where both are true, false where either is false. */
    Selection and(Selection other) {
        BitSet t = (BitSet) isTrue.clone();
        t.and(other.isTrue);
        BitSet f = (BitSet) isFalse.clone();
        f.or(other.isFalse);
        return new Selection(t, f);
    }

    /** Kleene OR: true where either is true, false where both are false. */
    Selection or(Selection other) {
        BitSet t = (BitSet) isTrue.clone();
        t.or(other.isTrue);
        BitSet f = (BitSet) isFalse.clone();
        f.and(other.isFalse);
        return new Selection(t, f);
    }

    Selection not() {
        return new Selection(isFalse, isTrue);
    }
}
