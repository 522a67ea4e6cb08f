package io.chatda.suggest;

/**
 * Key suffixes in sorted order, each pointing at its entry, with a range-minimum tree over the entry
 * ids. Entries are numbered heaviest first, so the smallest id in a range of matching keys is the
 * heaviest match: the top k of any prefix range come out of k tree queries and a small heap, however
 * many keys the range holds (Hsu and Ottaviano, WWW 2013, with a segment tree for the RMQ).
 *
 * <p>Layout, for {@code n} keys in {@code b = ceil(n / 32)} blocks of 32: {@code tree[i]} is the
 * entry id of the i-th key; {@code tree[n + b + j]} the position of the smallest id in block j and
 * {@code tree[n + 1..n + b)} a segment tree over those (each inner node the position of the smallest
 * id below it), so a query reads the ids of at most two partial blocks side by side and walks a tree
 * 32 times smaller than the keys (4.25 bytes per key instead of 8); {@code start[i]} is where the
 * i-th key begins in the arena (it ends where its entry's key ends).
 * A {@link Shape#SKIP_SECOND} array sorts whole keys as if their second unit were not there, which
 * answers "a unit substituted or inserted after the first" with one range instead of one per unit.
 * Immutable once built.
 */
final class SortedKeys {

    /** How the keys of a sorted array are read and searched. */
    enum Shape {
        /** Keys as stored, compared byte by byte. */
        PLAIN,
        /** Keys as stored, with an eight-byte head per key that decides most binary-search steps. */
        HEADED,
        /** Whole keys of two or more units read without their second unit, with heads. */
        SKIP_SECOND,
        /** Whole keys of three or more units read without their third unit, with heads. */
        SKIP_THIRD;

        /** Index of the unit a skipping shape leaves out, else -1. */
        int skipped() {
            return this == SKIP_SECOND ? 1 : this == SKIP_THIRD ? 2 : -1;
        }
    }

    private final byte[] arena;
    /** End of each entry's key in the arena: entry e's key ends at {@code ends[e + 1]}. */
    private final int[] ends;

    private final int[] start;
    private final int[] tree;
    /**
     * The first eight bytes of each sorted key, big-endian, zero-padded (derived, not saved): most
     * steps of a binary search are decided here with one memory access instead of three.
     */
    private final long[] heads;
    /**
     * Every {@link #SAMPLE}-th head (derived, not saved): a search first finds the block its bounds
     * lie in here, in an array small enough to stay in cache, then reads only that block's heads,
     * instead of a dozen heads spread over megabytes, each a cache miss.
     */
    private final long[] samples;
    /** Keys per sampled head. */
    private static final int SAMPLE = 32;

    private final Shape shape;
    /** Keys per block of the range-minimum structure. */
    private static final int BLOCK = 32;

    private final int n;

    SortedKeys(byte[] arena, int[] ends, int[] start, int[] ids, Shape shape) {
        this.shape = shape;
        this.arena = arena;
        this.ends = ends;
        this.n = ids.length;
        this.tree = new int[treeLength(n)];
        System.arraycopy(ids, 0, tree, 0, n);
        this.start = wholeKeys(start, tree, ends, n) ? null : start;
        int blocks = blocks(n);
        for (int b = 0; b < blocks; b++) {
            tree[n + blocks + b] = scan(b * BLOCK, Math.min(n, (b + 1) * BLOCK));
        }
        for (int i = blocks - 1; i >= 1; i--) {
            tree[n + i] = better(tree[n + 2 * i], tree[n + 2 * i + 1]);
        }
        this.heads = computeHeads();
        this.samples = sample(heads);
    }

    /** Restores a saved structure (arrays as returned by the accessors, shape as {@link #shape()}). */
    static SortedKeys restore(byte[] arena, int[] ends, int[] start, int[] tree, Shape shape) {
        return new SortedKeys(arena, ends, start, tree, shape, true);
    }

    private SortedKeys(byte[] arena, int[] ends, int[] start, int[] tree, Shape shape, boolean restored) {
        this.shape = shape;
        this.arena = arena;
        this.ends = ends;
        this.tree = tree;
        this.n = start.length;
        this.start = wholeKeys(start, tree, ends, n) ? null : start;
        this.heads = computeHeads();
        this.samples = sample(heads);
    }

    private static long[] sample(long[] heads) {
        if (heads == null) {
            return null;
        }
        long[] out = new long[(heads.length + SAMPLE - 1) / SAMPLE];
        for (int i = 0; i < out.length; i++) {
            out[i] = heads[i * SAMPLE];
        }
        return out;
    }

