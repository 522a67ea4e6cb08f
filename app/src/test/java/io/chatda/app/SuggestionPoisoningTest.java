package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import io.chatda.server.ChatdaServer;
import io.chatda.server.RateLimit;
import io.chatda.server.RequestClass;
import io.chatda.server.ServedData;
import io.chatda.server.ServerSettings;
import io.chatda.suggest.QueryPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 3, end to end: spam searches through the real server (clients told apart by a trusted proxy's
 * X-Forwarded-For) don't reach the suggestions; a query searched by enough clients does, unless blocked.
 */
class SuggestionPoisoningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void oneClientsFortySpamSearchesDontBecomeTheFirstSuggestion() throws Exception {
        DataDirectory data = new DataDirectory(dir).create();
        Files.writeString(data.suggestBlocklist(), "# operator's list\n카지노\n", StandardCharsets.UTF_8);
        PrintWriter quiet = new PrintWriter(new StringWriter());
        ServerSettings settings = ServerSettings.onPort(0).withTrustedProxies(List.of("127.0.0.1"));
        for (RequestClass c : RequestClass.values()) {
            settings = settings.withRateLimit(c, RateLimit.OFF);
        }
        try (Library library = Library.open(data, QueryPolicy.shared(data.suggestBlocklist()))) {
            DemoCorpus.bundled().importInto(library, data, quiet, quiet);
            ChatdaServer server = new ChatdaServer(
                    settings, new ServedData(library::search, library::suggester, library::generation, null));
            server.start();
            try {
                WebClient client = WebClient.of("h2c://127.0.0.1:" + server.port());
                for (int i = 0; i < 40; i++) {
                    search(client, "교착상태 무료 쿠폰 spam", "203.0.113.7");
                }
                search(client, "교착상태 한 번", "198.51.100.9");
                for (String ip : List.of("192.0.2.1", "192.0.2.2", "192.0.2.3")) {
                    search(client, "교착상태 회피", ip);
                    search(client, "교착상태 카지노", ip);
                }
                library.rebuildSuggestions();

                List<String> top = suggest(client, "교착상태");
                assertThat(top).contains("교착상태 회피").doesNotContain("교착상태 무료 쿠폰 spam", "교착상태 한 번", "교착상태 카지노");
            } finally {
                server.close();
            }
        }
    }

    private static void search(WebClient client, String q, String forwardedFor) {
        RequestHeaders get = RequestHeaders.builder(
                        HttpMethod.GET, "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .set("x-forwarded-for", forwardedFor)
                .build();
        assertThat(client.execute(get).aggregate().join().status().code()).isEqualTo(200);
    }

    private static List<String> suggest(WebClient client, String prefix) throws Exception {
        JsonNode answer =
                JSON.readTree(client.get("/api/suggest?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8))
                        .aggregate()
                        .join()
                        .contentUtf8());
        List<String> texts = new ArrayList<>();
        answer.get("suggestions").forEach(s -> texts.add(s.get("text").asText()));
        return texts;
    }
}
