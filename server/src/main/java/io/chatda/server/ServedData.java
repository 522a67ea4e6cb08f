package io.chatda.server;

import io.chatda.search.SearchIndex;
import io.chatda.server.core.DocumentMarkup;
import io.chatda.server.core.DocumentStore;
import io.chatda.server.core.SearchBackend;
import io.chatda.suggest.Suggester;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the server serves, supplied by the app.
 *
 * @param search     runs queries and logs them
 * @param suggester  the current dictionary, read per request so rebuilds are seen; null until loaded
 * @param generation the current index and dictionary generation (see {@link DataGeneration})
 * @param crawlJobs  the crawl job queue behind the admin routes, or null for no admin routes
 * @param metrics    registers the app's own meters (the query log's) in the server's registry
 * @param documents  the stored documents the document view shows
 * @param markup     how the document view cleans stored HTML and names headings
 * @param readiness  what else {@code /ready} checks (the app's background workers)
 * @param imports    imports of the server's own files behind the admin token, or null for none
 */
public record ServedData(
        SearchBackend search,
        Supplier<Suggester> suggester,
        Supplier<DataGeneration> generation,
        CrawlJobs crawlJobs,
        MeterBinder metrics,
        DocumentStore documents,
        DocumentMarkup markup,
        Readiness readiness,
        PathImports imports) {

    public ServedData {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(suggester, "suggester");
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(metrics, "metrics");
        documents = Objects.requireNonNullElse(documents, DocumentStore.NONE);
        markup = Objects.requireNonNullElse(markup, DocumentMarkup.NONE);
        readiness = Objects.requireNonNullElse(readiness, Readiness.READY);
    }

    /** Data without a document view. */
    public ServedData(
            SearchBackend search,
            Supplier<Suggester> suggester,
            Supplier<DataGeneration> generation,
            CrawlJobs crawlJobs) {
        this(
                search,
                suggester,
                generation,
                crawlJobs,
                registry -> {},
                DocumentStore.NONE,
                DocumentMarkup.NONE,
                Readiness.READY,
                null);
    }

    /**
     * Data that doesn't change while served (tests, read-only use): generation fixed, no admin routes, no
     * document view.
     */
    public static ServedData fixed(SearchIndex index, Supplier<Suggester> suggester) {
        DataGeneration fixed = DataGeneration.fixed();
        return new ServedData(SearchBackend.of(index), suggester, () -> fixed, null);
    }

    /** The same data with admin routes over {@code jobs}. */
    public ServedData withCrawlJobs(CrawlJobs jobs) {
        return new ServedData(search, suggester, generation, jobs, metrics, documents, markup, readiness, imports);
    }

    /** The same data with the app's meters. */
    public ServedData withMetrics(MeterBinder binder) {
        return new ServedData(search, suggester, generation, crawlJobs, binder, documents, markup, readiness, imports);
    }

    /** The same data with the document view over {@code store}, its HTML treated by {@code markup}. */
    public ServedData withDocuments(DocumentStore store, DocumentMarkup markup) {
        return new ServedData(search, suggester, generation, crawlJobs, metrics, store, markup, readiness, imports);
    }

    /** The same data with {@code check} as part of readiness. */
    public ServedData withReadiness(Readiness check) {
        return new ServedData(search, suggester, generation, crawlJobs, metrics, documents, markup, check, imports);
    }

    /** The same data with imports of the server's own files behind the admin token. */
    public ServedData withImports(PathImports pathImports) {
        return new ServedData(
                search, suggester, generation, crawlJobs, metrics, documents, markup, readiness, pathImports);
    }
}
