package io.chatda.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import io.chatda.server.ChatdaServer;
import io.chatda.server.RateLimit;
import io.chatda.server.RequestClass;
import io.chatda.server.ServedData;
import io.chatda.server.ServerSettings;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.Suggester;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Fuzz target of the search and suggest request path: any query string (raw bytes, as a client may send
 * them) gets an answer that is not a server error, from a real server over a real socket. Without
 * {@code JAZZER_FUZZ} (every {@code verify}) it replays the seeds below; with it, Jazzer mutates them.
 */
class RequestPathFuzzTest {

    private static final List<String> ROUTES = List.of("/api/search?", "/api/suggest?", "/search?");
    private static Path dir;
    private static SearchIndex index;
    private static ChatdaServer server;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("chatda-fuzz");
        index = SearchIndex.open(dir);
        index.upsert(new SearchDocument(
                "file:///deadlock.md",
                "교착상태 (Deadlock)",
                List.of("발생 조건"),
                "교착상태는 둘 이상의 프로세스가 서로의 자원을 기다리는 상태다. A deadlock never resolves itself.",
                "demo",
                "mixed"));
        index.upsert(new SearchDocument("file:///gc.md", "가비지 컬렉션", List.of(), "메모리를 회수한다.", "demo", "ko"));
        index.commit(Map.of());
        Suggester suggester = CompletionIndex.build(
                List.of(new SuggestEntry("교착상태 (Deadlock)", 1, SuggestEntry.Kind.TITLE, "file:///deadlock.md")));
        ServerSettings settings = ServerSettings.onPort(0);
        for (RequestClass c : RequestClass.values()) {
            settings = settings.withRateLimit(c, RateLimit.OFF);
        }
        server = new ChatdaServer(settings, ServedData.fixed(index, () -> suggester));
        server.start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        index.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    static Stream<Arguments> seeds() {
        return Stream.of(
                        "q=교착상태",
                        "q=%EA%B5%90%EC%B0%A9",
                        "q=%E0%A4%A",
                        "q=%",
                        "q=%zz",
                        "q=a&page=0",
                        "q=a&page=99999999999999",
                        "q=a&size=abc",
                        "q=\"unclosed phrase",
                        "q=-",
                        "q=-a -b",
                        "q=site:",
                        "q=site:demo%20gc",
                        "q=OR%20OR%20OR",
                        "q=a%20OR",
                        "limit=-1&q=x",
                        "limit=21&q=x",
                        "q=" + "a".repeat(600),
                        "q=%00",
                        "q=+++",
                        "explain=maybe&q=x",
                        "explain=true&q=deadlock",
                        "q=*:*",
                        "q=title:(x",
                        "q=%5C",
                        "q=%F0%9F%98%80",
                        "q=%ED%A0%80",
                        "&&&",
                        "=",
                        "q",
                        "q=&q=x",
                        "q=%E3%84%B1%E3%85%85",
                        "q=rjator",
                        "q=\u3131\u3145",
                        // one long CJK word expands past Lucene's clause limit unless the query degrades
                        "q=" + "가나다라마바사아자차카타파하".repeat(11),
                        "q=" + ("漢字假名交じり文".repeat(20) + "%20").repeat(8))
                .map(s -> Arguments.of((Object) s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Raw bytes past the {@code ?}: only what would end the request line is percent-encoded. */
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    @FuzzTest
    void anyQueryStringIsAnsweredWithoutAServerError(@NotNull byte[] query) throws IOException {
        for (String route : ROUTES) {
            int status = get(route, query);
            assertThat(status)
                    .as(route + new String(query, StandardCharsets.ISO_8859_1))
                    .isBetween(200, 499);
        }
    }

    private static int get(String route, byte[] query) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("GET " + route).getBytes(StandardCharsets.US_ASCII));
        for (byte b : query) {
            int c = b & 0xff;
            if (c <= 0x20 || c == 0x7f || c == '#') {
                request.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            } else {
                request.write(c);
            }
        }
        request.writeBytes(
                " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12); // "HTTP/1.1 200"
            String line = new String(head, StandardCharsets.US_ASCII);
            assertThat(line).startsWith("HTTP/1.1 ");
            return Integer.parseInt(line.substring(9, 12));
        }
    }
}
