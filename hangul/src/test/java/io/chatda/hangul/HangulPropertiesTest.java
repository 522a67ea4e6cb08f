package io.chatda.hangul;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;

/** Property-based tests (jqwik) of the invariants the rest of chatda relies on. */
class HangulPropertiesTest {

    private static final String KEYS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎㅏㅐㅑㅒㅓㅔㅕㅖㅗㅛㅜㅠㅡㅣ";

    // ---- generators ---------------------------------------------------------------------------

    /** Any precomposed modern syllable. */
    private static Arbitrary<Character> syllables() {
        return Arbitraries.chars().range('\uAC00', '\uD7A3');
    }

    /** Characters that are not Hangul and not Latin letters: digits, punctuation, spaces, emoji. */
    private static Arbitrary<String> separators() {
        return Arbitraries.oneOf(
                Arbitraries.of(" ", "  ", "\t", "\n", ".", ",", "!", "?", "-", "0", "7", "42", "😀", "𝄞", "東"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3));
    }

    /** Hangul text: words of syllables between separators. */
    @Provide
    Arbitrary<String> hangulText() {
        Arbitrary<String> word = syllables().list().ofMinSize(1).ofMaxSize(8).map(HangulPropertiesTest::join);
        return Arbitraries.frequencyOf(Tuple.of(4, word), Tuple.of(1, separators()))
                .list()
                .ofMinSize(0)
                .ofMaxSize(8)
                .map(parts -> String.join("", parts));
    }

