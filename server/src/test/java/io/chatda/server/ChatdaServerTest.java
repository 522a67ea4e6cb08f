package io.chatda.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.ClientRequestContext;
import com.linecorp.armeria.client.Clients;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.SessionProtocol;
import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.Suggester;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API end to end: a real server on a random port, a real HTTP/2 (h2c, prior knowledge) client. */
class ChatdaServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static SearchIndex index;
    private static ChatdaServer server;
    private static WebClient client;

    @BeforeAll
    static void start() {
        index = SearchIndex.open(dir);
        index.upsert(new SearchDocument(
                "file:///deadlock.md",
                "교착상태 (Deadlock)",
                List.of("발생 조건"),
                "교착상태는 둘 이상의 프로세스가 서로의 자원을 기다리는 상태다. A deadlock never resolves itself.",
                "demo",
                "mixed"));
        index.upsert(new SearchDocument(
                "file:///gc.md", "가비지 컬렉션", List.of(), "가비지 컬렉션은 메모리를 회수한다. <script>alert(1)</script>", "demo", "ko"));
        index.commit(Map.of());
        Suggester suggester = CompletionIndex.build(List.of(
                new SuggestEntry("교착상태 (Deadlock)", 1, SuggestEntry.Kind.TITLE, "file:///deadlock.md"),
                new SuggestEntry("교착상태의 조건", 1, SuggestEntry.Kind.HEADING, "file:///deadlock.md")));
        server = new ChatdaServer(ServerSettings.onPort(0), index, () -> suggester);
        server.start();
        client = WebClient.of("h2c://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        index.close();
    }

    private static AggregatedHttpResponse get(String pathAndQuery) {
        return client.get(pathAndQuery).aggregate().join();
    }

    private static JsonNode json(AggregatedHttpResponse res) throws Exception {
        assertThat(res.contentType()).hasToString("application/json; charset=utf-8");
        return JSON.readTree(res.contentUtf8());
    }

    @Test
    void searchAnswersOverHttp2WithTheBestPageFirst() throws Exception {
        AggregatedHttpResponse res;
        try (var captor = Clients.newContextCaptor()) {
            res = get("/api/search?q=%EA%B5%90%EC%B0%A9%EC%83%81%ED%83%9C");
            ClientRequestContext ctx = captor.get();
            assertThat(ctx.log().whenComplete().join().sessionProtocol()).isEqualTo(SessionProtocol.H2C);
        }

        assertThat(res.status().code()).isEqualTo(200);
        JsonNode body = json(res);
        assertThat(body.get("total").asInt()).isEqualTo(1);
        assertThat(body.get("tookMs").asDouble()).isGreaterThanOrEqualTo(0);
        JsonNode first = body.get("results").get(0);
        assertThat(first.get("url").asText()).isEqualTo("file:///deadlock.md");
        assertThat(first.get("title").asText()).isEqualTo("교착상태 (Deadlock)");
        assertThat(first.get("snippet").asText()).contains("<mark>교착</mark>");
        assertThat(json(get("/api/search?q=deadlock"))
                        .get("results")
                        .get(0)
                        .get("url")
                        .asText())
                .isEqualTo("file:///deadlock.md");
    }

    @Test
    void explainTrueAddsEachHitsScoreBreakdown() throws Exception {
        JsonNode explained =
                json(get("/api/search?q=deadlock&explain=true")).get("results").get(0);
        JsonNode plain = json(get("/api/search?q=deadlock")).get("results").get(0);

        assertThat(explained.get("url").asText()).isEqualTo("file:///deadlock.md");
        assertThat(explained.get("explanation").asText())
                .contains("authority factor")
                .contains("weight(");
        assertThat(plain.has("explanation")).isFalse();
        assertThat(json(get("/api/search?q=deadlock&explain=false"))
                        .get("results")
                        .get(0)
                        .has("explanation"))
                .isFalse();
    }

    @Test
    void snippetsNeverCarryRawDocumentHtml() throws Exception {
        JsonNode first = json(get("/api/search?q=alert")).get("results").get(0);

        assertThat(first.get("snippet").asText()).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void suggestReturnsCompletionsOfThePrefix() throws Exception {
        JsonNode body = json(get("/api/suggest?q=%EA%B5%90"));

        assertThat(body.get("suggestions")).hasSize(2);
        assertThat(body.get("suggestions").get(0).get("text").asText()).startsWith("교");
        assertThat(body.get("suggestions").get(0).get("kind").asText()).isIn("title", "heading");
    }

    @Test
    void badInputIsA400JsonErrorAndTheServerKeepsServing() throws Exception {
        for (String path : List.of(
                "/api/search",
                "/api/search?q=",
                "/api/search?q=%20%20",
                "/api/search?q=" + "a".repeat(10_000),
                "/api/search?q=%FF%FE",
                "/api/suggest",
                "/api/search?q=x&size=999",
                "/api/search?q=x&page=abc",
                "/api/search?q=x&explain=maybe")) {
            AggregatedHttpResponse res = get(path);
            assertThat(res.status().code()).as(path).isEqualTo(400);
            assertThat(json(res).get("error").asText()).as(path).isNotBlank().doesNotContain("Exception");
        }
        // a truncated percent-escape, which well-behaved clients refuse to send, over a raw connection
        for (String path : List.of("/api/search?q=%E0%A4%A", "/api/suggest?q=%E0%A4%A", "/api/search?q=%")) {
            String raw = rawHttp1Get(path);
            assertThat(raw).as(path).startsWith("HTTP/1.1 400");
            assertThat(raw).as(path).contains("application/json").contains("\"error\"");
        }
        assertThat(get("/api/search?q=deadlock").status().code()).isEqualTo(200);
    }

    private static String rawHttp1Get(String path) throws Exception {
        return RawHttp1.get(server.port(), path);
    }

    @Test
    void healthMetricsAndPageAreServed() {
        assertThat(get("/health").contentUtf8()).contains("up");
        get("/api/search?q=deadlock");
        assertThat(get("/metrics").contentUtf8()).contains("chatda_http").contains("jvm_memory_used_bytes");
        AggregatedHttpResponse page = get("/");
        assertThat(page.status().code()).isEqualTo(200);
        assertThat(page.contentUtf8()).contains("<input id=\"q\"");
        assertThat(get("/static/app.js").contentUtf8()).contains("/api/suggest");
    }

    @Test
    void unknownRoutesAreJson404() throws Exception {
        AggregatedHttpResponse res = get("/nope");

        assertThat(res.status().code()).isEqualTo(404);
        assertThat(json(res).get("error").asText()).isNotBlank();
    }
}