    /** Whether every key starts where its entry's key does (whole keys, not suffixes): no need to keep the starts. */
    private static boolean wholeKeys(int[] start, int[] ids, int[] ends, int n) {
        for (int p = 0; p < n; p++) {
            if (start[p] != ends[ids[p]]) {
                return false;
            }
        }
        return true;
    }

    private long[] computeHeads() {
        if (shape == Shape.PLAIN) {
            return null;
        }
        long[] h = new long[n];
        for (int p = 0; p < n; p++) {
            if (shape == Shape.HEADED) {
                h[p] = head(arena, keyStart(p), keyEnd(p));
            } else {
                h[p] = skipHead(arena, keyStart(p), keyEnd(p), shape);
            }
        }
        return h;
    }

    /** Bytes before the unit a skipping shape leaves out, in the key starting at {@code a}. */
    static int skippedAt(byte[] arena, int a, Shape shape) {
        int first = KeyCodec.unitLength(arena[a]);
        return shape == Shape.SKIP_SECOND ? first : first + KeyCodec.unitLength(arena[a + first]);
    }

    /** {@link #head} of a key read without the unit {@code shape} leaves out. */
    static long skipHead(byte[] bytes, int from, int to, Shape shape) {
        int first = skippedAt(bytes, from, shape);
        int shift = KeyCodec.unitLength(bytes[from + first]);
        long p = 0;
        for (int i = 0; i < 8; i++) {
            int at = from + i + (i >= first ? shift : 0);
            p = p << 8 | (at < to ? bytes[at] & 0xFF : 0);
        }
        return p;
    }

