package io.chatda.search;

import io.chatda.hangul.KeyboardLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": for each query word the index doesn't know, the first of these that it does know:
 * the word retyped in the other keyboard layout ({@code rjator} → 검색, {@code ㅗ디ㅣㅐ} → hello),
 * or the closest indexed term by edit distance (Lucene's {@link DirectSpellChecker} over the body
 * vocabulary). Returns the corrected query text, or empty when every word is known.
 */
final class DidYouMean {

    private final Analyzer analyzer;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    DidYouMean(TextAnalysis analysis) {
        this.analyzer = analysis.perField();
        checker.setMinQueryLength(2);
    }

    String suggest(UserQuery parsed, IndexReader reader) throws IOException {
        List<String> words = new ArrayList<>();
        boolean changed = false;
        for (List<UserQuery.Term> group : parsed.groups()) {
            for (UserQuery.Term term : group) {
                String text = term.text();
                if (!term.phrase() && !known(text, reader)) {
                    String fixed = correct(text, reader);
                    if (fixed != null) {
                        text = fixed;
                        changed = true;
                    }
                }
                words.add(term.phrase() ? "\"" + text + "\"" : text);
            }
        }
        if (!changed) {
            return "";
        }
        parsed.excluded().forEach(t -> words.add("-" + (t.phrase() ? "\"" + t.text() + "\"" : t.text())));
        if (!parsed.site().isEmpty()) {
            words.add("site:" + parsed.site());
        }
        return String.join(" ", words);
    }

    private String correct(String word, IndexReader reader) throws IOException {
        boolean hasHangul = KoreanWords.hasHangul(word);
        boolean hasLatin = KoreanWords.hasLatin(word);
        if (hasLatin && !hasHangul) {
            String hangul = KeyboardLayout.toHangul(word);
            if (KoreanWords.hasHangul(hangul) && known(hangul, reader)) {
                return hangul;
            }
        }
        if (hasHangul && !hasLatin) {
            String latin = KeyboardLayout.toQwerty(word);
            if (known(latin, reader)) {
                return latin;
            }
        }
        StringBuilder fixed = new StringBuilder(word.toLowerCase(Locale.ROOT));
        boolean any = false;
        for (String token : TextAnalysis.terms(analyzer, Fields.BODY, word)) {
            if (reader.docFreq(new Term(Fields.BODY, token)) > 0) {
                continue;
            }
            SuggestWord[] similar = checker.suggestSimilar(
                    new Term(Fields.BODY, token), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            int at = fixed.indexOf(token);
            if (similar.length == 0 || at < 0) {
                return null;
            }
            fixed.replace(at, at + token.length(), similar[0].string);
            any = true;
        }
        return any ? fixed.toString() : null;
    }

    /** Every term of the word occurs in the title or body, in either analysis. */
    private boolean known(String word, IndexReader reader) throws IOException {
        return knownIn(Fields.BODY, word, reader)
                || knownIn(Fields.TITLE, word, reader)
                || knownIn(Fields.BODY + TextAnalysis.EN, word, reader);
    }

    private boolean knownIn(String field, String word, IndexReader reader) throws IOException {
        List<String> terms = TextAnalysis.terms(analyzer, field, word);
        if (terms.isEmpty()) {
            return !field.endsWith(TextAnalysis.EN);
        }
        for (String t : terms) {
            if (reader.docFreq(new Term(field, t)) == 0) {
                return false;
            }
        }
        return true;
    }
}
