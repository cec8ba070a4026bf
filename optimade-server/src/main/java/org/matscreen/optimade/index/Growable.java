package org.matscreen.optimade.index;

import java.util.Arrays;

/** Append-only primitive arrays for building columns without boxing. */
final class Growable {
    private Growable() {}

    static final class Longs {
        private long[] a = new long[1024];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    static final class Doubles {
        private double[] a = new double[1024];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    static final class Ints {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        int get(int i) {
            return a[i];
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** A bit set that grows one row at a time. */
    static final class Bits {
        private long[] words = new long[16];
        private int n;

        void add(boolean bit) {
            if ((n >>> 6) == words.length) {
                words = Arrays.copyOf(words, words.length * 2);
            }
            if (bit) {
                words[n >>> 6] |= 1L << n;
            }
            n++;
        }

        long[] toWords() {
            return Arrays.copyOf(words, (n + 63) >>> 6);
        }
    }
}
