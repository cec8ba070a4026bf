package org.matscreen.repository.hdf5;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.matscreen.repository.Column;

/**
 * A growable column of values of one storage kind in primitive arrays (8 bytes a double, not a boxed object), with
 * the unknown value of the layout for {@code null}, reshaped into the Java arrays jhdf writes.
 */
final class Values {
    private final Column.Kind kind;
    private double[] doubles = new double[0];
    private int[] ints = new int[0];
    private long[] longs = new long[0];
    private byte[] bytes = new byte[0];
    private final List<String> strings = new ArrayList<>();
    private int size;

    /** Values of a scalar kind, or of the items of a list kind. */
    Values(Column.Kind kind) {
        this.kind = switch (kind) {
            case LIST_STRING -> Column.Kind.STRING;
            case LIST_INT32 -> Column.Kind.INT32;
            case LIST_DOUBLE -> Column.Kind.DOUBLE;
            case TIMESTAMP_MS -> Column.Kind.INT64;
            default -> kind;
        };
    }

    int size() {
        return size;
    }

    /** Appends {@code v}, or the unknown value for {@code null}. */
    void add(Object v) {
        switch (kind) {
            case DOUBLE -> {
                doubles = grow(doubles);
                doubles[size] = v == null ? Double.NaN : ((Number) v).doubleValue();
            }
            case INT32 -> {
                ints = grow(ints);
                ints[size] = v == null ? Hdf5Layout.INT_FILL : ((Number) v).intValue();
            }
            case INT64 -> {
                longs = grow(longs);
                longs[size] = v == null ? Hdf5Layout.LONG_FILL : ((Number) v).longValue();
            }
            case BOOLEAN -> {
                bytes = grow(bytes);
                bytes[size] = v == null ? Hdf5Layout.BOOLEAN_FILL : (byte) (((Boolean) v) ? 1 : 0);
            }
            default -> strings.add(v == null ? "" : (String) v);
        }
        size++;
    }

    /** The values as a 1-D Java array. */
    Object flat() {
        return switch (kind) {
            case DOUBLE -> Arrays.copyOf(doubles, size);
            case INT32 -> Arrays.copyOf(ints, size);
            case INT64 -> Arrays.copyOf(longs, size);
            case BOOLEAN -> Arrays.copyOf(bytes, size);
            default -> strings.toArray(new String[0]);
        };
    }

    /** The values as {@code [size / width][width]}. */
    Object rows(int width) {
        int n = size / width;
        return switch (kind) {
            case DOUBLE -> {
                double[][] out = new double[n][];
                for (int r = 0; r < n; r++) {
                    out[r] = Arrays.copyOfRange(doubles, r * width, (r + 1) * width);
                }
                yield out;
            }
            case INT32 -> {
                int[][] out = new int[n][];
                for (int r = 0; r < n; r++) {
                    out[r] = Arrays.copyOfRange(ints, r * width, (r + 1) * width);
                }
                yield out;
            }
            case STRING -> {
                String[][] out = new String[n][];
                for (int r = 0; r < n; r++) {
                    out[r] = strings.subList(r * width, (r + 1) * width).toArray(new String[0]);
                }
                yield out;
            }
            default -> throw new IllegalStateException("no 2-D layout for " + kind);
        };
    }

    /** Doubles as {@code [size / (a*b)][a][b]}. */
    double[][][] matrices(int a, int b) {
        if (kind != Column.Kind.DOUBLE) {
            throw new IllegalStateException("matrices of " + kind);
        }
        int n = size / (a * b);
        double[][][] out = new double[n][a][];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < a; i++) {
                int from = r * a * b + i * b;
                out[r][i] = Arrays.copyOfRange(doubles, from, from + b);
            }
        }
        return out;
    }

    /** Whether the layout marks unknown values of this kind with a {@code _FillValue} attribute. */
    boolean hasFillValue() {
        return kind == Column.Kind.INT32 || kind == Column.Kind.INT64 || kind == Column.Kind.BOOLEAN;
    }

    /** The fill value, typed like the data. */
    Object fillValue() {
        return switch (kind) {
            case INT32 -> Hdf5Layout.INT_FILL;
            case INT64 -> Hdf5Layout.LONG_FILL;
            case BOOLEAN -> Hdf5Layout.BOOLEAN_FILL;
            default -> throw new IllegalStateException("no fill value for " + kind);
        };
    }

    private double[] grow(double[] a) {
        return size < a.length ? a : Arrays.copyOf(a, Math.max(16, a.length * 2));
    }

    private int[] grow(int[] a) {
        return size < a.length ? a : Arrays.copyOf(a, Math.max(16, a.length * 2));
    }

    private long[] grow(long[] a) {
        return size < a.length ? a : Arrays.copyOf(a, Math.max(16, a.length * 2));
    }

    private byte[] grow(byte[] a) {
        return size < a.length ? a : Arrays.copyOf(a, Math.max(16, a.length * 2));
    }
}
