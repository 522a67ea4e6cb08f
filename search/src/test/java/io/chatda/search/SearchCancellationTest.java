package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running search asks its cancellation signal as it collects and stops at the first "yes". */
class SearchCancellationTest {

    private static final int DOCS = 3_000;

    @TempDir
    static Path dir;

    static SearchIndex index;

    @BeforeAll
    static void index() {
        index = SearchIndex.open(dir);
        for (int i = 0; i < DOCS; i++) {
            index.upsert(
                    new SearchDocument("u:" + i, "page " + i, List.of(), "a deadlock story number " + i, "demo", "en"));
        }
        index.commit(Map.of());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    /** Counts how often it is asked; answers true from the {@code from}-th question on (0: never). */
    private record Signal(AtomicInteger asked, int from) implements BooleanSupplier {
        Signal(int from) {
            this(new AtomicInteger(), from);
        }

        @Override
        public boolean getAsBoolean() {
            return asked.incrementAndGet() >= from && from > 0;
        }
    }

    @Test
    void aSearchNeverCancelledCollectsEveryMatchAndAsksAsItGoes() {
        Signal never = new Signal(0);
        SearchResults results = index.search("deadlock", 1, 10, SearchOptions.DEFAULT.withCancellation(never));
        assertThat(results.totalHits()).isEqualTo(DOCS);
        assertThat(results.hits()).hasSize(10);
        assertThat(never.asked().get())
                .as("asked between windows of collected documents")
                .isGreaterThan(3);
    }

    @Test
    void aSearchCancelledWhileCollectingStopsAtTheNextCheck() {
        Signal third = new Signal(3);
        assertThatThrownBy(() -> index.search("deadlock", 1, 10, SearchOptions.DEFAULT.withCancellation(third)))
                .isInstanceOf(SearchCancelledException.class);
        // told to stop on the third question (the collection loop's, between windows of documents); the
        // one question after it is the next segment's or the search's before it throws: no further
        // window of documents, no further segment, no highlighting
        assertThat(third.asked().get()).isEqualTo(4);
    }

    @Test
    void aSearchWithoutCancellationIsUnchanged() {
        assertThat(index.search("deadlock", 1, 10).totalHits()).isEqualTo(DOCS);
    }
}
