package org.matscreen.optimade.index;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.matscreen.repository.filter.ComparisonOperator;
import org.matscreen.repository.filter.PropertyType;

/** Lists of integers ({@code long} items) or of floats ({@code double} items). */
final class NumberListColumn extends ListColumn {
    private final long[] longs;
    private final double[] doubles;

    private NumberListColumn(int[] offsets, long[] known, long[] longs, double[] doubles) {
        super(offsets, known);
        this.longs = longs;
        this.doubles = doubles;
    }

    static NumberListColumn ofLongs(int[] offsets, long[] known, long[] items) {
        return new NumberListColumn(offsets, known, items, null);
    }

    static NumberListColumn ofDoubles(int[] offsets, long[] known, double[] items) {
        return new NumberListColumn(offsets, known, null, items);
    }

    @Override
    public PropertyType type() {
        return longs != null ? PropertyType.INTEGER_LIST : PropertyType.FLOAT_LIST;
    }

    @Override
    public Object value(int row) {
        if (!Words.get(known, row)) {
            return null;
        }
        List<Object> out = new ArrayList<>(offsets[row + 1] - offsets[row]);
        for (int i = offsets[row]; i < offsets[row + 1]; i++) {
            out.add(longs != null ? (Object) longs[i] : (Object) doubles[i]);
        }
        return out;
    }

    @Override
    public void write(JsonGenerator g, int row) throws IOException {
        if (!Words.get(known, row)) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (int i = offsets[row]; i < offsets[row + 1]; i++) {
            if (longs != null) {
                g.writeNumber(longs[i]);
            } else {
                g.writeNumber(doubles[i]);
            }
        }
        g.writeEndArray();
    }

    /** The test "item {@code op} constant" over flat item positions, exact between integers and floats. */
    IntPredicate itemTest(ComparisonOperator op, Number constant) {
        if (longs != null) {
            Threshold th = Threshold.of(constant);
            return i -> th.test(longs[i], op);
        }
        return i -> op.holds(DoubleColumn.compareExact(doubles[i], constant));
    }
}
