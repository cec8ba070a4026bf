package org.matscreen.optimade.index;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.matscreen.repository.filter.ComparisonOperator;
import org.matscreen.repository.filter.MatchOperator;
import org.matscreen.repository.filter.PropertyType;
import org.matscreen.repository.filter.StringOperator;

/** Lists of strings as codes into a sorted dictionary; an item test is evaluated once per distinct string. */
final class StringListColumn extends ListColumn {
    private final String[] dictionary;
    private final int[] items;

    StringListColumn(int[] offsets, long[] known, String[] dictionary, int[] items) {
        super(offsets, known);
        this.dictionary = dictionary;
        this.items = items;
    }

    @Override
    public PropertyType type() {
        return PropertyType.STRING_LIST;
    }

    /** The items of {@code row} (empty for an unknown list; check {@link #known()}). */
    List<String> items(int row) {
        List<String> out = new ArrayList<>(offsets[row + 1] - offsets[row]);
        for (int i = offsets[row]; i < offsets[row + 1]; i++) {
            out.add(dictionary[items[i]]);
        }
        return out;
    }

    @Override
    public Object value(int row) {
        return Words.get(known, row) ? items(row) : null;
    }

    @Override
    public void write(JsonGenerator g, int row) throws IOException {
        if (!Words.get(known, row)) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (int i = offsets[row]; i < offsets[row + 1]; i++) {
            g.writeString(dictionary[items[i]]);
        }
        g.writeEndArray();
    }

    /** The test "item {@code op} constant" over flat item positions. */
    IntPredicate itemTest(MatchOperator op, String constant) {
        boolean[] hit = new boolean[dictionary.length];
        for (int c = 0; c < dictionary.length; c++) {
            hit[c] = op instanceof StringOperator s ? s.matches(dictionary[c], constant)
                    : ((ComparisonOperator) op).holds(dictionary[c].compareTo(constant));
        }
        return i -> hit[items[i]];
    }
}
