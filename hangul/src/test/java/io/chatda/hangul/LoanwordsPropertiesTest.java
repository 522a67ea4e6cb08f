package io.chatda.hangul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** Loanword spelling on arbitrary letter strings: never fails, always well-formed. */
class LoanwordsPropertiesTest {

    @Property(tries = 1000)
    void anyLetterStringGivesAtMostThreeDistinctHangulWords(
            @ForAll @CharRange(from = 'a', to = 'z') @StringLength(min = 1, max = 40) String word) {
        List<String> spellings = Loanwords.spellings(word);
        assertThat(spellings).hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
        assertThat(spellings).allMatch(s -> !s.isEmpty() && s.chars().allMatch(c -> c >= 0xAC00 && c <= 0xD7A3));
        assertThat(Loanwords.spellings(word.toUpperCase(java.util.Locale.ROOT))).isEqualTo(spellings);
    }

    @Property(tries = 300)
    void anyStringIsAcceptedWithoutFailing(@ForAll String text) {
        assertThat(Loanwords.spellings(text)).hasSizeLessThanOrEqualTo(3);
    }
}
