package io.chatda.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;

/** The analyzer used for every text field: nori for Korean, which also lowercases Latin words. */
final class Analyzers {
    private Analyzers() {
    }

    static Analyzer text() {
        return new KoreanAnalyzer();
    }
}
