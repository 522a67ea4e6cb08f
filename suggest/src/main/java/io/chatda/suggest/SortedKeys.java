package io.chatda.suggest;

/**
 * Key suffixes in sorted order, each pointing at its entry, with a range-minimum tree over the entry
 * ids. Entries are numbered heaviest first, so the smallest id in a range of matching keys is the
 * heaviest match: the top k of any prefix range come out of k tree queries and a small heap, however
 * many keys the range holds (Hsu and Ottaviano, WWW 2013, with a segment tree for the RMQ).
 *
 * <p>Layout, for {@code n} keys: {@code tree[n + i]} is the entry id of the i-th key,
 * {@code tree[1..n)} holds, for each inner node, the position of the smallest id below it, and
 * {@code start[i]} is where the i-th key begins in the arena (it ends where its entry's key ends).
 * Immutable once built.
 */
final class SortedKeys {

    private final byte[] arena;
    /** End of each entry's key in the arena: entry e's key ends at {@code ends[e + 1]}. */
    private final int[] ends;
    private final int[] start;
    private final int[] tree;
    private final int n;

    SortedKeys(byte[] arena, int[] ends, int[] start, int[] ids) {
        this.arena = arena;
        this.ends = ends;
        this.start = start;
        this.n = ids.length;
        this.tree = new int[Math.max(2, 2 * n)];
        System.arraycopy(ids, 0, tree, n, n);
        for (int i = n - 1; i >= 1; i--) {
            tree[i] = better(position(2 * i), position(2 * i + 1));
        }
    }

    /** Restores a saved structure (arrays as returned by the accessors). */
    static SortedKeys restore(byte[] arena, int[] ends, int[] start, int[] tree) {
        return new SortedKeys(arena, ends, start, tree, true);
    }

    private SortedKeys(byte[] arena, int[] ends, int[] start, int[] tree, boolean restored) {
        this.arena = arena;
        this.ends = ends;
        this.start = start;
        this.tree = tree;
        this.n = start.length;
    }

    int size() {
        return n;
    }

    int[] start() {
        return start;
    }

    int[] tree() {
        return tree;
    }

    int id(int position) {
        return tree[n + position];
    }

    int keyStart(int position) {
        return start[position];
    }

    int keyEnd(int position) {
        return ends[id(position) + 1];
    }

    /** First position whose key is not below {@code q}, searching {@code [lo, hi)}. */
    int lowerBound(byte[] q, int qLen, int lo, int hi) {
        return lowerBound(q, 0, qLen, lo, hi);
    }

    /**
     * {@link #lowerBound(byte[], int, int, int)} when every key in {@code [lo, hi)} is known to start
     * with {@code q[0, from)}: only the bytes after it are compared.
     */
    int lowerBound(byte[] q, int from, int qLen, int lo, int hi) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comparePrefix(mid, q, from, qLen) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First position whose key neither starts with {@code q} nor sorts below it, in {@code [lo, hi)}. */
    int upperBound(byte[] q, int qLen, int lo, int hi) {
        return upperBound(q, 0, qLen, lo, hi);
    }

    /** {@link #upperBound(byte[], int, int, int)} when every key in {@code [lo, hi)} starts with {@code q[0, from)}. */
    int upperBound(byte[] q, int from, int qLen, int lo, int hi) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comparePrefix(mid, q, from, qLen) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Compares the key at {@code position} with the first {@code qLen} bytes of {@code q}, looking
     * only at the key's first {@code qLen} bytes: 0 when the key starts with them.
     */
    int comparePrefix(int position, byte[] q, int qLen) {
        return comparePrefix(position, q, 0, qLen);
    }

    /** {@link #comparePrefix(int, byte[], int)} from byte {@code from}, the bytes before it known equal. */
    int comparePrefix(int position, byte[] q, int from, int qLen) {
        int a = start[position];
        int end = keyEnd(position);
        int len = Math.min(end - a, qLen);
        for (int i = from; i < len; i++) {
            int d = (arena[a + i] & 0xFF) - (q[i] & 0xFF);
            if (d != 0) {
                return d;
            }
        }
        return end - a < qLen ? -1 : 0;
    }

    /** The byte at {@code offset} of the key at {@code position}, or -1 past its end. */
    int byteAt(int position, int offset) {
        int i = start[position] + offset;
        return i < keyEnd(position) ? arena[i] & 0xFF : -1;
    }

    /** Position of the smallest entry id in {@code [lo, hi)}, which must not be empty. */
    int best(int lo, int hi) {
        int best = -1;
        for (int l = lo + n, r = hi + n; l < r; l >>= 1, r >>= 1) {
            if ((l & 1) == 1) {
                best = better(best, position(l++));
            }
            if ((r & 1) == 1) {
                best = better(best, position(--r));
            }
        }
        return best;
    }

    private int position(int node) {
        return node >= n ? node - n : tree[node];
    }

    private int better(int p, int q) {
        if (p < 0) {
            return q;
        }
        return tree[n + q] < tree[n + p] ? q : p;
    }
}
