package io.chatda.search;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Mines user-dictionary proposals from the index: Hangul words (as the English chain keeps them,
 * whole) that recur on several pages and that nori breaks into three or more pieces, or into pieces
 * with a one-syllable fragment: unknown loanwords and new compounds (쿠버네티스 → 쿠 버네 티스).
 */
final class DictionaryProposals {

    /** A word must be on at least this many pages to be worth a dictionary entry. */
    static final int MIN_PAGES = 2;

    private static final int MAX_WORD = 12;

    private DictionaryProposals() {}

    static List<DictionaryProposal> find(IndexReader reader, Analyzer analyzer, int limit) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, Fields.BODY + TextAnalysis.EN);
        if (terms == null) {
            return List.of();
        }
        Map<String, Integer> pagesByStem = new HashMap<>();
        TermsEnum it = terms.iterator();
        for (BytesRef term = it.next(); term != null; term = it.next()) {
            if (it.docFreq() < MIN_PAGES) {
                continue;
            }
            String word = term.utf8ToString();
            if (word.length() >= 3 && word.length() <= MAX_WORD + 3 && KoreanWords.allSyllables(word)) {
                pagesByStem.merge(KoreanWords.stem(word), it.docFreq(), Integer::sum);
            }
        }
        return pagesByStem.entrySet().stream()
                .filter(e -> e.getKey().length() >= 3 && e.getKey().length() <= MAX_WORD)
                .map(e -> new DictionaryProposal(
                        e.getKey(), TextAnalysis.terms(analyzer, Fields.BODY, e.getKey()), e.getValue()))
                .filter(DictionaryProposals::broken)
                .sorted(Comparator.comparingInt(DictionaryProposal::pages)
                        .reversed()
                        .thenComparing(DictionaryProposal::word))
                .limit(limit)
                .toList();
    }

    /**
     * Whether nori broke a word its dictionary lacks: the pieces spell the whole word (it is not a
     * verb that lost its ending) and are three or more, or include a one-syllable fragment. A
     * compound nori knows ({@code 사용자 → 사용자 | 사용 | 자}) keeps the whole word among its pieces.
     */
    static boolean broken(DictionaryProposal p) {
        if (!String.join("", p.pieces()).equals(p.word()) || p.pieces().contains(p.word())) {
            return false;
        }
        return p.pieces().size() >= 3 || p.pieces().get(0).length() == 1;
    }

    /**
     * Whether nori lost most of a Hangul word: what it keeps spells at most half of it, as when it
     * reads an unknown loanword as a verb and drops the "ending" (데드락 → 데 + ending 드락), so the
     * fragment would match unrelated words (데까지). A particle inside a word written without spaces
     * (변수와함수 → 변수 함수) loses less.
     */
    static boolean shattered(String word, List<String> pieces) {
        if (pieces.contains(word)) {
            return false;
        }
        int kept = pieces.stream().mapToInt(String::length).sum();
        return kept * 2 <= word.length();
    }
}