    /** Hangul text that may also hold Latin words. */
    @Provide
    Arbitrary<String> mixedText() {
        Arbitrary<String> latin = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6);
        return Arbitraries.oneOf(hangulText(), latin, separators())
                .list()
                .ofMaxSize(6)
                .map(parts -> String.join("", parts));
    }

    /** A word of 1–6 syllables. */
    @Provide
    Arbitrary<String> word() {
        return syllables().list().ofMinSize(1).ofMaxSize(6).map(HangulPropertiesTest::join);
    }

    /** Any sequence of 2-set keys, with the odd non-Hangul character. */
    @Provide
    Arbitrary<String> keySequence() {
        Arbitrary<Character> key = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(KEYS.chars().mapToObj(c -> (char) c).toArray(Character[]::new))),
                Tuple.of(1, Arbitraries.of(' ', '1', '.', '!')));
        return key.list().ofMaxSize(30).map(HangulPropertiesTest::join);
    }

    /** Anything: any UTF-16 units, including lone surrogates, old Hangul and conjoining jamo. */
    @Provide
    Arbitrary<String> anything() {
        Arbitrary<Character> hangulish = Arbitraries.oneOf(
                Arbitraries.chars().range('\u1100', '\u11FF'),
                Arbitraries.chars().range('\u3130', '\u318F'),
                Arbitraries.chars().range('\uAC00', '\uD7A3'),
                Arbitraries.chars().range('\uA960', '\uA97F'),
                Arbitraries.chars().range('\uD7B0', '\uD7FF'),
                Arbitraries.chars().range('\uFFA0', '\uFFDF'),
                Arbitraries.chars().range('\uD800', '\uDFFF'),
                Arbitraries.chars().ascii(),
                Arbitraries.chars().all());
        return hangulish.list().ofMaxSize(40).map(HangulPropertiesTest::join);
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder sb = new StringBuilder(chars.size());
        chars.forEach(sb::append);
        return sb.toString();
    }

    // ---- jamo ---------------------------------------------------------------------------------

    @Property
    void assembleUndoesDisassemble(@ForAll("mixedText") String text) {
        assertThat(Jamo.assemble(Jamo.disassemble(text))).isEqualTo(text);
    }

    @Property
    void disassembleUndoesAssembleOnKeySequences(@ForAll("keySequence") String keys) {
        assertThat(Jamo.disassemble(Jamo.assemble(keys))).isEqualTo(keys);
    }

    @Property
    void everyImeStateIsAPrefixOfTheWord(@ForAll("word") String word) {
        String keys = Jamo.disassemble(word);
        for (int typed = 0; typed <= keys.length(); typed++) {
            String state = Jamo.assemble(keys.substring(0, typed)); // what the input box shows
            assertThat(keys).startsWith(Jamo.disassemble(state));
            assertThat(Jamo.startsWith(word, state)).isTrue();
        }
        assertThat(Jamo.assemble(keys)).isEqualTo(word);
    }

    @Property
    void nfdAndPrecomposedDisassembleAlike(@ForAll("hangulText") String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        assertThat(Jamo.disassemble(nfd)).isEqualTo(Jamo.disassemble(text));
        assertThat(Choseong.of(nfd)).isEqualTo(Choseong.of(text));
    }

    @Property
    void disassembleOutputHasOnlyKeysForHangul(@ForAll("hangulText") String text) {
        Jamo.disassemble(text)
                .chars()
                .filter(c -> c >= 0x3131 && c <= 0x3163)
                .forEach(c ->
                        assertThat(KEYS.indexOf(c)).as("%c is a key", (char) c).isNotNegative());
    }

    @Property
    void disassembleAndAssembleAreIdempotent(@ForAll("anything") String text) {
        String keys = Jamo.disassemble(text);
        assertThat(Jamo.disassemble(keys)).isEqualTo(keys);
        String composed = Jamo.assemble(text);
        assertThat(Jamo.assemble(composed)).isEqualTo(composed);
    }

    // ---- keyboard -----------------------------------------------------------------------------

    @Property
    void keyboardRoundTrip(@ForAll("hangulText") String text) {
        assertThat(KeyboardLayout.toHangul(KeyboardLayout.toQwerty(text))).isEqualTo(text);
    }

    @Property
    void qwertyRoundTripOfKeySequences(@ForAll("keySequence") String keys) {
        String composed = Jamo.assemble(keys);
        assertThat(KeyboardLayout.toHangul(KeyboardLayout.toQwerty(composed))).isEqualTo(composed);
    }

    @Property
    void toQwertyLeavesNoModernJamo(@ForAll("anything") String text) {
        assertThat(KeyboardLayout.toQwerty(text).chars().noneMatch(c -> c >= 0x3131 && c <= 0x3163))
                .isTrue();
    }

    @Property
    void detectorsAreTotal(@ForAll("anything") String text) {
        LayoutDetection korean = KeyboardLayout.detectMistypedKorean(text);
        assertThat(korean.converted()).isEqualTo(KeyboardLayout.toHangul(text));
        LayoutDetection english = KeyboardLayout.detectMistypedEnglish(text);
        assertThat(english.converted()).isEqualTo(KeyboardLayout.toQwerty(text));
        assertThat(korean.mistyped() && english.mistyped()).isFalse();
    }

    // ---- choseong -----------------------------------------------------------------------------

    @Property
    void textContainsItsOwnInitials(@ForAll("hangulText") String text) {
        String initials = Choseong.of(text);
        if (Choseong.isChoseongOnly(initials)) {
            Optional<ChoseongMatch> match = Choseong.find(text, initials);
            assertThat(match).isPresent();
            assertThat(match.get().end()).isLessThanOrEqualTo(text.length());
        }
    }

    @Property
    void initialsAreConsonantsOrWhitespace(@ForAll("anything") String text) {
        assertThat(Choseong.of(text)
                        .chars()
                        .allMatch(c -> (c >= 0x3131 && c <= 0x314E)
                                || Character.isWhitespace(c)
                                || Choseong.isJsWhitespace((char) c)))
                .isTrue();
    }

    @Property
    void findIsConsistentAndInBounds(@ForAll("anything") String text, @ForAll("anything") String query) {
        Optional<ChoseongMatch> match = Choseong.find(text, query);
        assertThat(Choseong.includes(text, query)).isEqualTo(match.isPresent());
        match.ifPresent(m -> assertThat(m.end()).isLessThanOrEqualTo(text.length()));
        if (match.isPresent()) {
            assertThat(Choseong.isChoseongOnly(query)).isTrue();
        }
    }

    // ---- normalisation ------------------------------------------------------------------------

    @Property
    void normalizeIsIdempotent(@ForAll("anything") String text) {
        String once = TextNormalizer.normalize(text);
        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property
    void normalizeHasNoEdgeOrDoubleSpaces(@ForAll @StringLength(max = 30) String text) {
        String normalized = TextNormalizer.normalize(text);
        assertThat(normalized).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
    }
}
