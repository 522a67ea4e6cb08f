package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.hangul.Choseong;
import io.chatda.hangul.Jamo;
import io.chatda.hangul.KeyboardLayout;
import io.chatda.suggest.SuggestEntry.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The engine against {@link BruteForceSuggester} over random small dictionaries: same answers, in the same order,
 * with the same scores and match modes, for input built to reach every mode (prefixes, IME states, word starts,
 * initials alone and mixed with syllables, the other keyboard layout, one-unit typos), with and without a site
 * filter, at every limit; and, with a bound on the candidates a lookup may examine, a shorter answer that is
 * still right as far as it goes. jqwik's random seeds: a failure prints the dictionary, input and seed. No edge
 * cases: there are thousands of combinations, and random ints reach limit 1 and weight 0 often enough.
 */
class CompletionIndexReferenceTest {

    /** Syllables sharing initials, vowels and finals, with double initials (까) and compound finals (값, 밚). */
    private static final String SYLLABLES = "검색엔진거미고과괴반밚가각간값까나한국사상서버교착";

    private static final String LATIN = "aerstjkAE";
    private static final List<String> SEPARATORS = List.of(" ", " ", " ", "  ", "-", "(", ")", "");
    private static final List<String> SITES = List.of("", "", "", "a", "b");
    /** Units a typo may put in: jamo and letters, some of them the typed text's own. */
    private static final String TYPO_UNITS = "ㄱㅅㅓㅁㅔㅐㅏㄴaerst";

    @Provide
    Arbitrary<List<SuggestEntry>> dictionaries() {
        Arbitrary<String> hangul = Arbitraries.of(SYLLABLES
                        .chars()
                        .mapToObj(c -> String.valueOf((char) c))
                        .toList())
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(s -> String.join("", s));
        Arbitrary<String> latin =
                Arbitraries.strings().withChars(LATIN).ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> jamo = Arbitraries.of("ㄱ", "ㅅ", "ㄳ", "ㅏ", "ㄱㅅ", "1", "24");
        Arbitrary<String> word = Arbitraries.frequencyOf(
                Tuple.of(6, hangul),
                Tuple.of(4, latin),
                Tuple.of(1, jamo),
                Tuple.of(2, Combinators.combine(hangul, latin, hangul).as((a, b, c) -> a + b + c)));
        Arbitrary<String> text = Combinators.combine(
                        word.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(SEPARATORS).list().ofSize(3))
                .as((words, gaps) -> {
                    StringBuilder b = new StringBuilder(gaps.get(2).isBlank() ? gaps.get(2) : "");
                    for (int i = 0; i < words.size(); i++) {
                        b.append(i > 0 ? gaps.get(i - 1) : "").append(words.get(i));
                    }
                    return b.toString();
                });
        Arbitrary<SuggestEntry> entry = Combinators.combine(
                        text,
                        Arbitraries.integers().between(0, 12),
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.of(SITES))
                .as((t, halves, kind, url, site) -> new SuggestEntry(
                        t,
                        halves / 2.0,
                        kind,
                        url == 0 ? "" : "https://example.org/" + url,
                        kind == Kind.QUERY ? "" : site));
        // entries drawn again from the same dictionary merge (same key and site)
        return entry.list()
                .ofMinSize(1)
                .ofMaxSize(24)
                .flatMap(list -> Arbitraries.of(list).list().ofMaxSize(6).map(again -> {
                    List<SuggestEntry> all = new ArrayList<>(list);
                    all.addAll(again);
                    return all;
                }));
    }

