package io.chatda.search;

import io.chatda.hangul.Loanwords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The other words a query word may stand for: equivalents stated by glosses in the index, the
 * operator's synonyms, and for an English word its Hangul loanword spelling. Each expansion says
 * which bridge produced it; the query scores expansions below the literal word.
 */
final class Bridges {

    /** A word reached from a query word, and how. */
    record Expansion(BridgeQuery.Bridge bridge, String from, String text) {}

    /** Glosses followed per query word, the best supported first. */
    private static final int MAX_GLOSSES = 3;

    private final Synonyms synonyms;

    Bridges(Synonyms synonyms) {
        this.synonyms = synonyms;
    }

    /** The expansions of one query word (not a phrase), without duplicates of the word itself. */
    List<Expansion> of(String word, IndexReader reader) throws IOException {
        String lower = word.toLowerCase(Locale.ROOT);
        Map<String, Expansion> out = new LinkedHashMap<>();
        for (String stem : KoreanWords.stems(lower)) {
            for (String other : synonyms.of(stem)) {
                out.putIfAbsent(other, new Expansion(BridgeQuery.Bridge.SYNONYM, stem, other));
            }
            for (String other : glosses(stem, reader)) {
                out.putIfAbsent(other, new Expansion(BridgeQuery.Bridge.GLOSS, stem, other));
            }
        }
        if (!KoreanWords.hasHangul(lower) && lower.chars().allMatch(c -> c >= 'a' && c <= 'z') && lower.length() >= 3) {
            for (String spelling : Loanwords.spellings(lower)) {
                out.putIfAbsent(spelling, new Expansion(BridgeQuery.Bridge.TRANSLITERATION, lower, spelling));
            }
        }
        out.remove(lower);
        return List.copyOf(out.values());
    }

    /** The other side of the glosses of {@code word} in the index, the most pages first. */
    static List<String> glosses(String word, IndexReader reader) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, Fields.GLOSSES);
        if (terms == null) {
            return List.of();
        }
        String prefix = Glosses.prefix(word);
        BytesRef start = new BytesRef(prefix);
        TermsEnum it = terms.iterator();
        if (it.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return List.of();
        }
        record Found(String text, int pages) {}
        List<Found> found = new ArrayList<>();
        IndexSearcher live = new IndexSearcher(reader);
        for (BytesRef term = it.term(); term != null && startsWith(term, start); term = it.next()) {
            // a deleted page's terms stay in the dictionary until its segment merges: count live pages only
            int pages = live.count(new TermQuery(new Term(Fields.GLOSSES, BytesRef.deepCopyOf(term))));
            if (pages > 0) {
                found.add(new Found(term.utf8ToString().substring(prefix.length()), pages));
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Found::pages).reversed())
                .limit(MAX_GLOSSES)
                .map(Found::text)
                .toList();
    }

    private static boolean startsWith(BytesRef term, BytesRef prefix) {
        return StringHelper.startsWith(term, prefix);
    }
}
