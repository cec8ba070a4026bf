package org.matscreen.optimade.index;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Arrays;
import org.matscreen.repository.filter.ComparisonOperator;
import org.matscreen.repository.filter.PropertyType;
import org.matscreen.repository.filter.StringOperator;

/**
 * Strings as codes into a sorted dictionary of the distinct values (code -1: unknown). Because the dictionary is
 * sorted the way filters compare strings ({@link String#compareTo}), {@code <} and {@code >} on strings are integer
 * comparisons on codes, a substring test runs once per distinct value, and the codes are the sort ranks.
 */
final class StringColumn extends ScalarColumn {
    private final String[] dictionary;
    private final int[] codes;
    private volatile int[] rowByCode;

    StringColumn(String[] dictionary, int[] codes) {
        this.dictionary = dictionary;
        this.codes = codes;
    }

    @Override
    public PropertyType type() {
        return PropertyType.STRING;
    }

    String get(int row) {
        int c = codes[row];
        return c < 0 ? null : dictionary[c];
    }

    @Override
    public Object value(int row) {
        return get(row);
    }

    @Override
    public void write(JsonGenerator g, int row) throws IOException {
        int c = codes[row];
        if (c < 0) {
            g.writeNull();
        } else {
            g.writeString(dictionary[c]);
        }
    }

    @Override
    public long[] known() {
        long[] k = Words.forRows(codes.length);
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] >= 0) {
                Words.set(k, i);
            }
        }
        return k;
    }

    Selection compare(ComparisonOperator op, String constant) {
        int at = Arrays.binarySearch(dictionary, constant);
        Threshold th = at >= 0 ? Threshold.of((long) at) : Threshold.insertionPoint(-at - 1);
        long[] t = Words.forRows(codes.length);
        long[] f = Words.forRows(codes.length);
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (c >= 0) {
                Words.set(th.test(c, op) ? t : f, i);
            }
        }
        return Selection.of(t, f);
    }

    Selection match(StringOperator op, String fragment) {
        boolean[] hit = new boolean[dictionary.length];
        for (int c = 0; c < dictionary.length; c++) {
            hit[c] = op.matches(dictionary[c], fragment);
        }
        long[] t = Words.forRows(codes.length);
        long[] f = Words.forRows(codes.length);
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (c >= 0) {
                Words.set(hit[c] ? t : f, i);
            }
        }
        return Selection.of(t, f);
    }

    /**
     * The first row holding {@code value}, or -1; for a column of unique values (ids) the row of the value. The
     * inverse of the codes is built on first use.
     */
    int rowOf(String value) {
        int at = Arrays.binarySearch(dictionary, value);
        if (at < 0) {
            return -1;
        }
        int[] inverse = rowByCode;
        if (inverse == null) {
            synchronized (this) {
                inverse = rowByCode;
                if (inverse == null) {
                    inverse = new int[dictionary.length];
                    Arrays.fill(inverse, -1);
                    for (int i = codes.length - 1; i >= 0; i--) {
                        if (codes[i] >= 0) {
                            inverse[codes[i]] = i;
                        }
                    }
                    rowByCode = inverse;
                }
            }
        }
        return inverse[at];
    }

    int distinct() {
        return dictionary.length;
    }

    @Override
    int maxRank() {
        return Math.max(0, dictionary.length - 1);
    }

    @Override
    int[] computeRanks() {
        return codes;
    }
}
