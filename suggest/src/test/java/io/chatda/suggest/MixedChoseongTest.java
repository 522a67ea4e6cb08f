package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.suggest.SuggestEntry.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MixedChoseongTest {

    private static List<String> texts(List<Suggestion> s) {
        return s.stream().map(Suggestion::text).toList();
    }

    @Test
    void theLastTypedSyllableAcceptsEveryVowelTypedByContinuingIt() {
        int[] masks = MixedChoseong.masks("ㅇ고".toCharArray(), KeyCodec.INSTANCE);
        assertThat(masks).hasSize(4);
        assertThat(masks[0]).isEqualTo(-1);
        for (String ok : List.of("고", "과", "괘", "괴", "곡")) {
            assertThat(masks[2] >>> MixedChoseong.vowelCode(ok.charAt(0)) & 1)
                    .as(ok)
                    .isEqualTo(1);
            assertThat(masks[3] >>> MixedChoseong.finalCode(ok.charAt(0)) & 1)
                    .as(ok)
                    .isEqualTo(1);
        }
        for (String no : List.of("가", "구", "궈")) {
            assertThat(masks[2] >>> MixedChoseong.vowelCode(no.charAt(0)) & 1)
                    .as(no)
                    .isZero();
        }
        int[] withFinal = MixedChoseong.masks("ㅇ반".toCharArray(), KeyCodec.INSTANCE);
        for (String ok : List.of("반", "밚", "밙")) {
            assertThat(withFinal[3] >>> MixedChoseong.finalCode(ok.charAt(0)) & 1)
                    .as(ok)
                    .isEqualTo(1);
        }
        for (String no : List.of("바", "발", "밤")) {
            assertThat(withFinal[3] >>> MixedChoseong.finalCode(no.charAt(0)) & 1)
                    .as(no)
                    .isZero();
        }
        int[] inner = MixedChoseong.masks("고ㅇ".toCharArray(), KeyCodec.INSTANCE);
        assertThat(inner[0] >>> MixedChoseong.vowelCode('과') & 1)
                .as("a finished syllable is that syllable")
                .isZero();
        assertThat(inner[1] >>> MixedChoseong.finalCode('곡') & 1)
                .as("a finished syllable is that syllable")
                .isZero();
        CompletionIndex idx = CompletionIndex.build(
                List.of(new SuggestEntry("아과", 1, Kind.QUERY, ""), new SuggestEntry("과일", 1, Kind.QUERY, "")));
        assertThat(texts(idx.suggest("ㅇ고", 10))).containsExactly("아과");
        assertThat(texts(idx.suggest("고ㅇ", 10))).isEmpty();
    }

    /** Mixed input starting with an initial, over ranges with few and with many matches: as a brute force says. */
    @Test
    void scannedRangesGiveTheHeaviestMatchesBestFirst() {
        Random random = new Random(3);
        List<SuggestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            // choseong ㅇㄱ…: 아 + a syllable with initial ㄱ and a random vowel and final + one more syllable
            char second = (char) ('가' + random.nextInt(21) * 28 + random.nextInt(28));
            char third = (char) ('가' + random.nextInt(11172));
            entries.add(new SuggestEntry("아" + second + third, 1 + random.nextInt(500), Kind.QUERY, ""));
        }
        CompletionIndex idx = CompletionIndex.build(entries);
        for (String typed : List.of("ㅇ겨", "ㅇ고", "ㅇ곽", "ㅇ가", "ㅇ긔", "ㅇ각", "ㅇ갃")) {
            String syllable = typed.substring(1);
            byte[] prefix = KeyCodec.INSTANCE.unitsOf(syllable.charAt(0));
            List<String> expected = entries.stream()
                    .filter(e -> startsWith(KeyCodec.INSTANCE.unitsOf(e.text().charAt(1)), prefix))
                    .collect(java.util.stream.Collectors.toMap(SuggestEntry::text, SuggestEntry::weight, Double::sum))
                    .entrySet()
                    .stream()
                    .sorted(Comparator.comparing((java.util.Map.Entry<String, Double> e) -> -e.getValue())
                            .thenComparing(e -> KeyCodec.INSTANCE.key(e.getKey()), java.util.Arrays::compareUnsigned))
                    .limit(20)
                    .map(java.util.Map.Entry::getKey)
                    .toList();
            assertThat(expected).as(typed).isNotEmpty();
            // inputs of four units also find typos, which may outrank some: the choseong matches
            // among the answer are the best ones, in order
            List<String> choseong = idx.suggest(typed, 20).stream()
                    .filter(s -> s.match() == Suggestion.Match.CHOSEONG)
                    .map(Suggestion::text)
                    .toList();
            assertThat(choseong).as(typed).hasSizeGreaterThan(5);
            assertThat(choseong).as(typed).containsExactlyElementsOf(expected.subList(0, choseong.size()));
        }
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && java.util.Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
    }
}
