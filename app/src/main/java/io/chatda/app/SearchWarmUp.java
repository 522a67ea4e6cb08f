package io.chatda.app;

import io.chatda.search.SearchIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches run before a server answers users, until the search path is compiled (JIT) and the index's files are
 * read: the first hundred searches after a start measured 5-10x slower than warm ones (docs/performance.md).
 */
final class SearchWarmUp {

    /** Query shapes that take every path of the ranking: Korean with particles, English, mixed, phrase, loanword, OR. */
    private static final List<String> SHAPES = List.of(
            "검색",
            "교착상태가 발생하는 조건",
            "search engine",
            "deadlock 예방",
            "\"exact phrase\"",
            "데드락",
            "redis 캐시",
            "python OR 파이썬",
            "레이어추가",
            "how to install");

    private SearchWarmUp() {}

    /**
     * Runs {@code first} (e.g. the most searched queries), then the query shapes, over and over, up to
     * {@code searches} or {@code budget}.
     *
     * @return the number of searches run
     */
    static int run(SearchIndex index, List<String> first, int searches, Duration budget) {
        List<String> queries = new ArrayList<>(first);
        queries.addAll(SHAPES);
        long deadline = System.nanoTime() + budget.toNanos();
        int done = 0;
        while (done < searches && System.nanoTime() < deadline) {
            index.search(queries.get(done % queries.size()), 1, 10);
            done++;
        }
        return done;
    }
}
