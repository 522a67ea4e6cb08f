package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the texts, every word and phrase built from them is a string of them at word boundaries. */
class VocabularyPropertiesTest {

    private static final List<String> PIECES = List.of(
            "교착상태", "예방", "멱등성", "직렬화", "객체지향", "프로그래밍", "마이크로", "서비스", "레디스", "리디렉션", "thread", "pool", "Hash",
            "table", "c++", "node.js", "api", "데이터", "가", "를", "은", "하는", "합니다", "의", "에서", "이", "으로", "적", "들", "하여");
    private static final List<String> GAPS = List.of(" ", " ", " ", "", "", ". ", ", ", "(", ")", "\"", "-", "\n", "/");

    @Provide
    Arbitrary<List<String>> documents() {
        Arbitrary<String> text = Arbitraries.integers()
                .between(1, 25)
                .flatMap(n -> Arbitraries.of(PIECES)
                        .list()
                        .ofSize(n)
                        .flatMap(pieces -> Arbitraries.of(GAPS).list().ofSize(n).map(gaps -> {
                            StringBuilder b = new StringBuilder();
                            for (int i = 0; i < pieces.size(); i++) {
                                b.append(pieces.get(i)).append(gaps.get(i));
                            }
                            return b.toString();
                        })));
        return text.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 300)
    void everySuggestionOccursInTheSourceAtWordBoundaries(@ForAll("documents") List<String> documents) {
        Vocabulary v = new Vocabulary();
        for (String d : documents) {
            v.add("", List.of(d));
        }
        List<String> sources = new ArrayList<>();
        for (String d : documents) {
            sources.add(d.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")); // a phrase's space stands for any
        }
        for (SuggestEntry e : v.build().entries()) {
            String s = e.text().toLowerCase(Locale.ROOT);
            assertThat(sources.stream().anyMatch(src -> occursAtBoundaries(src, s)))
                    .as("%s from %s", e.text(), documents)
                    .isTrue();
        }
    }

    /**
     * Whether {@code s} occurs in {@code text} starting at a word boundary and ending at one, or before a Korean
     * particle or ending (교착상태 in 교착상태가).
     */
    static boolean occursAtBoundaries(String text, String s) {
        for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
            int end = at + s.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endOk = end == text.length()
                    || !Character.isLetterOrDigit(text.charAt(end))
                    || KoreanEndings.isHangul(text.charAt(end))
                            && (KoreanEndings.isHangul(text.charAt(end - 1))
                                    || Character.isLetterOrDigit(text.charAt(end - 1)));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }
}
