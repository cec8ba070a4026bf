package org.matscreen.repository.hdf5;

import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.repository.Column;

/**
 * Collects one column of one chemical system's records and writes it as the dataset(s) {@link Hdf5Layout} assigns
 * it. Values arrive one record at a time in record order; {@code null} is an unknown value.
 */
abstract class ColumnSink {
    final Column column;

    ColumnSink(Column column) {
        this.column = column;
    }

    /** A sink for {@code column} in a system whose records have {@code nelements} elements. */
    static ColumnSink of(Column column, int nelements) {
        return switch (Hdf5Layout.shape(column)) {
            case SCALAR -> new Scalar(column);
            case PER_ELEMENT -> new Fixed(column, new int[] {nelements});
            case MATRIX -> new Fixed(column, Hdf5Layout.matrixDimensions(column));
            case PER_SITE, RAGGED -> new Ragged(column);
        };
    }

    abstract void add(Object value);

    /**
     * Writes the dataset(s) into {@code system} or its {@code structures} subgroup; {@code written} holds the names of
     * the offsets datasets already written for this system, so the per-site columns write {@code site_offsets} once.
     */
    abstract void write(WritableGroup system, WritableGroup structures, Set<String> written);

    WritableGroup target(WritableGroup system, WritableGroup structures) {
        return Hdf5Layout.inStructures(column) ? structures : system;
    }

    void describe(WritableDataset d, Values v) {
        if (!column.unit().isEmpty()) {
            d.putAttribute(Hdf5Layout.UNITS, column.unit());
        }
        d.putAttribute(Hdf5Layout.DESCRIPTION, column.description());
        if (v.hasFillValue()) {
            d.putAttribute(Hdf5Layout.FILL_VALUE, v.fillValue());
        }
    }

    /** {@code [records]}. */
    static final class Scalar extends ColumnSink {
        private final Values values;

        Scalar(Column column) {
            super(column);
            values = new Values(column.kind());
        }

        @Override
        void add(Object value) {
            values.add(value);
        }

        @Override
        void write(WritableGroup system, WritableGroup structures, Set<String> written) {
            describe(target(system, structures).putDataset(column.name(), values.flat()), values);
        }
    }

    /** {@code [records, d0]} or {@code [records, d0, d1]}: lists of one length per system, unknown-filled. */
    static final class Fixed extends ColumnSink {
        private final Values values;
        private final int[] dims;
        private final int length;

        Fixed(Column column, int[] dims) {
            super(column);
            this.values = new Values(column.kind());
            this.dims = dims;
            this.length = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        }

        @Override
        void add(Object value) {
            List<?> list = (List<?>) value;
            if (list == null) {
                for (int k = 0; k < length; k++) {
                    values.add(null);
                }
                return;
            }
            if (list.size() != length) {
                throw new MatscreenException("column '" + column.name() + "' has " + list.size() + " values in a"
                        + " record, the HDF5 layout expects " + length);
            }
            list.forEach(values::add);
        }

        @Override
        void write(WritableGroup system, WritableGroup structures, Set<String> written) {
            Object data = dims.length == 1 ? values.rows(dims[0]) : values.matrices(dims[0], dims[1]);
            describe(target(system, structures).putDataset(column.name(), data), values);
        }
    }

    /** Values of all records concatenated plus an offsets index ({@code [records + 1]}, int64). */
    static final class Ragged extends ColumnSink {
        private final Values values;
        private final int perItem;
        private long[] offsets = {0};
        private int records;

        Ragged(Column column) {
            super(column);
            this.values = new Values(column.kind());
            this.perItem = Hdf5Layout.valuesPerItem(column);
        }

        @Override
        void add(Object value) {
            List<?> list = value == null ? List.of() : (List<?>) value;
            list.forEach(values::add);
            if (records + 1 >= offsets.length) {
                offsets = Arrays.copyOf(offsets, Math.max(16, offsets.length * 2));
            }
            records++;
            offsets[records] = values.size() / perItem;
        }

        @Override
        void write(WritableGroup system, WritableGroup structures, Set<String> written) {
            WritableGroup g = target(system, structures);
            String offsetsName = Hdf5Layout.offsetsName(column);
            if (written.add(offsetsName)) {
                WritableDataset o = g.putDataset(offsetsName, Arrays.copyOf(offsets, records + 1));
                o.putAttribute(Hdf5Layout.DESCRIPTION, "items of record i are rows offsets[i] .. offsets[i+1]-1 of "
                        + (Hdf5Layout.shape(column) == Hdf5Layout.Shape.PER_SITE ? "the per-site datasets" : "'"
                        + column.name() + "'"));
            }
            // jhdf 0.9 cannot write an empty dataset: a column no record of the system has is left out, and its
            // offsets (all zero) say so.
            if (values.size() > 0) {
                describe(g.putDataset(column.name(), perItem == 1 ? values.flat() : values.rows(perItem)), values);
            }
        }
    }
}
