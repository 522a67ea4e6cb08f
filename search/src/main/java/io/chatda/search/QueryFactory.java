package io.chatda.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a parsed {@link UserQuery} into a Lucene query; user text only ever goes through analysis,
 * never through a query syntax. Each word matches literally (nori and English analyses over the
 * weighted fields) or through its bridges (Hangul bigrams, glosses, synonyms, transliteration),
 * scored below the literal match; how many words must match is chosen from the query itself. The
 * ranking formula is documented in docs/ranking.md.
 */
final class QueryFactory {

    static final int BODY_SLOP = 6;
    static final int TITLE_SLOP = 2;
    static final float BODY_PROXIMITY = 1f;
    static final float TITLE_PROXIMITY = 2f;
    static final double AUTHORITY_WEIGHT = 0.3;
    /** An expansion scores this share of what the same match of the literal word would. */
    static final float BRIDGE_WEIGHT = 0.6f;

    static final float BIGRAM_WEIGHT = 0.8f;
    static final float LOANWORD_WEIGHT = 1f;
    /** Constant bonus of a page whose title is exactly the query's words. */
    static final float TITLE_KEY_BONUS = 10f;
    /** Share of the weaker naming fields (title, anchors, headings, topics) added to the best one's score. */
    static final float LABEL_TIE = 0.3f;
    /** A word's alternatives (literal, bridges) combine by their best plus this share of the rest. */
    static final float ALTERNATIVES_TIE = 0.1f;

    /** How many of the query's words a page must match. */
    enum Matching {
        /** All words of the query's main script, less one when there are three or more. */
        STRICT,
        /** Any word. */
        RELAXED
    }

    /** How much of the machinery to use: less when a query would exceed Lucene's clause limit. */
    enum Detail {
        /** Every field, analysis and bridge. */
        FULL,
        /** Literal matches over every field, no bridges. */
        LITERAL,
        /** Literal matches in the title and body only. */
        MINIMAL
    }

    private final Analyzer analyzer;
    private final QueryBuilder builder;
    private final Bridges bridges;
    private final AuthorityBoost authority = new AuthorityBoost(AUTHORITY_WEIGHT);

    QueryFactory(TextAnalysis analysis) {
        this.analyzer = analysis.perField();
        this.builder = new QueryBuilder(analyzer);
        this.bridges = new Bridges(analysis.synonyms());
    }

