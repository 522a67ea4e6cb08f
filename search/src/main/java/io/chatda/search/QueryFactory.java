package io.chatda.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a parsed {@link UserQuery} into a Lucene query; user text only ever goes through analysis,
 * never through a query syntax. The ranking formula is documented in docs/ranking.md.
 */
final class QueryFactory {

    static final int BODY_SLOP = 6;
    static final int TITLE_SLOP = 2;
    static final float BODY_PROXIMITY = 1f;
    static final float TITLE_PROXIMITY = 2f;
    static final double AUTHORITY_WEIGHT = 0.3;

    private final org.apache.lucene.analysis.Analyzer analyzer;
    private final QueryBuilder builder;
    private final AuthorityBoost authority = new AuthorityBoost(AUTHORITY_WEIGHT);

    QueryFactory(TextAnalysis analysis) {
        this.analyzer = analysis.perField();
        this.builder = new QueryBuilder(analyzer);
    }

    /** Full ranking: field-weighted BM25 sum, proximity, authority factor. */
    Query full(UserQuery parsed, Occur between) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int positive = 0;
        for (List<UserQuery.Term> group : parsed.groups()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int alternatives = 0;
            for (UserQuery.Term term : group) {
                Query q = fieldSum(term);
                if (q != null) {
                    any.add(q, Occur.SHOULD);
                    alternatives++;
                }
            }
            if (alternatives > 0) {
                all.add(any.build(), between);
                positive++;
            }
        }
        if (positive == 0) {
            return new MatchNoDocsQuery("nothing to search for");
        }
        addProximity(parsed, all);
        addFilters(parsed, all);
        return new AuthorityQuery(all.build(), authority);
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
            Query q = fieldSum(term);
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
        List<String> words = new ArrayList<>();
        for (List<UserQuery.Term> group : parsed.groups()) {
            if (group.size() == 1) {
                words.add(group.get(0).text());
            }
        }
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

    /**
     * One word or phrase over every searched field: per field the better of its Korean and English
     * analyses, weighted and summed. Null if the term analyses to nothing.
     */
    private Query fieldSum(UserQuery.Term term) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        boolean any = false;
        // when both analyses give the same terms, the English subfields only repeat the lookups
        boolean english = !TextAnalysis.terms(analyzer, Fields.TITLE, term.text())
                .equals(TextAnalysis.terms(analyzer, Fields.TITLE + TextAnalysis.EN, term.text()));
        for (Fields.Weighted field : Fields.SEARCHED) {
            List<Query> analyses = new ArrayList<>(2);
            addIfPresent(analyses, match(field.name(), term));
            if (field.bilingual() && english) {
                addIfPresent(analyses, match(field.name() + TextAnalysis.EN, term));
            }
            if (!analyses.isEmpty()) {
                Query q = analyses.size() == 1 ? analyses.get(0) : new DisjunctionMaxQuery(analyses, 0f);
                fields.add(new BoostQuery(q, field.weight()), Occur.SHOULD);
                any = true;
            }
        }
        return any ? fields.build() : null;
    }

    private Query match(String field, UserQuery.Term term) {
        return term.phrase()
                ? builder.createPhraseQuery(field, term.text())
                : builder.createBooleanQuery(field, term.text(), Occur.MUST);
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
}
