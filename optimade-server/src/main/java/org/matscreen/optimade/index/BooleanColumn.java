package org.matscreen.optimade.index;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.matscreen.repository.filter.ComparisonOperator;
import org.matscreen.repository.filter.PropertyType;

/** Booleans as two bit sets: known rows and true rows. */
final class BooleanColumn extends ScalarColumn {
    private final int rows;
    private final long[] known;
    private final long[] truth;

    BooleanColumn(int rows, long[] known, long[] truth) {
        this.rows = rows;
        this.known = known;
        this.truth = truth;
    }

    @Override
    public PropertyType type() {
        return PropertyType.BOOLEAN;
    }

    @Override
    public Object value(int row) {
        return Words.get(known, row) ? Words.get(truth, row) : null;
    }

    @Override
    public void write(JsonGenerator g, int row) throws IOException {
        if (Words.get(known, row)) {
            g.writeBoolean(Words.get(truth, row));
        } else {
            g.writeNull();
        }
    }

    @Override
    public long[] known() {
        return known.clone();
    }

    /** {@code value = constant} or {@code value != constant} (the only operators booleans have). */
    Selection compare(ComparisonOperator op, boolean constant) {
        long[] t = new long[known.length];
        long[] f = new long[known.length];
        for (int w = 0; w < known.length; w++) {
            long equal = known[w] & (constant ? truth[w] : ~truth[w]);
            long different = known[w] & ~equal;
            t[w] = op == ComparisonOperator.EQ ? equal : different;
            f[w] = op == ComparisonOperator.EQ ? different : equal;
        }
        return Selection.of(t, f);
    }

    @Override
    int maxRank() {
        return 1;
    }

    @Override
    int[] computeRanks() {
        int[] r = new int[rows];
        for (int i = 0; i < rows; i++) {
            r[i] = Words.get(known, i) ? (Words.get(truth, i) ? 1 : 0) : -1;
        }
        return r;
    }
}
