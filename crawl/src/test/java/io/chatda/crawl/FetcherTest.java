package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher over plain http against a local site: deadlines, connection reuse, bodies within limits. */
class FetcherTest {

    private TestSite site;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite();
        CrawlConfig config = CrawlConfig.builder(List.of(site.url("/")))
                .allowPrivate(true)
                .readTimeout(Duration.ofMillis(400))
                .maxBodyBytes(100_000)
                .build();
        fetcher = new Fetcher(new AddressGuard(true, Set.of()), new UrlRules(config), config);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        site.close();
    }

    @Test
    void aServerTricklingItsBodyIsCutOffAtTwiceTheReadTimeout() {
        // a byte every 100 ms never trips the 400 ms read timeout; the whole body would take 6 s
        site.on("/trickle", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 60);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 60; i++) {
                out.write('x');
                out.flush();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.get(site.url("/trickle"), null, null, true, hop -> null))
                .isInstanceOfSatisfying(Fetcher.FetchException.class, e -> {
                    assertThat(e.reason).isEqualTo(SkipReason.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("no complete response within 800 ms");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void requestsToOneHostReuseOneConnection() throws Exception {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        site.on("/page", ex -> {
            clientPorts.add(ex.getRemoteAddress().getPort());
            TestSite.send(ex, 200, "text/html", TestSite.pageHtml("Page", "words", ""));
        });
        for (int i = 0; i < 5; i++) {
            assertThat(fetcher.get(site.url("/page"), null, null, true, hop -> null)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(site.hits("/page")).isEqualTo(5);
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void aGzipBodyIsDecodedAndHeadersAreReadIgnoringCase() throws Exception {
        site.on("/zipped", ex -> {
            byte[] html = TestSite.pageHtml("Zipped", "compressed words", "").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(html);
            }
            ex.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.sendResponseHeaders(200, zipped.size());
            ex.getResponseBody().write(zipped.toByteArray());
        });
        Fetcher.Response r = fetcher.get(site.url("/zipped"), null, null, true, hop -> null);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("compressed words");
        assertThat(r.mimeType()).isEqualTo("text/html");
        assertThat(r.charset()).isEqualTo("utf-8");
        assertThat(r.headers().firstValue("etag")).hasValue("\"v1\"");
    }

    @Test
    void aBodyPastTheLimitIsRefusedWhetherAnnouncedOrNot() {
        byte[] big = new byte[150_000];
        Arrays.fill(big, (byte) 'a');
        site.on("/announced", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, big.length);
            ex.getResponseBody().write(big);
        });
        site.on("/chunked", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write(big);
        });
        assertThatThrownBy(() -> fetcher.get(site.url("/announced"), null, null, true, hop -> null))
                .isInstanceOfSatisfying(Fetcher.FetchException.class, e -> {
                    assertThat(e.reason).isEqualTo(SkipReason.TOO_LARGE);
                    assertThat(e.getMessage()).isEqualTo("Content-Length 150000 > 100000");
                });
        assertThatThrownBy(() -> fetcher.get(site.url("/chunked"), null, null, true, hop -> null))
                .isInstanceOfSatisfying(Fetcher.FetchException.class, e -> {
                    assertThat(e.reason).isEqualTo(SkipReason.TOO_LARGE);
                    assertThat(e.getMessage()).isEqualTo("body > 100000 bytes");
                });
    }
}
