package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import io.chatda.crawl.CrawlStore;
import io.chatda.server.ChatdaServer;
import io.chatda.server.ServedData;
import io.chatda.server.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawl submitted through the admin API runs in the background worker and its pages become searchable. */
class AdminCrawlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void queuedCrawlRunsInTheBackgroundAndItsPagesBecomeSearchable() throws Exception {
        TestSite site = TestSite.start("세마포어 안내", "세마포어는 카운터로 접근을 제한한다.");
        DataDirectory data = new DataDirectory(dir).create();
        try (Library library = Library.open(data);
                CrawlStore store = CrawlStore.open(data.crawlStore());
                CrawlWorker worker = new CrawlWorker(store, library, true)) {
            ChatdaServer server = new ChatdaServer(
                    ServerSettings.onPort(0).withAdminToken("s3cret"),
                    new ServedData(
                            io.chatda.server.core.SearchBackend.of(library.index()),
                            library::suggester,
                            library::generation,
                            worker.queue()));
            server.start();
            worker.start();
            try {
                WebClient client = WebClient.of("h2c://127.0.0.1:" + server.port());
                String seed = site.url();
                RequestHeaders post = RequestHeaders.builder(HttpMethod.POST, "/api/admin/crawl")
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer s3cret")
                        .contentType(MediaType.JSON)
                        .build();

                AggregatedHttpResponse accepted = client.execute(post, "{\"seeds\":[\"" + seed + "\"]}")
                        .aggregate()
                        .join();

                assertThat(accepted.status().code()).as(accepted.contentUtf8()).isEqualTo(202);
                String location = accepted.headers().get(HttpHeaderNames.LOCATION);
                JsonNode job = awaitFinished(client, location);
                assertThat(job.get("status").asText()).isEqualToIgnoringCase("done");
                JsonNode results = JSON.readTree(client.get("/api/search?q=%EC%84%B8%EB%A7%88%ED%8F%AC%EC%96%B4")
                        .aggregate()
                        .join()
                        .contentUtf8());
                assertThat(results.get("results").get(0).get("url").asText()).isEqualTo(seed);
            } finally {
                server.close();
                site.close();
            }
        }
    }

    private static JsonNode awaitFinished(WebClient client, String location) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            RequestHeaders get = RequestHeaders.builder(HttpMethod.GET, location)
                    .set(HttpHeaderNames.AUTHORIZATION, "Bearer s3cret")
                    .build();
            JsonNode job = JSON.readTree(client.execute(get).aggregate().join().contentUtf8());
            String status = job.get("status").asText().toLowerCase(java.util.Locale.ROOT);
            if (!status.equals("queued") && !status.equals("running")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("crawl job did not finish within 60 s");
    }
}
