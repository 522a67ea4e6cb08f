package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.suggest.SuggestEntry.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The array of keys read without their second unit, and the typos it answers. */
class SkipKeysTest {

    private static final String UNITS = "abcㄱㄴㅏㅓ漢字";

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int k = 1 + random.nextInt(5); k > 0; k--) {
            sb.append(UNITS.charAt(random.nextInt(UNITS.length())));
        }
        return sb.toString();
    }

    private static byte[] without(byte[] key, int unit) {
        int first = 0;
        for (int u = 0; u < unit; u++) {
            first += KeyCodec.unitLength(key[first]);
        }
        int second = KeyCodec.unitLength(key[first]);
        byte[] out = new byte[key.length - second];
        System.arraycopy(key, 0, out, 0, first);
        System.arraycopy(key, first + second, out, first, key.length - first - second);
        return out;
    }

    @Test
    void aPrefixRangeHoldsExactlyTheKeysThatStartWithItWithoutTheirSecondOrThirdUnit() {
        Random random = new Random(11);
        List<SuggestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            entries.add(new SuggestEntry(randomText(random), 1 + random.nextInt(100), Kind.QUERY, ""));
        }
        CompletionIndex idx = CompletionIndex.build(entries);
        for (SortedKeys skip : List.of(idx.bySecondSkipped, idx.byThirdSkipped)) {
            int unit = skip.shape().skipped();
            for (int i = 0; i < 300; i++) {
                byte[] q = KeyCodec.INSTANCE.key(randomText(random));
                Set<Integer> expected = new HashSet<>();
                for (int id = 0; id < idx.size(); id++) {
                    byte[] key = Arrays.copyOfRange(idx.keys, idx.keyEnds[id], idx.keyEnds[id + 1]);
                    if (KeyCodec.units(key) > unit) {
                        byte[] s = without(key, unit);
                        if (s.length >= q.length && Arrays.equals(s, 0, q.length, q, 0, q.length)) {
                            expected.add(id);
                        }
                    }
                }
                int lo = skip.lowerBound(q, q.length, 0, skip.size());
                int hi = skip.upperBound(q, q.length, lo, skip.size());
                Set<Integer> found = new HashSet<>();
                for (int p = lo; p < hi; p++) {
                    found.add(skip.id(p));
                }
                assertThat(found)
                        .as(new String(q, java.nio.charset.StandardCharsets.ISO_8859_1))
                        .isEqualTo(expected);
                if (hi > lo) {
                    int best = skip.best(lo, hi);
                    assertThat(skip.id(best))
                            .isEqualTo(expected.stream()
                                    .mapToInt(Integer::intValue)
                                    .min()
                                    .orElseThrow());
                }
            }
        }
    }

    @Test
    void typosAtTheSecondUnitIncludingWideUnitsAreFoundAndHighlighted() {
        CompletionIndex idx = CompletionIndex.build(List.of(
                new SuggestEntry("search", 5, Kind.QUERY, ""),
                new SuggestEntry("a漢bcd", 3, Kind.QUERY, ""),
                new SuggestEntry("검색엔진", 4, Kind.QUERY, "")));
        for (String typed :
                List.of("sxarch", "saearch", "sexrch", "seaarch", "axbcd", "abcd", "a字bc", "a漢xcd", "겁색엔", "겅색엔")) {
            List<Suggestion> s = idx.suggest(typed, 10);
            assertThat(s).as(typed).hasSize(1);
            assertThat(s.get(0).match()).as(typed).isEqualTo(Suggestion.Match.TYPO);
        }
        // substituting the wide 漢 by x: the whole typed span, 4 characters, is highlighted
        assertThat(idx.suggest("axbcd", 10).get(0).spans()).containsExactly(new Suggestion.Span(0, 5));
        assertThat(idx.suggest("a字bc", 10).get(0).spans()).containsExactly(new Suggestion.Span(0, 4));
        assertThat(idx.suggest("abcd", 10).get(0).spans()).containsExactly(new Suggestion.Span(0, 5));
    }
}