    @Provide
    Arbitrary<Typing> typings() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 1000);
        return Combinators.combine(Arbitraries.integers().between(0, 7), any, any, any)
                .as(Typing::new);
    }

    @Provide
    Arbitrary<String> sites() {
        return Arbitraries.of("", "", "", "", "a", "b", "unknown");
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void theEngineAnswersAsTheBruteForceReference(
            @ForAll("dictionaries") List<SuggestEntry> entries,
            @ForAll("typings") Typing typing,
            @ForAll @IntRange(min = 1, max = Suggester.MAX_LIMIT) int limit,
            @ForAll("sites") String site) {
        String typed = typing.typed(entries);
        List<BruteForceSuggester.Answer> expected = new BruteForceSuggester(entries).suggest(typed, limit, site);

        List<Suggestion> actual = CompletionIndex.build(entries).suggest(typed, limit, site);

        assertThat(answers(actual)).as(describe(entries, typed, limit, site)).isEqualTo(expected);
        for (Suggestion s : actual) {
            assertThat(s.spans())
                    .allSatisfy(span ->
                            assertThat(span.end()).isLessThanOrEqualTo(s.text().length()));
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void aBoundOnCandidatesShortensTheAnswerButKeepsItRight(
            @ForAll("dictionaries") List<SuggestEntry> entries,
            @ForAll("typings") Typing typing,
            @ForAll @IntRange(min = 1, max = Suggester.MAX_LIMIT) int limit,
            @ForAll @IntRange(min = 1, max = 12) int maxPops) {
        String typed = typing.typed(entries);
        CompletionIndex index = CompletionIndex.build(entries);
        byte[] key = index.codec.key(typed);
        BruteForceSuggester reference = new BruteForceSuggester(entries);
        List<BruteForceSuggester.Answer> full = reference.suggest(typed, limit, "");
        if (key.length == 0 || index.size() == 0) {
            return;
        }

        List<BruteForceSuggester.Answer> bounded = answers(new Lookup(index, typed, key, limit, -1, maxPops).run());

        String why = describe(entries, typed, limit, "") + " maxPops=" + maxPops;
        assertThat(bounded).as(why).hasSizeLessThanOrEqualTo(Math.min(limit, maxPops));
        if (KeyCodec.units(key) < CompletionIndex.MIN_TYPO_UNITS && !reference.triesLayout(typed, limit, "")) {
            // best first: what fits in the bound is the start of the full answer
            assertThat(full).as(why).startsWith(bounded.toArray(BruteForceSuggester.Answer[]::new));
        } else {
            // the other layout's ranges come after the plain modes', typo ranges one after another: each
            // answer is still a match with its best score, and they are in order
            assertThat(reference.everyMatch(typed, limit, "")).as(why).containsAll(bounded);
            assertThat(bounded)
                    .as(why)
                    .isSortedAccordingTo(Comparator.comparingDouble(BruteForceSuggester.Answer::score)
                            .reversed());
        }
    }

    private static List<BruteForceSuggester.Answer> answers(List<Suggestion> suggestions) {
        return suggestions.stream()
                .map(s -> new BruteForceSuggester.Answer(s.text(), s.kind(), s.url(), s.site(), s.score(), s.match()))
                .toList();
    }

    private static String describe(List<SuggestEntry> entries, String typed, int limit, String site) {
        return "suggest(\"" + typed + "\", " + limit + ", \"" + site + "\") over " + entries;
    }

    /**
     * How to type at an entry ({@code pick} chooses it, {@code cut} and {@code edit} where and how): by {@code
     * mode} 0 a prefix, 1 an IME state (a prefix of its keys), 2 a later word's start, 3 initials, 4 a syllable
     * followed by initials or syllables, 5 the other keyboard layout, 6 a one-unit typo, 7 anything from the
     * alphabet.
     */
    record Typing(int mode, int pick, int cut, int edit) {
        String typed(List<SuggestEntry> entries) {
            return CompletionIndexReferenceTest.typed(entries, mode, pick, cut, edit);
        }
    }

    private static String typed(List<SuggestEntry> entries, int mode, int pick, int cut, int edit) {
        String text = entries.get(pick % entries.size()).text().strip();
        if (text.isEmpty()) {
            return "검";
        }
        String keys = Jamo.disassemble(text);
        String[] words = text.split("[ ()-]+");
        String word = words[pick % words.length];
        return switch (mode) {
            case 0 -> text.substring(0, 1 + cut % text.length());
            case 1 -> Jamo.assemble(keys.substring(0, 1 + cut % keys.length()));
            case 2 -> word.isEmpty() ? text : word.substring(0, 1 + cut % word.length());
            case 3 -> {
                String initials = Choseong.of(text).replace(" ", "");
                yield initials.isEmpty() ? text : initials.substring(cut % initials.length());
            }
            case 4 -> mixed(text, cut, edit);
            case 5 -> {
                String prefix = text.substring(0, 1 + cut % text.length());
                yield edit % 2 == 0 ? KeyboardLayout.toQwerty(prefix) : KeyboardLayout.toHangul(prefix);
            }
            case 6 -> Jamo.assemble(oneEdit(keys.substring(0, Math.min(keys.length(), 4 + cut % 4)), edit));
            default -> {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 1 + cut % 5; i++) {
                    String alphabet = SYLLABLES + TYPO_UNITS;
                    b.append(alphabet.charAt((edit + 7 * i * (cut + 1)) % alphabet.length()));
                }
                yield b.toString();
            }
        };
    }

    /**
     * A syllable starting a Hangul word, then each of the next one to three syllables as typed whole or as its
     * initial: 검ㅅ, 검ㅅ엔, 색ㄱ.
     */
    private static String mixed(String text, int cut, int edit) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (isSyllable(text.charAt(i))
                    && (i == 0 || Choseong.of(text.substring(i - 1, i)).isEmpty())) {
                starts.add(i);
            }
        }
        if (starts.isEmpty()) {
            return text;
        }
        int from = starts.get(cut % starts.size());
        StringBuilder typed = new StringBuilder().append(text.charAt(from));
        int whole = edit;
        for (int i = from + 1, left = 1 + edit % 3; i < text.length() && left > 0; i++) {
            char c = text.charAt(i);
            if (isSyllable(c)) {
                typed.append(whole % 2 == 1 ? String.valueOf(c) : Choseong.of(String.valueOf(c)));
                whole /= 2;
                left--;
            }
        }
        return typed.toString();
    }

    private static boolean isSyllable(char c) {
        return c >= 0xAC00 && c <= 0xD7A3;
    }

    /** {@code keys} with one unit substituted, removed, added or swapped with its neighbour, never the first. */
    private static String oneEdit(String keys, int edit) {
        if (keys.length() < 2) {
            return keys;
        }
        int at = 1 + edit % (keys.length() - 1);
        char unit = TYPO_UNITS.charAt(edit % TYPO_UNITS.length());
        return switch (edit % 4) {
            case 0 -> keys.substring(0, at) + unit + keys.substring(at + 1);
            case 1 -> keys.substring(0, at) + keys.substring(at + 1);
            case 2 -> keys.substring(0, at) + unit + keys.substring(at);
            default ->
                at + 1 < keys.length()
                        ? keys.substring(0, at) + keys.charAt(at + 1) + keys.charAt(at) + keys.substring(at + 2)
                        : keys;
        };
    }
}
