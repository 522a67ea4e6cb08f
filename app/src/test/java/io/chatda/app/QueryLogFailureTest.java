package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.chatda.server.ChatdaServer;
import io.chatda.server.ServedData;
import io.chatda.server.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query log is off the search path: a disk that refuses its writes never fails a search. */
class QueryLogFailureTest {

    @TempDir
    Path dir;

    @Test
    void aQueryLogThatCantBeWrittenNeverFailsASearch() throws Exception {
        DataDirectory data = new DataDirectory(dir).create();
        Path events = data.root().resolve("querylog").resolve("events.log");
        try (Library library = Library.open(data)) {
            ChatdaServer server = new ChatdaServer(
                    ServerSettings.onPort(0),
                    new ServedData(library::search, library::suggester, library::generation, null)
                            .withMetrics(library::bindMetrics));
            server.start();
            Files.deleteIfExists(events);
            Files.createDirectory(events); // every append now fails, as on a broken disk
            try {
                WebClient client = WebClient.of("h2c://127.0.0.1:" + server.port());
                AggregatedHttpResponse answer =
                        client.get("/api/search?q=deadlock").aggregate().join();

                assertThat(answer.status().code()).isEqualTo(200);
                Await.until(
                        "the failed write counted",
                        () -> metrics(client).contains("chatda_querylog_write_failures_total 1.0"));
                assertThat(metrics(client)).contains("chatda_querylog_dropped_total 0.0");
            } finally {
                server.close();
                Files.delete(events);
            }
        }
    }

    private static String metrics(WebClient client) {
        return client.get("/metrics").aggregate().join().contentUtf8();
    }
}
