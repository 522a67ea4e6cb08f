package io.chatda.app;

import io.chatda.replica.SnapshotInstaller;
import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import io.chatda.search.SearchOptions;
import io.chatda.search.SearchResults;
import io.chatda.server.DataGeneration;
import io.chatda.server.core.NotReadyException;
import io.chatda.server.core.SearchBackend;
import io.chatda.shared.QueryEvents;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.Suggester;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a query replica serves: the index and dictionary copied from the indexer's snapshots (installed here by the
 * {@link io.chatda.replica.SnapshotPuller}), read-only. Its users' searches and picks go to the shared query log
 * (the indexer learns from them and publishes the next dictionary), never to a file of its own.
 */
final class QueryReplica implements SnapshotInstaller, SearchBackend, AutoCloseable {

    private static final int WARM_UP_SEARCHES = 300;
    private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(5);

    private final DataDirectory data;
    private final QueryEvents events;
    private final Clock clock;
    private volatile SearchIndex index;
    private final AtomicReference<Suggester> suggester = new AtomicReference<>();
    private final AtomicReference<DataGeneration> generation;

    QueryReplica(DataDirectory data, QueryEvents events, Clock clock) {
        this.data = data;
        this.events = events;
        this.clock = clock;
        Instant now = clock.instant();
        this.generation = new AtomicReference<>(new DataGeneration(0, now, 0, now));
    }

    @Override
    public void reopenIndex() {
        SearchIndex current = index;
        if (current == null) {
            SearchIndex opened = SearchIndex.openReadOnly(data.index(), data.analysis());
            // before the first snapshot is reported (and the replica ready), so its first users get warm answers
            SearchWarmUp.run(opened, List.of(), WARM_UP_SEARCHES, WARM_UP_BUDGET);
            index = opened;
        } else {
            current.refresh();
        }
        Instant now = clock.instant();
        generation.updateAndGet(g -> new DataGeneration(g.index() + 1, now, g.dictionary(), g.dictionaryUpdated()));
    }

    @Override
    public void swapDictionary(CompletionIndex dictionary) {
        suggester.set(dictionary);
        Instant now = clock.instant();
        generation.updateAndGet(g -> new DataGeneration(g.index(), g.indexUpdated(), g.dictionary() + 1, now));
    }

    @Override
    public SearchResults search(String query, int page, int size, SearchOptions options, String client) {
        SearchResults results = installed().search(query, page, size, options);
        if (page == 1) {
            events.firstPage(query, results, client);
        }
        return results;
    }

    Optional<SearchDocument> document(String url) {
        return installed().document(url);
    }

    private SearchIndex installed() {
        SearchIndex current = index;
        if (current == null) {
            throw new NotReadyException("no index snapshot installed yet");
        }
        return current;
    }

    /** The current dictionary; null until the first snapshot is installed. */
    Suggester suggester() {
        return suggester.get();
    }

    DataGeneration generation() {
        return generation.get();
    }

    /** Documents in the installed copy, 0 before the first. */
    long size() {
        SearchIndex current = index;
        return current == null ? 0 : current.size();
    }

    @Override
    public void close() {
        SearchIndex current = index;
        if (current != null) {
            current.close();
        }
    }
}
