package io.chatda.bench.search;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Known-item figures per corpus × kind × half, for chatda and the peer side by side: MRR@10 (the
 * reciprocal rank of the target within the first ten, 0 past them), success@1 (target first) and the
 * zero-result rate (nothing at all returned; for chatda after its own fallbacks: any-word matching and
 * did-you-mean). {@code mixed-absent} repeats the {@code mixed} queries whose substituted word is not
 * on the target page; corpus {@code all} pools the corpora.
 */
final class EvalReport {

    static final String ALL = "all";
    static final String MIXED_ABSENT = "mixed-absent";
    static final List<String> KINDS =
            List.of("title-variant", "remembered", "mixed", MIXED_ABSENT, "title", "partial", "body", "loanword");
    private static final List<String> HALVES = List.of(EvalQuery.TUNE, EvalQuery.HELD_OUT, ALL);

    /** Sums for one row. */
    private static final class Row {
        long n;
        double chatdaRr;
        long chatdaFirst;
        long chatdaZero;
        double peerRr;
        long peerFirst;
        long peerZero;
    }

    private final List<String> corpora = new ArrayList<>();
    private final Map<String, Row> rows = new LinkedHashMap<>();

    /**
     * Counts one query.
     *
     * @param chatdaRank 1-based rank of the target in chatda's first page, 0 if not there
     * @param peerRank   the same for the peer
     */
    void add(EvalQuery q, int chatdaRank, boolean chatdaZero, int peerRank, boolean peerZero) {
        if (!corpora.contains(q.page().corpus())) {
            corpora.add(q.page().corpus());
        }
        List<String> kinds = q.absent() ? List.of(q.kind(), MIXED_ABSENT) : List.of(q.kind());
        for (String corpus : List.of(q.page().corpus(), ALL)) {
            for (String kind : kinds) {
                for (String half : List.of(q.half(), ALL)) {
                    Row r = rows.computeIfAbsent(corpus + "|" + kind + "|" + half, k -> new Row());
                    r.n++;
                    r.chatdaRr += chatdaRank > 0 ? 1.0 / chatdaRank : 0;
                    r.chatdaFirst += chatdaRank == 1 ? 1 : 0;
                    r.chatdaZero += chatdaZero ? 1 : 0;
                    r.peerRr += peerRank > 0 ? 1.0 / peerRank : 0;
                    r.peerFirst += peerRank == 1 ? 1 : 0;
                    r.peerZero += peerZero ? 1 : 0;
                }
            }
        }
    }

    /** The markdown table: corpora in the order first seen, then {@code all}. */
    void print(PrintStream out) {
        out.println(
                "| corpus | kind | half | n | chatda MRR@10 | chatda S@1 | chatda zero | peer MRR@10 | peer S@1 | peer zero |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<String> order = new ArrayList<>(corpora);
        order.add(ALL);
        for (String corpus : order) {
            for (String kind : KINDS) {
                for (String half : HALVES) {
                    Row r = rows.get(corpus + "|" + kind + "|" + half);
                    if (r != null) {
                        out.println(line(corpus, kind, half, r));
                    }
                }
            }
        }
    }

    /** Number of queries of a kind over all corpora and both halves. */
    long count(String kind) {
        Row r = rows.get(ALL + "|" + kind + "|" + ALL);
        return r == null ? 0 : r.n;
    }

    private static String line(String corpus, String kind, String half, Row r) {
        double n = r.n;
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |",
                corpus,
                kind,
                half,
                r.n,
                r.chatdaRr / n,
                r.chatdaFirst / n,
                r.chatdaZero / n,
                r.peerRr / n,
                r.peerFirst / n,
                r.peerZero / n);
    }
}
