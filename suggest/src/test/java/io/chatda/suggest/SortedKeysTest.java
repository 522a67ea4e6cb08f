package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
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
            SortedKeys restored = SortedKeys.restore(new byte[1], new int[n + 1], new int[n], keys.tree(),
                    SortedKeys.Shape.PLAIN);
            assertThat(restored.best(0, n)).isEqualTo(keys.best(0, n));
        }
    }
}
