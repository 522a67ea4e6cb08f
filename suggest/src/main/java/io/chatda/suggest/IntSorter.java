package io.chatda.suggest;

/** Sorts an {@code int[]} by a comparator without boxing: a merge sort, O(n log n), stable. */
final class IntSorter {

    /** Compares two ints. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private static final int INSERTION = 24;

    private IntSorter() {
    }

    static void sort(int[] a, IntComparator cmp) {
        int[] buf = a.clone();
        mergeSort(buf, a, 0, a.length, cmp);
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
