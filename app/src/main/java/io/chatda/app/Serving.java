package io.chatda.app;

import io.chatda.crawl.CrawlStore;
import io.chatda.crawl.CrawlStoreException;
import io.chatda.server.ChatdaServer;
import io.chatda.server.Readiness;
import io.chatda.server.ServedData;
import io.chatda.server.ServerSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the HTTP server over an open library until the process is asked to stop (Ctrl-C, SIGTERM). */
final class Serving implements AutoCloseable {

    /**
     * The longest the searches before listening may take: the first hundred searches after a start
     * measured 5-10x slower than warm ones (JIT), so they are run here instead of by the first users.
     */
    private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(5);

    private final ChatdaServer server;
    private final CrawlWorker crawls;
    private final CrawlStore store;
    private final Library library;
    private final SharedState shared;
    private final AutoCloseable replication;

    private Serving(
            ChatdaServer server,
            CrawlWorker crawls,
            CrawlStore store,
            Library library,
            SharedState shared,
            AutoCloseable replication) {
        this.server = server;
        this.crawls = crawls;
        this.store = store;
        this.library = library;
        this.shared = shared;
        this.replication = replication;
    }

    static void serveUntilStopped(Library library, DataDirectory dir, int port, ServeOptions options, PrintWriter out)
            throws InterruptedException {
        closeOnExit(start(library, dir, port, options, out));
    }

    /** Waits until the process is asked to stop (Ctrl-C, SIGTERM), then closes {@code serving}. */
    static void closeOnExit(AutoCloseable serving) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                serving.close();
                            } catch (Exception e) {
                                LoggerFactory.getLogger(Serving.class).error("stopping failed", e);
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "chatda-shutdown"));
        stopped.await();
    }

    /** {@link #start(Library, DataDirectory, int, ServeOptions, PrintWriter, ServingRole)} as a single server. */
    static Serving start(Library library, DataDirectory dir, int port, ServeOptions options, PrintWriter out) {
        return start(library, dir, port, options, out, ServingRole.standalone());
    }

    /**
     * Starts serving; {@link #close()} stops the server and closes the library. A crawl store that can't be opened
     * (damaged) leaves search and suggestions up without the admin crawl routes, and says so.
     */
    static Serving start(
            Library library, DataDirectory dir, int port, ServeOptions options, PrintWriter out, ServingRole role) {
        ServerSettings settings = options.settings(port);
        SharedState shared = role.shared();
        CrawlStore store = openCrawlStore(dir, out);
        CrawlWorker crawls = store == null ? null : new CrawlWorker(store, library, options.allowPrivateCrawls);
        ServedData data = new ServedData(
                        library::search,
                        library::suggester,
                        library::generation,
                        crawls == null ? null : crawls.queue())
                .withMetrics(registry -> {
                    library.bindMetrics(registry);
                    shared.bindTo(registry);
                })
                .withDocuments(url -> library.index().document(url), new ViewMarkup())
                .withReadiness(crawls == null ? Readiness.READY : crawls.readiness());
        if (role.pathImports()) {
            data = data.withImports(new LocalImports(library));
        }
        ChatdaServer server = new ChatdaServer(settings, data, role.replication(), shared.rateLimits());
        long warmStart = System.nanoTime();
        int warmed = library.warmUpSearch(options.warmUpSearches, WARM_UP_BUDGET);
        out.printf(
                "warmed the search path: %d searches in %d ms%n", warmed, (System.nanoTime() - warmStart) / 1_000_000);
        try {
            server.start();
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            throw new UsageException("can't listen on port " + port + ": " + rootMessage(e));
        }
        if (crawls != null) {
            crawls.start();
        }
        Thread warmUp = new Thread(library::warmUp, "chatda-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        out.printf(
                "chatda is serving %d documents on %s://localhost:%d (Ctrl-C to stop)%n",
                library.index().size(), options.scheme(), server.port());
        out.flush();
        return new Serving(server, crawls, store, library, shared, role.replicationParts());
    }

    int port() {
        return server.port();
    }

    private static CrawlStore openCrawlStore(DataDirectory dir, PrintWriter out) {
        try {
            return CrawlStore.open(dir.crawlStore());
        } catch (CrawlStoreException e) {
            Logger log = LoggerFactory.getLogger(Serving.class);
            log.error("can't open the crawl store {}; serving without crawl jobs", dir.crawlStore(), e);
            out.printf(
                    "crawl jobs unavailable: %s%n",
                    e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    /** Stops the server, the crawl worker and the shared state, then closes the data; all even if one fails. */
    @Override
    public void close() {
        CloseAll.close("the server", server::close, crawls, store, shared, replication, library);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
