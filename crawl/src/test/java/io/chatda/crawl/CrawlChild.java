package io.chatda.crawl;

import java.nio.file.Path;

/** A crawl in its own JVM, for the kill -9 test: {@code CrawlChild SEED DB SINKFILE}. */
public final class CrawlChild {
    private CrawlChild() {}

    public static void main(String[] args) {
        try (CrawlStore store = CrawlStore.open(Path.of(args[1]))) {
            new Crawler(store, new HtmlExtractor())
                    .run(
                            ResumeTest.config(args[0], CrawlMode.START),
                            new FileSink(Path.of(args[2])),
                            CrawlListener.NONE);
        }
    }
}