    /**
     * Compares two keys read without the unit {@code shape} leaves out, as unsigned bytes; for
     * sorting a skipping array.
     */
    static int compareSkipping(byte[] arena, int a, int aEnd, int b, int bEnd, Shape shape) {
        int aFirst = skippedAt(arena, a, shape);
        int bFirst = skippedAt(arena, b, shape);
        int aShift = KeyCodec.unitLength(arena[a + aFirst]);
        int bShift = KeyCodec.unitLength(arena[b + bFirst]);
        int aLen = aEnd - a - aShift;
        int bLen = bEnd - b - bShift;
        for (int i = 0; i < Math.min(aLen, bLen); i++) {
            int d = (arena[a + i + (i >= aFirst ? aShift : 0)] & 0xFF)
                    - (arena[b + i + (i >= bFirst ? bShift : 0)] & 0xFF);
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(aLen, bLen);
    }

    /** The first eight bytes of {@code bytes[from, to)}, big-endian, zero-padded: orders like the bytes, unsigned. */
    static long head(byte[] bytes, int from, int to) {
        long p = 0;
        for (int i = 0; i < 8; i++) {
            p = p << 8 | (from + i < to ? bytes[from + i] & 0xFF : 0);
        }
        return p;
    }

    /** Bytes of the heads a search for a {@code qLen}-byte query compares, or 0 when the heads can't decide (a zero byte). */
    private static int headBytes(byte[] q, int qLen) {
        int m = Math.min(qLen, 8);
        for (int i = 0; i < m; i++) {
            if (q[i] == 0) {
                return 0; // a key ending there pads with 0 too: only the full comparison tells them apart
            }
        }
        return m;
    }

    /**
     * {@link #comparePrefix(int, byte[], int, int)} through the heads: {@code qHead} is the query's
     * head masked to its {@code m > 0} bytes ({@link #headBytes}); keys shorter than those bytes pad
     * with 0, below any query byte, so a difference in the heads decides as the bytes would.
     */
    private int compareWithHead(int position, long mask, long qHead, int m, byte[] q, int from, int qLen) {
        long h = heads[position] & mask;
        if (h != qHead) {
            return Long.compareUnsigned(h, qHead);
        }
        return qLen <= m ? 0 : comparePrefix(position, q, Math.max(from, m), qLen);
    }

    int size() {
        return n;
    }

    /**
     * Where each sorted key starts in the arena. Only an array of suffixes (word starts, choseong)
     * keeps them; one of whole keys computes them here for saving: they start where the previous
     * entry's key ends.
     */
    int[] start() {
        if (start != null) {
            return start;
        }
        int[] out = new int[n];
        for (int p = 0; p < n; p++) {
            out[p] = keyStart(p);
        }
        return out;
    }

    int[] tree() {
        return tree;
    }

    /** Heap bytes of the arrays this structure holds itself (not the shared arena and ends). */
    long memoryBytes() {
        return array(4L * tree.length)
                + (start == null ? 0 : array(4L * start.length))
                + (heads == null ? 0 : array(8L * heads.length) + array(8L * samples.length));
    }

    private static long array(long payload) {
        return 16 + (payload + 7) / 8 * 8;
    }

    /** The heads, or null for a {@link Shape#PLAIN} array. */
    long[] heads() {
        return heads;
    }

    Shape shape() {
        return shape;
    }

    int id(int position) {
        return tree[position];
    }

    int keyStart(int position) {
        return start != null ? start[position] : ends[tree[position]];
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
        return bound(q, from, qLen, lo, hi, 0);
    }

    /** First position whose key neither starts with {@code q} nor sorts below it, in {@code [lo, hi)}. */
    int upperBound(byte[] q, int qLen, int lo, int hi) {
        return upperBound(q, 0, qLen, lo, hi);
    }

    /** {@link #upperBound(byte[], int, int, int)} when every key in {@code [lo, hi)} starts with {@code q[0, from)}. */
    int upperBound(byte[] q, int from, int qLen, int lo, int hi) {
        return bound(q, from, qLen, lo, hi, 1);
    }

    /**
     * Binary search of {@code [lo, hi)} for the first key that compares with {@code q} at least
     * {@code below}: 0 finds the lower bound of the keys starting with {@code q}, 1 the upper.
     */
    private int bound(byte[] q, int from, int qLen, int lo, int hi, int below) {
        int m = headBytes(q, from, qLen);
        long mask = bytesMask(0, m);
        return bound(q, from, qLen, lo, hi, below, m, mask, m > 0 ? head(q, 0, qLen) & mask : 0);
    }

    /**
     * The part of {@code [lo, hi)} the sampled heads leave for the bound that compares at least
     * {@code below} with the query, packed as {@code lo << 32 | hi}. Keys whose masked head is below
     * the query's sort before every match, those above it after every match; between them, when the
     * head decides ({@code qLen <= m}), every key matches.
     */
    private long narrow(long mask, long qHead, boolean headDecides, int lo, int hi, int below) {
        int sLo = (lo + SAMPLE - 1) / SAMPLE;
        int sHi = (hi - 1) / SAMPLE + 1;
        int j = below == 0 || !headDecides ? sampleBound(mask, qHead, sLo, sHi, 0) : sLo;
        int k = below == 1 || !headDecides ? sampleBound(mask, qHead, j, sHi, 1) : sHi;
        // every key up to sample 'under' - 1 compares below the bound; sample 'over' compares at least at it
        int under = below == 1 && headDecides ? k : j;
        int over = below == 0 && headDecides ? j : k;
        int narrowLo = under > sLo ? (under - 1) * SAMPLE + 1 : lo;
        int narrowHi = over < sHi ? Math.min(hi, over * SAMPLE) : hi;
        return (long) narrowLo << 32 | narrowHi;
    }

    /**
     * First sample index in {@code [sLo, sHi)} whose masked head compares with {@code qHead} at least
     * {@code below} (0: not below it, 1: above it), else {@code sHi}.
     */
    private int sampleBound(long mask, long qHead, int sLo, int sHi, int below) {
        while (sLo < sHi) {
            int mid = (sLo + sHi) >>> 1;
            if (Integer.signum(Long.compareUnsigned(samples[mid] & mask, qHead)) < below) {
                sLo = mid + 1;
            } else {
                sHi = mid;
            }
        }
        return sLo;
    }

    /** {@link #bound(byte[], int, int, int, int, int)} with the query's head state already worked out. */
    private int bound(byte[] q, int from, int qLen, int lo, int hi, int below, int m, long mask, long qHead) {
        if (m > 0 && hi - lo > 2 * SAMPLE) {
            long narrowed = narrow(mask, qHead, qLen <= m, lo, hi, below);
            lo = (int) (narrowed >>> 32);
            hi = (int) narrowed;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareAt(mid, q, from, qLen, m, mask, qHead) < below) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * {@link #lowerBound(byte[], int, int, int, int)} and {@link #upperBound(byte[], int, int, int,
     * int)} at once, packed as {@code lo << 32 | hi}: the two searches share their steps until one
     * lands on a key starting with {@code q}, then each goes on in its own half. The upper bound
     * then searches a range the shared steps have already narrowed, instead of everything above
     * the lower bound (on a million keys, a dozen fewer reads of memory no other lookup touched).
     */
    long range(byte[] q, int from, int qLen, int lo, int hi) {
        int m = headBytes(q, from, qLen);
        long mask = bytesMask(0, m);
        long qHead = m > 0 ? head(q, 0, qLen) & mask : 0;
        if (m > 0 && hi - lo > 2 * SAMPLE) {
            if (qLen <= m) {
                int first = bound(q, from, qLen, lo, hi, 0, m, mask, qHead);
                return (long) first << 32 | bound(q, from, qLen, first, hi, 1, m, mask, qHead);
            }
            long narrowed = narrow(mask, qHead, false, lo, hi, 0);
            lo = (int) (narrowed >>> 32);
            hi = (int) narrowed;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareAt(mid, q, from, qLen, m, mask, qHead);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid;
            } else {
                return (long) bound(q, from, qLen, lo, mid, 0, m, mask, qHead) << 32
                        | bound(q, from, qLen, mid + 1, hi, 1, m, mask, qHead);
            }
        }
        return (long) lo << 32 | lo;
    }

