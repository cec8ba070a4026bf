package org.matscreen.optimade.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.matscreen.repository.Column;

/**
 * Accumulates one index column row by row, from a Parquet record or from a computed value, then freezes it. A column
 * absent from an older chunk file reads as unknown.
 */
abstract class ColumnBuilder {
    /** Appends the value of field {@code field} of {@code g}, or unknown when {@code field} is -1 or empty. */
    abstract void read(Group g, int field);

    abstract IndexColumn build();

    /** The builder for a record column of {@code kind}. */
    static ColumnBuilder of(Column.Kind kind) {
        return switch (kind) {
            case STRING -> new Strings();
            case INT32, INT64 -> new Longs(false);
            case TIMESTAMP_MS -> new Longs(true);
            case DOUBLE -> new Doubles();
            case BOOLEAN -> new Booleans();
            case LIST_STRING -> new StringLists();
            case LIST_INT32 -> new NumberLists(false);
            case LIST_DOUBLE -> new NumberLists(true);
        };
    }

    static boolean present(Group g, int field) {
        return field >= 0 && g.getFieldRepetitionCount(field) > 0;
    }

    static final class Doubles extends ColumnBuilder {
        private final Growable.Doubles values = new Growable.Doubles();

        @Override
        void read(Group g, int field) {
            values.add(present(g, field) ? g.getDouble(field, 0) : Double.NaN);
        }

        void add(double v) {
            values.add(v);
        }

        @Override
        IndexColumn build() {
            return new DoubleColumn(values.toArray());
        }
    }

    static final class Longs extends ColumnBuilder {
        private final Growable.Longs values = new Growable.Longs();
        private final Growable.Bits known = new Growable.Bits();
        private final boolean timestamp;

        Longs(boolean timestamp) {
            this.timestamp = timestamp;
        }

        @Override
        void read(Group g, int field) {
            if (!present(g, field)) {
                add(null);
            } else if (g.getType().getType(field).asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT32) {
                add((long) g.getInteger(field, 0));
            } else {
                add(g.getLong(field, 0));
            }
        }

        void add(Long v) {
            values.add(v == null ? 0 : v);
            known.add(v != null);
        }

        @Override
        IndexColumn build() {
            return new LongColumn(values.toArray(), known.toWords(), timestamp);
        }
    }

    static final class Booleans extends ColumnBuilder {
        private final Growable.Bits known = new Growable.Bits();
        private final Growable.Bits truth = new Growable.Bits();
        private int rows;

        @Override
        void read(Group g, int field) {
            boolean p = present(g, field);
            known.add(p);
            truth.add(p && g.getBoolean(field, 0));
            rows++;
        }

        @Override
        IndexColumn build() {
            return new BooleanColumn(rows, known.toWords(), truth.toWords());
        }
    }

    /** Strings interned into provisional codes; the dictionary is sorted and the codes remapped when built. */
    static final class Strings extends ColumnBuilder {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> distinct = new ArrayList<>();
        private final Growable.Ints rows = new Growable.Ints();

        @Override
        void read(Group g, int field) {
            add(present(g, field) ? g.getString(field, 0) : null);
        }

        void add(String v) {
            rows.add(v == null ? -1 : code(codes, distinct, v));
        }

        @Override
        IndexColumn build() {
            Dictionary d = Dictionary.sort(distinct);
            int[] c = rows.toArray();
            for (int i = 0; i < c.length; i++) {
                c[i] = c[i] < 0 ? -1 : d.remap()[c[i]];
            }
            return new StringColumn(d.sorted(), c);
        }
    }

    static final class StringLists extends ColumnBuilder {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> distinct = new ArrayList<>();
        private final Growable.Ints offsets = new Growable.Ints();
        private final Growable.Ints items = new Growable.Ints();
        private final Growable.Bits known = new Growable.Bits();

        StringLists() {
            offsets.add(0);
        }

        @Override
        void read(Group g, int field) {
            boolean p = present(g, field);
            if (p) {
                Group list = g.getGroup(field, 0);
                int n = list.getFieldRepetitionCount(0);
                for (int i = 0; i < n; i++) {
                    items.add(code(codes, distinct, list.getGroup(0, i).getString(0, 0)));
                }
            }
            known.add(p);
            offsets.add(items.size());
        }

        @Override
        IndexColumn build() {
            Dictionary d = Dictionary.sort(distinct);
            int[] it = items.toArray();
            for (int i = 0; i < it.length; i++) {
                it[i] = d.remap()[it[i]];
            }
            return new StringListColumn(offsets.toArray(), known.toWords(), d.sorted(), it);
        }
    }

    static final class NumberLists extends ColumnBuilder {
        private final boolean floats;
        private final Growable.Ints offsets = new Growable.Ints();
        private final Growable.Doubles doubles = new Growable.Doubles();
        private final Growable.Longs longs = new Growable.Longs();
        private final Growable.Bits known = new Growable.Bits();

        NumberLists(boolean floats) {
            this.floats = floats;
            offsets.add(0);
        }

        @Override
        void read(Group g, int field) {
            boolean p = present(g, field);
            if (p) {
                Group list = g.getGroup(field, 0);
                int n = list.getFieldRepetitionCount(0);
                for (int i = 0; i < n; i++) {
                    Group e = list.getGroup(0, i);
                    if (floats) {
                        doubles.add(e.getDouble(0, 0));
                    } else {
                        longs.add(e.getInteger(0, 0));
                    }
                }
            }
            known.add(p);
            offsets.add(floats ? doubles.size() : longs.size());
        }

        /** Appends a computed list of floats. */
        void addDoubles(double[] values) {
            for (double v : values) {
                doubles.add(v);
            }
            known.add(true);
            offsets.add(doubles.size());
        }

        @Override
        IndexColumn build() {
            return floats ? NumberListColumn.ofDoubles(offsets.toArray(), known.toWords(), doubles.toArray())
                    : NumberListColumn.ofLongs(offsets.toArray(), known.toWords(), longs.toArray());
        }
    }

    private static int code(Map<String, Integer> codes, List<String> distinct, String v) {
        Integer c = codes.get(v);
        if (c == null) {
            c = distinct.size();
            codes.put(v, c);
            distinct.add(v);
        }
        return c;
    }

    /** Distinct strings in sorted order, and the map from provisional code to sorted code. */
    record Dictionary(String[] sorted, int[] remap) {
        static Dictionary sort(List<String> distinct) {
            Integer[] order = new Integer[distinct.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> distinct.get(a).compareTo(distinct.get(b)));
            String[] sorted = new String[order.length];
            int[] remap = new int[order.length];
            for (int k = 0; k < order.length; k++) {
                sorted[k] = distinct.get(order[k]);
                remap[order[k]] = k;
            }
            return new Dictionary(sorted, remap);
        }
    }
}
