package io.chatda.suggest;

import java.util.Arrays;

/**
 * Sorts an {@code int[]} without boxing: by a comparator (a stable merge sort), or by a {@code long}
 * key per element (a stable radix sort, eight passes at most, linear), which the index build uses
 * to sort a million keys by their first eight bytes before the comparator settles the rest.
 */
final class IntSorter {

    /** Compares two ints. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private static final int INSERTION = 24;

    private IntSorter() {}

    static void sort(int[] a, IntComparator cmp) {
        sort(a, 0, a.length, cmp);
    }

    /** Sorts {@code a[from, to)}. */
    static void sort(int[] a, int from, int to, IntComparator cmp) {
        int[] slice = Arrays.copyOfRange(a, from, to);
        mergeSort(slice.clone(), slice, 0, slice.length, cmp);
        System.arraycopy(slice, 0, a, from, slice.length);
    }

    /**
     * Sorts {@code a} stably by {@code key[i]} for the element at {@code i}, keys compared unsigned;
     * {@code key} is reordered along with it.
     */
    static void sortByKey(int[] a, long[] key) {
        int n = a.length;
        long or = 0;
        long and = -1;
        for (long k : key) {
            or |= k;
            and &= k;
        }
        long varying = or ^ and;
        int[] a2 = new int[n];
        long[] k2 = new long[n];
        int[] count = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            if (((varying >>> shift) & 0xFF) == 0) {
                continue;
            }
            Arrays.fill(count, 0);
            for (long k : key) {
                count[(int) ((k >>> shift) & 0xFF) + 1]++;
            }
            for (int i = 0; i < 256; i++) {
                count[i + 1] += count[i];
            }
            for (int i = 0; i < n; i++) {
                int at = count[(int) ((key[i] >>> shift) & 0xFF)]++;
                a2[at] = a[i];
                k2[at] = key[i];
            }
            System.arraycopy(a2, 0, a, 0, n);
            System.arraycopy(k2, 0, key, 0, n);
        }
    }

    /**
     * Sorts {@code a} by {@code cmp}, which must order elements first by {@code prefix[element]}
     * (unsigned): one radix pass on the prefixes, then the comparator only within runs of equal ones.
     */
    static void sortByPrefix(int[] a, long[] prefix, IntComparator cmp) {
        long[] key = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            key[i] = prefix[a[i]];
        }
        sortByKey(a, key);
        for (int lo = 0; lo < a.length; ) {
            int hi = lo + 1;
            while (hi < a.length && key[hi] == key[lo]) {
                hi++;
            }
            if (hi - lo > 1) {
                sort(a, lo, hi, cmp);
            }
            lo = hi;
        }
    }

    /** Sorts {@code src[lo, hi)} into {@code dst[lo, hi)}; both start with the same contents. */
    private static void mergeSort(int[] src, int[] dst, int lo, int hi, IntComparator cmp) {
        if (hi - lo <= INSERTION) {
            for (int i = lo + 1; i < hi; i++) {
                int v = dst[i];
                int j = i - 1;
                while (j >= lo && cmp.compare(dst[j], v) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(dst, src, lo, mid, cmp);
        mergeSort(dst, src, mid, hi, cmp);
        if (cmp.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, lo, dst, lo, hi - lo);
            return;
        }
        for (int i = lo, p = lo, q = mid; i < hi; i++) {
            if (q >= hi || (p < mid && cmp.compare(src[p], src[q]) <= 0)) {
                dst[i] = src[p++];
            } else {
                dst[i] = src[q++];
            }
        }
    }
}
