package io.chatda.bench.search;

import io.chatda.search.SearchDocument;
import io.chatda.search.SearchHit;
import io.chatda.search.SearchIndex;
import io.chatda.search.SearchResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Known-item search evaluation owned by the project: every page of real corpora with a title unique
 * in its corpus is a target, and queries are generated from it deterministically (seed
 * {@code EVAL_SEED}, default 42, mixed with a CRC-32 of the page's corpus-relative URL and the query
 * kind, so a page's queries don't depend on which other pages or corpora are read):
 * <ul>
 *   <li>Korean-titled pages: {@code title-variant}, {@code remembered}, {@code mixed} (with the
 *       {@code mixed-absent} breakdown), see {@link KoreanQueries};</li>
 *   <li>English-titled pages: {@code title}, {@code partial}, {@code body}, {@code loanword}, see
 *       {@link EnglishQueries}.</li>
 * </ul>
 * Queries come from the page's text and the hand-written lists of this module ({@link Lexicon},
 * {@link KoreanWords}), never from chatda's analysers or glosses, since those are what is measured.
 *
 * <p>All corpora go into one chatda index (so confusion across corpora counts) and, in the same run,
 * into a plain Lucene + nori BM25 index of the same documents ({@link LucenePeer}). Each query is in the
 * {@code tune} or the {@code held-out} half ({@link EvalQuery#half()}); the table ({@link EvalReport})
 * gives MRR@10, success@1 and the zero-result rate per corpus × kind × half for both engines.
 * Ranking work should look only at the tune half: {@code EVAL_VERBOSE=1} lists the tune-half queries
 * chatda doesn't answer first (never held-out ones); {@code EVAL_EXAMPLES=N} prints N tune-half queries
 * of each kind. {@code EVAL_DUMP=FILE} writes every query's chatda results (total, did-you-mean, and
 * per hit its URL, score and snippet) to FILE, so two builds can be diffed for identical rankings.
 *
 * <p>Usage: {@code SearchEval INDEX_DIR corpus=folder...}
 */
public final class SearchEval {

    private static final int K = 10;

    private SearchEval() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SearchEval INDEX_DIR corpus=folder...");
            System.exit(2);
        }
        long start = System.nanoTime();
        long seed = Long.parseLong(System.getenv().getOrDefault("EVAL_SEED", "42"));
        List<Page> pages = Corpus.readPages(List.of(args).subList(1, args.length));
        List<SearchDocument> docs = pages.stream().map(Page::doc).toList();
        Lexicon lexicon = Lexicon.load();
        List<EvalQuery> queries = queries(pages, lexicon, seed);
        System.out.printf(
                "%d pages, %d queries, %d term pairs; seed %d%n",
                pages.size(), queries.size(), lexicon.termCount(), seed);
        printExamples(queries, Integer.parseInt(System.getenv().getOrDefault("EVAL_EXAMPLES", "0")));
        try (SearchIndex index = SearchIndex.open(Path.of(args[0]));
                LucenePeer peer = timedPeer(docs)) {
            long indexing = System.nanoTime();
            index.clear();
            docs.forEach(index::upsert);
            index.commit(Map.of());
            System.out.printf(
                    "chatda: indexed %d pages in %.1f s%n", index.size(), (System.nanoTime() - indexing) / 1e9);
            EvalReport report = evaluate(index, peer, queries, System.getenv("EVAL_VERBOSE") != null);
            String dump = System.getenv("EVAL_DUMP");
            if (dump != null) {
                dumpResults(index, queries, Path.of(dump));
            }
            System.out.println();
            report.print(System.out);
            System.out.println();
            for (String kind : EvalReport.KINDS) {
                System.out.printf("n %s = %d%n", kind, report.count(kind));
            }
        }
        System.out.printf("%ntotal %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static LucenePeer timedPeer(List<SearchDocument> docs) {
        long start = System.nanoTime();
        LucenePeer peer = new LucenePeer(docs);
        System.out.printf("peer: indexed %d pages in %.1f s%n", docs.size(), (System.nanoTime() - start) / 1e9);
        return peer;
    }

    /** The queries of every page whose cleaned title is unique (ignoring case) in its corpus. */
    static List<EvalQuery> queries(List<Page> pages, Lexicon lexicon, long seed) {
        Map<String, Integer> titleCounts = new HashMap<>();
        pages.forEach(p -> titleCounts.merge(titleKey(p), 1, Integer::sum));
        KoreanQueries korean = new KoreanQueries(pages, lexicon);
        EnglishQueries english = new EnglishQueries(lexicon);
        List<EvalQuery> queries = new ArrayList<>();
        for (Page p : pages) {
            if (p.title().isBlank() || titleCounts.get(titleKey(p)) > 1) {
                continue;
            }
            queries.addAll(KoreanWords.hasHangul(p.title()) ? korean.queries(p, seed) : english.queries(p, seed));
        }
        return queries;
    }

    private static String titleKey(Page p) {
        return p.corpus() + "|" + p.title().toLowerCase(Locale.ROOT);
    }

    private static EvalReport evaluate(SearchIndex index, LucenePeer peer, List<EvalQuery> queries, boolean verbose) {
        EvalReport report = new EvalReport();
        for (EvalQuery q : queries) {
            SearchResults chatda = index.search(q.text(), 1, K);
            LucenePeer.Result base = peer.search(q.text(), K);
            int chatdaRank = rank(
                    chatda.hits().stream().map(SearchHit::url).toList(),
                    q.page().doc().url());
            int peerRank = rank(base.urls(), q.page().doc().url());
            report.add(q, chatdaRank, chatda.hits().isEmpty(), peerRank, base.totalHits() == 0);
            if (verbose && chatdaRank != 1 && q.half().equals(EvalQuery.TUNE)) {
                System.out.printf(
                        "  miss %s %-13s chatda=%d peer=%d  %s  -> %s  [%s]%n",
                        q.page().corpus(),
                        q.kind(),
                        chatdaRank,
                        peerRank,
                        q.text(),
                        q.page().title(),
                        q.note());
            }
        }
        return report;
    }

    /** Each query's chatda results, one line per query and one per hit, in query order. */
    private static void dumpResults(SearchIndex index, List<EvalQuery> queries, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (EvalQuery q : queries) {
                SearchResults r = index.search(q.text(), 1, K);
                out.printf(
                        "%s %s %s | total=%d didYouMean=%s corrected=%b%n",
                        q.page().corpus(), q.kind(), q.text(), r.totalHits(), r.didYouMean(), r.corrected());
                for (int i = 0; i < r.hits().size(); i++) {
                    SearchHit h = r.hits().get(i);
                    out.printf("  %d %s %s %s%n", i + 1, h.url(), Float.toString(h.score()), h.snippetHtml());
                }
            }
        }
        System.out.printf("wrote the results of %d queries to %s%n", queries.size(), file);
    }

    private static int rank(List<String> urls, String target) {
        int i = urls.indexOf(target);
        return i < 0 ? 0 : i + 1;
    }

    /** {@code n} tune-half queries of each kind, picked with a fixed shuffle. */
    private static void printExamples(List<EvalQuery> queries, int n) {
        if (n <= 0) {
            return;
        }
        List<EvalQuery> shuffled = new ArrayList<>(queries);
        Collections.shuffle(shuffled, new Random(1));
        for (String kind : EvalReport.KINDS) {
            System.out.printf("%nexamples: %s%n", kind);
            shuffled.stream()
                    .filter(q -> q.half().equals(EvalQuery.TUNE))
                    .filter(q -> kind.equals(EvalReport.MIXED_ABSENT)
                            ? q.absent()
                            : q.kind().equals(kind))
                    .limit(n)
                    .forEach(q -> System.out.printf(
                            "  %-13s %s  -> %s  [%s]%n",
                            q.page().corpus(), q.text(), q.page().title(), q.note()));
        }
        System.out.println();
    }
}
