package io.chatda.search;

import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;

/**
 * A title reduced to its set of analysed words, sorted and joined ({@code 레이어를 추가하기} and
 * {@code 레이어추가 하기} give the same key): a query whose words are exactly a page's title gets a
 * bonus from a single term lookup, so the page named by the query ranks above pages that merely
 * repeat its words.
 */
final class TitleKey {

    private TitleKey() {}

    /** The key of a title or query text; empty if it has no words. */
    static String of(Analyzer analyzer, String text) {
        List<String> terms = TextAnalysis.terms(analyzer, Fields.TITLE, text);
        return String.join(" ", new TreeSet<>(terms));
    }
}
