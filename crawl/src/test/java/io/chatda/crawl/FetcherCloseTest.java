package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FetcherCloseTest {

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }

    @Test
    void closingAClientEndsItsSelectorThreadAndNoOther() throws InterruptedException {
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            Set<Thread> before = selectorThreads();
            CrawlConfig config = CrawlConfig.builder(List.of("http://example.com/")).build();
            HttpClient kept = Fetcher.newClient(config, executor);
            Set<Thread> keptThreads = selectorThreads();
            keptThreads.removeAll(before);
            HttpClient closed = Fetcher.newClient(config, executor);
            Set<Thread> closedThreads = selectorThreads();
            closedThreads.removeAll(before);
            closedThreads.removeAll(keptThreads);
            assertThat(keptThreads).hasSize(1);
            assertThat(closedThreads).hasSize(1);

            Fetcher.close(closed);
            Thread selector = closedThreads.iterator().next();
            selector.join(5_000);
            assertThat(selector.isAlive()).isFalse();
            assertThat(keptThreads.iterator().next().isAlive()).isTrue();
            Fetcher.close(kept);
        } finally {
            executor.shutdownNow();
        }
    }
}
