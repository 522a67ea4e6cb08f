package io.chatda.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import io.chatda.search.SearchIndex;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.SuggestEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 items 8 and 9: oversized bodies, TRACE, the bearer scheme's case, raw bytes that aren't UTF-8. */
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "k3Jx9-Qw7Lm2Zp4V";

    @TempDir
    static Path dir;

    private static SearchIndex index;
    private static ChatdaServer server;
    private static WebClient client;
    private static final AtomicInteger submitted = new AtomicInteger();

    @BeforeAll
    static void start() {
        index = SearchIndex.open(dir);
        index.commit(Map.of());
        CrawlJobs jobs = new CrawlJobs() {
            @Override
            public JobId submit(CrawlRequest request) {
                return new JobId(submitted.incrementAndGet());
            }

            @Override
            public Optional<JobStatus> status(long id) {
                return Optional.empty();
            }
        };
        var suggester = CompletionIndex.build(List.of(new SuggestEntry("교착상태", 1, SuggestEntry.Kind.TITLE, "u")));
        server = new ChatdaServer(
                ServerSettings.onPort(0).withAdminToken(TOKEN),
                ServedData.fixed(index, () -> suggester).withCrawlJobs(jobs));
        server.start();
        client = WebClient.builder("h2c://127.0.0.1:" + server.port())
                .maxResponseLength(0)
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
        index.close();
    }

    private static AggregatedHttpResponse send(HttpMethod method, String path, String authorization, byte[] body) {
        com.linecorp.armeria.common.RequestHeadersBuilder headers =
                RequestHeaders.builder(method, path).contentType(MediaType.JSON);
        if (authorization != null) {
            headers.set(HttpHeaderNames.AUTHORIZATION, authorization);
        }
        return client.execute(headers.build(), body).aggregate().join();
    }

    @Test
    void anOversizedBodyIs413JsonOnEveryRouteEvenBeforeTheTokenCheck() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        int submittedBefore = submitted.get();
        for (String path : List.of("/api/admin/crawl", "/api/search?q=x", "/api/suggest?q=x", "/health", "/")) {
            for (String auth : new String[] {null, "Bearer " + TOKEN}) {
                AggregatedHttpResponse res = send(HttpMethod.POST, path, auth, big);
                assertThat(res.status().code()).as(path + " " + auth).isIn(405, 413);
                assertThat(res.contentType()).as(path).hasToString("application/json; charset=utf-8");
                assertThat(JSON.readTree(res.contentUtf8()).get("error").asText())
                        .isNotBlank();
            }
        }
        AggregatedHttpResponse admin = send(HttpMethod.POST, "/api/admin/crawl", "Bearer " + TOKEN, big);
        assertThat(admin.status().code()).isEqualTo(413);
        // a GET's body is never read: ignored, not an error
        AggregatedHttpResponse search = send(HttpMethod.GET, "/api/search?q=x", null, new byte[4096]);
        assertThat(search.status().code()).isLessThan(500);
        assertThat(submitted).hasValue(submittedBefore);
        assertThat(scrape()).doesNotContain("http_status=\"500\"");
    }

    @Test
    void traceIsAJson405() throws Exception {
        for (String path : List.of("/", "/api/search?q=x", "/api/admin/crawl")) {
            AggregatedHttpResponse res = send(HttpMethod.TRACE, path, null, new byte[0]);
            assertThat(res.status().code()).as(path).isEqualTo(405);
            assertThat(res.contentType()).as(path).hasToString("application/json; charset=utf-8");
        }
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        byte[] body = "{\"seeds\":[\"https://example.org/\"]}".getBytes(StandardCharsets.UTF_8);
        for (String scheme : List.of("Bearer", "bearer", "BEARER")) {
            assertThat(send(HttpMethod.POST, "/api/admin/crawl", scheme + " " + TOKEN, body)
                            .status()
                            .code())
                    .as(scheme)
                    .isEqualTo(202);
        }
        assertThat(send(HttpMethod.POST, "/api/admin/crawl", "Basic " + TOKEN, body)
                        .status()
                        .code())
                .isEqualTo(401);
        assertThat(send(HttpMethod.POST, "/api/admin/crawl", "Bearer " + TOKEN.toLowerCase(), body)
                        .status()
                        .code())
                .isEqualTo(401);
        assertThat(send(HttpMethod.POST, "/api/admin/crawl", "Bearer  " + TOKEN + "x", body)
                        .status()
                        .code())
                .isEqualTo(401);
    }

    @Test
    void rawBytesThatAreNotUtf8Are400() throws Exception {
        for (byte[] raw : List.of(
                new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xc3, (byte) 0x28},
                new byte[] {'a', (byte) 0xe0, (byte) 0xa4},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})) {
            String answer = rawHttp1("/api/search?q=", raw);
            assertThat(answer).as(java.util.Arrays.toString(raw)).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("application/json");
        }
        assertThat(rawHttp1("/api/search?q=", "교착".getBytes(StandardCharsets.UTF_8)))
                .startsWith("HTTP/1.1 200");
    }

    /** A GET whose query string carries these bytes unencoded, as curl sends them. */
    private static String rawHttp1(String pathAndQuery, byte[] raw) throws Exception {
        byte[] prefix = pathAndQuery.getBytes(StandardCharsets.US_ASCII);
        byte[] target = java.util.Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, target, prefix.length, raw.length);
        return RawHttp1.get(server.port(), target);
    }

    private static String scrape() {
        return client.get("/metrics").aggregate().join().contentUtf8();
    }
}
