package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chatda crawl} against a small site served by the test, then searched with {@code chatda search}. */
class CrawlCommandTest {

    private static final Map<String, String> SITE = Map.of(
            "/",
                    "<html><head><title>Home</title></head><body><a href='/deadlock'>교착상태</a> <a href='/gc'>GC</a></body></html>",
            "/deadlock",
                    "<html><head><title>교착상태 설명</title></head><body><main><p>교착상태는 서로를 기다리는 상태다.</p></main></body></html>",
            "/gc",
                    "<html><head><title>Garbage collection</title></head><body><p>Tracing collectors find live objects.</p></body></html>");

    @TempDir
    Path dir;

    private HttpServer server;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String page = SITE.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", page == null ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void crawledPagesAreSearchableAndStatusShowsTheRun() {
        String seed = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        String data = dir.toString();

        String[] crawl = run("crawl", seed, "--allow-private", "--delay", "0", "--data", data);

        assertThat(crawl[0]).as(crawl[2]).isEqualTo("0");
        assertThat(crawl[1]).contains("crawl finished").contains("indexed=3").contains("index holds 3 documents");
        assertThat(run("search", "--data", data, "교착상태")[1]).contains(" 1. 교착상태 설명\n    " + seed + "deadlock");
        assertThat(run("status", "--data", data)[1])
                .contains("index: 3 documents")
                .contains("#1 start done");
    }

    @Test
    void resumeWithoutUrlsKeepsTheCrawlsScopeAndSettings() {
        String seed = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        String data = dir.toString();
        String[] first = run(
                "crawl",
                seed,
                "--allow-private",
                "--delay",
                "0",
                "--max-pages",
                "1",
                "--exclude",
                "/gc$",
                "--data",
                data);
        assertThat(first[1]).as(first[2]).contains("index holds 1 documents");

        // no URL, no --allow-private, no --delay, no --exclude: all of them come from the stored run
        String[] resumed = run("crawl", "--resume", "--max-pages", "10", "--data", data);

        assertThat(resumed[0]).as(resumed[2]).isEqualTo("0");
        assertThat(resumed[1])
                .contains("crawl finished")
                .contains("index holds 2 documents")
                .doesNotContain("OFF_SITE")
                .doesNotContain("PRIVATE_ADDRESS");
        assertThat(run("search", "--data", data, "교착상태")[1]).contains(seed + "deadlock");
        assertThat(run("search", "--data", data, "collection")[1]).doesNotContain(seed + "gc");
    }

    @Test
    void loopbackIsRefusedWithoutAllowPrivate() {
        String seed = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

        String[] crawl = run("crawl", seed, "--delay", "0", "--data", dir.toString());

        assertThat(crawl[1]).contains("indexed=0").contains("private_address=1");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        for (String[] args : new String[][] {
            {"crawl"},
            {"crawl", "ftp://example.com/"},
            {"crawl", "not a url"},
            {"crawl", "http://example.com/", "--exclude", "("},
            {"crawl", "--resume", "--refresh"}
        }) {
            String[] result = run(concat(args, "--data", dir.toString()));
            assertThat(result[0]).as(String.join(" ", args)).isEqualTo("2");
            assertThat(result[2].strip().lines()).as(String.join(" ", args)).hasSize(1);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void startUpIsTimedFromTheLaunchersClockWhenItGaveOne() {
        java.time.Instant launched = java.time.Instant.now().minusMillis(1_500);
        String epoch = launched.getEpochSecond() + "," + String.format("%06d", launched.getNano() / 1_000);

        double seconds = Double.parseDouble(CrawlCommand.startupSeconds(epoch));

        assertThat(seconds).isBetween(1.5, 60.0);
        assertThat(CrawlCommand.startupSeconds(null)).isEqualTo("?");
        assertThat(CrawlCommand.startupSeconds("")).isEqualTo("?");
        assertThat(CrawlCommand.startupSeconds("soon")).isEqualTo("?");
    }
}
