package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JdkHttpTransportTest {

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t ->
                        t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }

    @Test
    void closingATransportEndsItsClientsSelectorThreadAndNoOther() throws InterruptedException {
        Set<Thread> before = selectorThreads();
        CrawlConfig config =
                CrawlConfig.builder(List.of("https://example.com/")).build();
        JdkHttpTransport kept = new JdkHttpTransport(config);
        Set<Thread> keptThreads = selectorThreads();
        keptThreads.removeAll(before);
        JdkHttpTransport closed = new JdkHttpTransport(config);
        Set<Thread> closedThreads = selectorThreads();
        closedThreads.removeAll(before);
        closedThreads.removeAll(keptThreads);
        assertThat(keptThreads).hasSize(1);
        assertThat(closedThreads).hasSize(1);

        closed.close();
        Thread selector = closedThreads.iterator().next();
        selector.join(5_000);
        assertThat(selector.isAlive()).isFalse();
        assertThat(keptThreads.iterator().next().isAlive()).isTrue();
        kept.close();
    }
}