    /** Full ranking: word clauses with bridges, required share, proximity, whole-title bonus, authority factor. */
    Query full(UserQuery parsed, Matching matching, Detail detail, IndexReader reader) throws IOException {
        List<Query> clauses = new ArrayList<>();
        List<Script> scripts = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        for (List<UserQuery.Term> group : parsed.groups()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int alternatives = 0;
            int groupPages = 0;
            for (UserQuery.Term term : group) {
                Query q = word(term, detail, reader);
                if (q != null) {
                    any.add(q, Occur.SHOULD);
                    alternatives++;
                    groupPages = Math.max(groupPages, pages(term.text(), reader));
                }
            }
            if (alternatives > 0) {
                clauses.add(any.build());
                scripts.add(Script.of(group));
                pages.add(groupPages);
            }
        }
        if (clauses.isEmpty()) {
            return new MatchNoDocsQuery("nothing to search for");
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        boolean[] required = matching == Matching.RELAXED
                ? new boolean[clauses.size()]
                : Requirement.required(scripts, pages, reader.numDocs());
        boolean anyRequired = false;
        for (int i = 0; i < clauses.size(); i++) {
            words.add(clauses.get(i), required[i] ? Occur.MUST : Occur.SHOULD);
            anyRequired |= required[i];
        }
        if (!anyRequired) {
            words.setMinimumNumberShouldMatch(1);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(words.build(), Occur.MUST);
        addProximity(parsed, all);
        addTitleBonus(parsed, all);
        addFilters(parsed, all);
        return new AuthorityQuery(all.build(), authority);
    }

    /** On how many pages the word's analysed terms all occur in the body, by the rarest of them (either analysis). */
    private int pages(String text, IndexReader reader) throws IOException {
        int best = 0;
        for (String field : List.of(Fields.BODY, Fields.BODY + TextAnalysis.EN)) {
            int rarest = Integer.MAX_VALUE;
            for (String t : TextAnalysis.terms(analyzer, field, text)) {
                rarest = Math.min(rarest, reader.docFreq(new Term(field, t)));
            }
            if (rarest != Integer.MAX_VALUE) {
                best = Math.max(best, rarest);
            }
        }
        return best;
    }

    /** The evaluation baseline: BM25 on the body alone, any word may match. */
    Query baseline(UserQuery parsed) {
        Query q = builder.createBooleanQuery(Fields.BODY, positiveText(parsed), Occur.SHOULD);
        if (q == null) {
            return new MatchNoDocsQuery("nothing to search for");
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(q, Occur.MUST);
        addFilters(parsed, all);
        return all.build();
    }

    private void addFilters(UserQuery parsed, BooleanQuery.Builder all) {
        for (UserQuery.Term term : parsed.excluded()) {
            Query q = fieldSum(term.text(), term.phrase(), Detail.LITERAL);
            if (q != null) {
                all.add(q, Occur.MUST_NOT);
            }
        }
        if (!parsed.site().isEmpty()) {
            all.add(new TermQuery(new Term(Fields.SITE, parsed.site())), Occur.FILTER);
        }
    }

    /** Rewards the query words standing close together in the body and the title (sloppy phrases score more the closer they are). */
    private void addProximity(UserQuery parsed, BooleanQuery.Builder all) {
        List<String> words = singleWords(parsed);
        if (words.size() < 2) {
            return;
        }
        String text = String.join(" ", words);
        Query body = builder.createPhraseQuery(Fields.BODY, text, BODY_SLOP);
        if (body != null) {
            // a long run of query words standing together in the body is strong evidence for that page
            all.add(new BoostQuery(body, BODY_PROXIMITY * Math.max(1f, words.size() / 2f)), Occur.SHOULD);
        }
        Query title = builder.createPhraseQuery(Fields.TITLE, text, TITLE_SLOP);
        if (title != null) {
            all.add(new BoostQuery(title, TITLE_PROXIMITY), Occur.SHOULD);
        }
    }

    /** A page whose title has exactly the query's words (in any order, with any particles) gets a constant bonus. */
    private void addTitleBonus(UserQuery parsed, BooleanQuery.Builder all) {
        String key = TitleKey.of(analyzer, String.join(" ", singleWords(parsed)));
        if (!key.isEmpty()) {
            Query exact = new ConstantScoreQuery(new TermQuery(new Term(Fields.TITLE_KEY, key)));
            all.add(new BoostQuery(exact, TITLE_KEY_BONUS), Occur.SHOULD);
        }
    }

    private static List<String> singleWords(UserQuery parsed) {
        List<String> words = new ArrayList<>();
        for (List<UserQuery.Term> group : parsed.groups()) {
            if (group.size() == 1) {
                words.add(group.get(0).text());
            }
        }
        return words;
    }

    /**
     * One word or phrase: its literal match over every field, and for a word also its bridges, by
     * the best of them plus a small share of the rest. Null if the term analyses to nothing.
     */
    private Query word(UserQuery.Term term, Detail detail, IndexReader reader) throws IOException {
        Query literal = fieldSum(term.text(), term.phrase(), detail);
        if (term.phrase() || detail != Detail.FULL) {
            return literal;
        }
        List<Query> alternatives = new ArrayList<>();
        String stem = KoreanWords.stem(term.text());
        List<String> pieces = TextAnalysis.terms(analyzer, Fields.BODY, stem);
        // a word nori keeps whole gains nothing from its bigrams but their cost (phrase positions)
        Query bigrams = pieces.contains(stem) ? null : bigrams(stem);
        boolean shattered = bigrams != null && DictionaryProposals.shattered(stem, pieces);
        if (literal != null && !shattered) {
            alternatives.add(literal);
        }
        if (bigrams != null) {
            // a word nori breaks into one-syllable fragments matches by its bigrams alone: 데드락's 데 is not 데까지's
            alternatives.add(new BridgeQuery(
                    BridgeQuery.Bridge.BIGRAMS, stem, new BoostQuery(bigrams, shattered ? 1f : BIGRAM_WEIGHT)));
        }
        if (KoreanWords.allSyllables(stem) && stem.length() >= 2) {
            alternatives.add(new BridgeQuery(
                    BridgeQuery.Bridge.TRANSLITERATION,
                    stem + " in jamo",
                    new BoostQuery(loanword(stem, rare(stem, reader)), LOANWORD_WEIGHT)));
        }
        for (Bridges.Expansion e : bridges.of(term.text(), reader)) {
            // an expansion no page has would only add clauses (an English word's Hangul spellings, mostly)
            Query q = inIndex(e.text(), reader) ? expansion(e.text()) : null;
            if (q != null) {
                alternatives.add(
                        new BridgeQuery(e.bridge(), e.from() + " → " + e.text(), new BoostQuery(q, BRIDGE_WEIGHT)));
            }
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, ALTERNATIVES_TIE);
    }

    /** Whether a page has the text's words (title or body, either analysis) or, for Hangul, its first bigram. */
    private boolean inIndex(String text, IndexReader reader) throws IOException {
        if (pages(text, reader) > 0
                || !TextAnalysis.terms(analyzer, Fields.TITLE, text).stream()
                        .allMatch(t -> docFreq(reader, Fields.TITLE, t) == 0)) {
            return true;
        }
        List<String> bigrams = TextAnalysis.terms(analyzer, Fields.BODY + TextAnalysis.BIGRAMS, text);
        return !bigrams.isEmpty() && reader.docFreq(new Term(Fields.BODY + TextAnalysis.BIGRAMS, bigrams.get(0))) > 0;
    }

    private static int docFreq(IndexReader reader, String field, String term) {
        try {
            return reader.docFreq(new Term(field, term));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An expansion matches as a literal word, or for Hangul also by its bigrams. */
    private Query expansion(String text) {
        Query literal = fieldSum(text, false, Detail.LITERAL);
        Query bigrams = bigrams(text);
        if (literal == null || bigrams == null) {
            return literal != null ? literal : bigrams;
        }
        return new DisjunctionMaxQuery(List.of(literal, new BoostQuery(bigrams, BIGRAM_WEIGHT)), 0f);
    }

    /** The word's Hangul bigrams in sequence in the title, headings or body; null unless it is two or more syllables. */
    private Query bigrams(String word) {
        if (!KoreanWords.allSyllables(word) || word.length() < 2) {
            return null;
        }
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        for (Fields.Weighted field : Fields.SEARCHED) {
            if (field.bigrams()) {
                Query q = builder.createPhraseQuery(field.name() + TextAnalysis.BIGRAMS, word);
                if (q != null) {
                    fields.add(new BoostQuery(q, field.weight()), Occur.SHOULD);
                }
            }
        }
        return fields.build();
    }

    /**
     * The word's jamo, within a small edit distance, among the Hangul spellings of the pages' English
     * words: in the title weighed like a title word, elsewhere like a body word.
     */
    private static Query loanword(String word, boolean forgiving) {
        String jamo = LoanwordField.queryForm(word);
        int edits = forgiving && jamo.length() >= 7 ? 1 : 0;
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        fields.add(new BoostQuery(jamoMatch(Fields.TITLE_LOANWORDS, jamo, edits), TITLE_WEIGHT), Occur.SHOULD);
        fields.add(jamoMatch(Fields.LOANWORDS, jamo, edits), Occur.SHOULD);
        return fields.build();
    }

    /**
     * Whether the corpus barely knows the word as written (on fewer than 3 pages or 1 % of them): only
     * then is its loanword match forgiving. A fuzzy lookup builds a Levenshtein automaton, which was
     * most of a search's time for a common word such as 교착상태.
     */
    private boolean rare(String word, IndexReader reader) throws IOException {
        int pages = pages(word, reader);
        return pages < 3 || pages * 100 < reader.numDocs();
    }

    /** Exact terms are a plain lookup: a fuzzy query builds a Levenshtein automaton, most of a short query's cost. */
    private static Query jamoMatch(String field, String jamo, int edits) {
        Term term = new Term(field, jamo);
        return edits == 0 ? new TermQuery(term) : new FuzzyQuery(term, edits, 1, 16, true);
    }

    private static final float TITLE_WEIGHT = Fields.SEARCHED.get(0).weight();

    /**
     * One word or phrase over the searched fields: per field the better of its Korean and English
     * analyses, weighted and summed. Null if the text analyses to nothing.
     */
    private Query fieldSum(String text, boolean phrase, Detail detail) {
        // a Latin word always needs the English subfields: only they hold the pages' words stemmed
        // (deadlock finds "Deadlocks"); otherwise they count only when the analyses differ
        boolean english = KoreanWords.hasLatin(text)
                || !TextAnalysis.terms(analyzer, Fields.TITLE, text)
                        .equals(TextAnalysis.terms(analyzer, Fields.TITLE + TextAnalysis.EN, text));
        List<Query> labels = new ArrayList<>();
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        boolean any = false;
        for (Fields.Weighted field : Fields.SEARCHED) {
            if (detail == Detail.MINIMAL
                    && !field.name().equals(Fields.TITLE)
                    && !field.name().equals(Fields.BODY)) {
                continue;
            }
            List<Query> analyses = new ArrayList<>(2);
            addIfPresent(analyses, match(field.name(), text, phrase));
            if (field.bilingual() && english && detail != Detail.MINIMAL) {
                addIfPresent(analyses, match(field.name() + TextAnalysis.EN, text, phrase));
            }
            if (analyses.isEmpty()) {
                continue;
            }
            Query q = new BoostQuery(
                    analyses.size() == 1 ? analyses.get(0) : new DisjunctionMaxQuery(analyses, 0f), field.weight());
            if (field.label()) {
                labels.add(q);
            } else {
                fields.add(q, Occur.SHOULD);
                any = true;
            }
        }
        if (!labels.isEmpty()) {
            // title, anchors, headings and topics name the page: their best counts, the others add a share
            fields.add(labels.size() == 1 ? labels.get(0) : new DisjunctionMaxQuery(labels, LABEL_TIE), Occur.SHOULD);
            any = true;
        }
        return any ? fields.build() : null;
    }

    private Query match(String field, String text, boolean phrase) {
        return phrase ? builder.createPhraseQuery(field, text) : builder.createBooleanQuery(field, text, Occur.MUST);
    }

    private static void addIfPresent(List<Query> list, Query q) {
        if (q != null) {
            list.add(q);
        }
    }

    static String positiveText(UserQuery parsed) {
        List<String> words = new ArrayList<>();
        parsed.groups().forEach(g -> g.forEach(t -> words.add(t.text())));
        return String.join(" ", words);
    }

    /** The writing system of a query word group, for choosing which words are required. */
    enum Script {
        HANGUL,
        LATIN,
        OTHER;

        static Script of(List<UserQuery.Term> group) {
            String text = group.get(0).text();
            return KoreanWords.hasHangul(text) ? HANGUL : KoreanWords.hasLatin(text) ? LATIN : OTHER;
        }
    }
}
