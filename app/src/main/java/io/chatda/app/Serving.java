package io.chatda.app;

import io.chatda.crawl.CrawlStore;
import io.chatda.server.ChatdaServer;
import io.chatda.server.ServedData;
import io.chatda.server.ServerSettings;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** Runs the HTTP server over an open library until the process is asked to stop (Ctrl-C, SIGTERM). */
final class Serving {

    private Serving() {
    }

    static void serveUntilStopped(Library library, DataDirectory dir, int port, ServeOptions options, PrintWriter out)
            throws InterruptedException {
        ServerSettings settings = options.settings(port);
        CrawlStore store = CrawlStore.open(dir.crawlStore());
        CrawlWorker crawls = new CrawlWorker(store, library, options.allowPrivateCrawls);
        ServedData data = new ServedData(library::search, library::suggester, library::generation, crawls.queue())
                .withMetrics(library::bindMetrics);
        ChatdaServer server = new ChatdaServer(settings, data);
        try {
            server.start();
        } catch (RuntimeException e) {
            store.close();
            throw new UsageException("can't listen on port " + port + ": " + rootMessage(e));
        }
        crawls.start();
        Thread warmUp = new Thread(library::warmUp, "chatda-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            crawls.close();
            store.close();
            library.close();
            stopped.countDown();
        }, "chatda-shutdown"));
        out.printf("chatda is serving %d documents on %s://localhost:%d (Ctrl-C to stop)%n",
                library.index().size(), options.scheme(), server.port());
        out.flush();
        stopped.await();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
