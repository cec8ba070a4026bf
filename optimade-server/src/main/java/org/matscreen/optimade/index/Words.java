package org.matscreen.optimade.index;

/**
 * Bit-set words built directly in scanning loops: {@code set(words, i)} is a shift and an OR, several times cheaper
 * than {@link java.util.BitSet#set(int)} with its bounds checks and growth, which matters over 10^6 rows.
 */
final class Words {
    private Words() {}

    static long[] forRows(int rows) {
        return new long[(rows + 63) >>> 6];
    }

    static void set(long[] words, int row) {
        words[row >>> 6] |= 1L << row; // a long shift uses the low 6 bits of row
    }

    static boolean get(long[] words, int row) {
        return (words[row >>> 6] & (1L << row)) != 0;
    }
}
