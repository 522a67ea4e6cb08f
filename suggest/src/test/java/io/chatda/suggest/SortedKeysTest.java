package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SortedKeysTest {

    /** The blocked range minimum: the smallest id, of equal ids the first position, for every kind of range. */
    @Test
    void bestIsTheFirstPositionOfTheSmallestIdInAnyRange() {
        Random random = new Random(5);
        for (int n : new int[] {1, 31, 32, 33, 64, 65, 100, 1000, 4099}) {
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = random.nextInt(Math.max(1, n / 3)); // duplicates, like an entry at two word starts
            }
            SortedKeys keys = new SortedKeys(new byte[1], new int[n + 1], new int[n], ids, SortedKeys.Shape.PLAIN);
            assertThat(keys.tree()).hasSize(SortedKeys.treeLength(n));
            for (int t = 0; t < 2000; t++) {
                int lo = random.nextInt(n);
                int hi = lo + 1 + random.nextInt(n - lo);
                int expected = lo;
                for (int p = lo + 1; p < hi; p++) {
                    if (ids[p] < ids[expected]) {
                        expected = p;
                    }
                }
                assertThat(keys.best(lo, hi)).as("n %d [%d, %d)", n, lo, hi).isEqualTo(expected);
            }
            SortedKeys restored =
                    SortedKeys.restore(new byte[1], new int[n + 1], new int[n], keys.tree(), SortedKeys.Shape.PLAIN);
            assertThat(restored.best(0, n)).isEqualTo(keys.best(0, n));
        }
    }

    /**
     * The searches through heads and sampled heads find what a scan finds: for prefixes short and
     * long (past the eight bytes of a head), over the whole array and within ranges of a shorter prefix.
     */
    @Test
    void searchesAgreeWithAScanOfTheKeys() {
        Random random = new Random(11);
        byte[] alphabet = {1, 2, 3, 0x41, (byte) 0x90, (byte) 0xF0};
        int n = 20_000;
        byte[][] keys = new byte[n][];
        for (int e = 0; e < n; e++) {
            keys[e] = new byte[1 + random.nextInt(14)];
            for (int i = 0; i < keys[e].length; i++) {
                // mostly the first two letters, so short prefixes have long ranges and long ones share heads
                keys[e][i] = alphabet[random.nextInt(10) < 8 ? random.nextInt(2) : random.nextInt(alphabet.length)];
            }
        }
        int[] ends = new int[n + 1];
        for (int e = 0; e < n; e++) {
            ends[e + 1] = ends[e] + keys[e].length;
        }
        byte[] arena = new byte[ends[n]];
        for (int e = 0; e < n; e++) {
            System.arraycopy(keys[e], 0, arena, ends[e], keys[e].length);
        }
        Comparator<Integer> byKey = (a, b) -> Arrays.compareUnsigned(keys[a], keys[b]);
        int[] ids = IntStream.range(0, n)
                .boxed()
                .sorted(byKey)
                .mapToInt(Integer::intValue)
                .toArray();
        int[] start = Arrays.stream(ids).map(e -> ends[e]).toArray();
        SortedKeys sorted = new SortedKeys(arena, ends, start, ids, SortedKeys.Shape.HEADED);
        for (int t = 0; t < 20_000; t++) {
            byte[] source = keys[random.nextInt(n)];
            byte[] q = Arrays.copyOf(source, 1 + random.nextInt(source.length + 1));
            if (random.nextBoolean()) {
                q[random.nextInt(q.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = random.nextInt(q.length);
            long outer = from == 0 ? n : scan(sorted, q, 0, from, 0, n);
            int lo = (int) (outer >>> 32);
            int hi = from == 0 ? n : (int) outer;
            long expected = scan(sorted, q, from, q.length, lo, hi);
            String what = Arrays.toString(q) + " from " + from + " in [" + lo + ", " + hi + ")";
            assertThat(sorted.range(q, from, q.length, lo, hi)).as(what).isEqualTo(expected);
            assertThat(sorted.lowerBound(q, from, q.length, lo, hi)).as(what).isEqualTo((int) (expected >>> 32));
            assertThat(sorted.upperBound(q, from, q.length, lo, hi)).as(what).isEqualTo((int) expected);
        }
    }

    /** Lower and upper bound of the keys starting with {@code q[0, qLen)} in {@code [lo, hi)}, by a scan. */
    private static long scan(SortedKeys sorted, byte[] q, int from, int qLen, int lo, int hi) {
        int first = lo;
        while (first < hi && sorted.comparePrefix(first, q, 0, qLen) < 0) {
            first++;
        }
        int last = first;
        while (last < hi && sorted.comparePrefix(last, q, 0, qLen) == 0) {
            last++;
        }
        return (long) first << 32 | last;
    }
}