    /** Bytes of the query's head a search of this array compares ({@link #headBytes}), 0 for none. */
    private int headBytes(byte[] q, int from, int qLen) {
        return from < 8 && heads != null ? headBytes(q, qLen) : 0;
    }

    /** A mask of bytes {@code [from, to)} of a big-endian eight-byte {@link #head}. */
    static long bytesMask(int from, int to) {
        return from >= to ? 0 : (-1L >>> (8 * from)) & (-1L << (8 * (8 - to)));
    }

    /** One search step: the key at {@code position} against {@code q}, through the heads when {@code m > 0}. */
    private int compareAt(int position, byte[] q, int from, int qLen, int m, long mask, long qHead) {
        return m > 0
                ? compareWithHead(position, mask, qHead, m, q, from, qLen)
                : comparePrefix(position, q, from, qLen);
    }

    /** {@link #range(byte[], int, int, int, int)} over the whole array. */
    long range(byte[] q, int qLen) {
        return range(q, 0, qLen, 0, n);
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
        int a = keyStart(position);
        int end = keyEnd(position);
        if (shape.skipped() > 0) {
            int first = skippedAt(arena, a, shape);
            int shift = KeyCodec.unitLength(arena[a + first]);
            int skipped = end - a - shift;
            for (int i = from; i < Math.min(skipped, qLen); i++) {
                int d = (arena[a + i + (i >= first ? shift : 0)] & 0xFF) - (q[i] & 0xFF);
                if (d != 0) {
                    return d;
                }
            }
            return skipped < qLen ? -1 : 0;
        }
        int len = Math.min(end - a, qLen);
        for (int i = from; i < len; i++) {
            int d = (arena[a + i] & 0xFF) - (q[i] & 0xFF);
            if (d != 0) {
                return d;
            }
        }
        return end - a < qLen ? -1 : 0;
    }

    /** The first eight bytes of the key at {@code position}, big-endian, zero-padded ({@link #head}); not for a {@link Shape#PLAIN} array. */
    long headAt(int position) {
        return heads[position];
    }

    /** The byte at {@code offset} of the key at {@code position} as stored, or -1 past its end. */
    int byteAt(int position, int offset) {
        int i = keyStart(position) + offset;
        return i < keyEnd(position) ? arena[i] & 0xFF : -1;
    }

    /** Length of the {@link #tree()} array for {@code n} keys. */
    static int treeLength(int n) {
        return n + 2 * blocks(n);
    }

    private static int blocks(int n) {
        return Math.max(1, (n + BLOCK - 1) / BLOCK);
    }

    /**
     * Position of the smallest entry id in {@code [lo, hi)}, which must not be empty; of equal ids
     * (an entry at two word starts) the first.
     */
    int best(int lo, int hi) {
        if (hi - lo <= 2 * BLOCK) {
            return scan(lo, hi);
        }
        int first = (lo + BLOCK - 1) / BLOCK;
        int last = hi / BLOCK;
        int best = lo < first * BLOCK ? scan(lo, first * BLOCK) : -1;
        int blocks = blocks(n);
        int fromTree = -1;
        for (int l = first + blocks, r = last + blocks; l < r; l >>= 1, r >>= 1) {
            if ((l & 1) == 1) {
                fromTree = better(fromTree, tree[n + l++]);
            }
            if ((r & 1) == 1) {
                fromTree = better(fromTree, tree[n + --r]);
            }
        }
        best = better(best, fromTree);
        return last * BLOCK < hi ? better(best, scan(last * BLOCK, hi)) : best;
    }

    /** {@link #best} by reading the ids of {@code [lo, hi)} one by one. */
    private int scan(int lo, int hi) {
        int best = lo;
        for (int p = lo + 1; p < hi; p++) {
            if (tree[p] < tree[best]) {
                best = p;
            }
        }
        return best;
    }

    private int better(int p, int q) {
        if (p < 0) {
            return q;
        }
        if (q < 0) {
            return p;
        }
        int a = tree[p];
        int b = tree[q];
        return b < a || (b == a && q < p) ? q : p;
    }
}
