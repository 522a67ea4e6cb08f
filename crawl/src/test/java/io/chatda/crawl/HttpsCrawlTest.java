package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.server.Server;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawling an https site: the crawler speaks HTTP/2 when the server offers it (ALPN), and trusts only the
 * certificates its TLS context does. The site's self-signed certificate for 127.0.0.1 is a test resource.
 */
class HttpsCrawlTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    private final Map<String, SessionProtocol> protocolByPath = new ConcurrentHashMap<>();
    private KeyStore keys;
    private Server server;

    @BeforeEach
    void startSite() throws Exception {
        keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = HttpsCrawlTest.class.getResourceAsStream("/tls/localhost.p12")) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        server = Server.builder()
                .https(0)
                .tls(keyManagers)
                .service("/", (ctx, req) -> page(ctx.sessionProtocol(), "/", "Home", "/second"))
                .service("/second", (ctx, req) -> page(ctx.sessionProtocol(), "/second", "Second"))
                .build();
        server.start().join();
    }

    private HttpResponse page(SessionProtocol protocol, String path, String title, String... links) {
        protocolByPath.put(path, protocol);
        return HttpResponse.of(
                HttpStatus.OK, MediaType.HTML_UTF_8, TestSite.pageHtml(title, TestSite.text(path, 120), "", links));
    }

    @AfterEach
    void stopSite() {
        server.stop().join();
    }

    private CrawlConfig.Builder config() {
        return CrawlConfig.builder(List.of("https://127.0.0.1:" + server.activeLocalPort(SessionProtocol.HTTPS) + "/"))
                .allowPrivate(true)
                .delay(Duration.ZERO)
                .maxRetries(0);
    }

    @Test
    void pagesOfAnHttpsSiteAreFetchedOverHttp2() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        CrawlerAcceptanceTest.RecordingSink sink = new CrawlerAcceptanceTest.RecordingSink();
        try (CrawlStore store = CrawlStore.open(dir.resolve("crawl.db"))) {
            new Crawler(store, new HtmlExtractor()).run(config().tls(tls).build(), sink, p -> {});
        }

        assertThat(sink.accepted.stream().map(SourceDocument::title).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("Home", "Second");
        assertThat(protocolByPath)
                .containsOnlyKeys("/", "/second")
                .containsValues(SessionProtocol.H2)
                .doesNotContainValue(SessionProtocol.H1);
    }

    @Test
    void aSiteWhoseCertificateTheTlsContextDoesNotTrustIsNotCrawled() {
        CrawlerAcceptanceTest.RecordingSink sink = new CrawlerAcceptanceTest.RecordingSink();
        try (CrawlStore store = CrawlStore.open(dir.resolve("crawl.db"))) {
            new Crawler(store, new HtmlExtractor()).run(config().build(), sink, p -> {});
            assertThat(store.urls()).singleElement().satisfies(r -> {
                assertThat(r.reason()).isEqualTo(SkipReason.ROBOTS_UNAVAILABLE);
                assertThat(r.detail()).contains("SSLHandshakeException");
            });
        }
        assertThat(sink.accepted).isEmpty();
        assertThat(protocolByPath).isEmpty();
    }
}
