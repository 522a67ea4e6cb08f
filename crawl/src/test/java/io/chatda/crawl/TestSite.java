package io.chatda.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local web site for crawler tests: a handler per path on a loopback port, counting requests per path. */
final class TestSite implements AutoCloseable {

    /** Answers one request. */
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static final String[] WORDS = ("search engine crawler index query page link robot sitemap "
                    + "canonical language korean english text title heading body anchor graph rank fetch parse token "
                    + "analyzer suggestion prefix jamo choseong keyboard layout typo score boost field document store "
                    + "commit segment merge shard replica snapshot frontier politeness delay timeout redirect cache "
                    + "header cookie session server client thread pool queue worker batch stream buffer charset "
                    + "encoding compress gzip deflate memory heap garbage collector latency throughput benchmark "
                    + "apple river mountain cloud winter summer garden window table chair orange violet silver "
                    + "engine rocket planet comet galaxy harbor island forest meadow valley canyon desert glacier")
            .split(" ");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    TestSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            Handler h = handlers.get(key);
            try (exchange) {
                if (h == null) {
                    send(exchange, 404, "text/html", "<html><title>not found</title></html>");
                } else {
                    h.handle(exchange);
                }
            } catch (IOException e) {
                // the client went away (a body too large, a timeout)
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** http://127.0.0.1:port + path */
    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    void on(String pathAndQuery, Handler handler) {
        handlers.put(pathAndQuery, handler);
    }

    void html(String pathAndQuery, String html) {
        on(pathAndQuery, ex -> send(ex, 200, "text/html; charset=utf-8", html));
    }

    /** A page with a title, generated distinct text and links. */
    void page(String pathAndQuery, String title, String... links) {
        html(pathAndQuery, pageHtml(title, text(pathAndQuery, 120), "", links));
    }

    static String pageHtml(String title, String text, String head, String... links) {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><title>")
                .append(title)
                .append("</title>")
                .append(head)
                .append("</head><body><nav><a href=\"/\">home</a></nav><main><h1>")
                .append(title)
                .append("</h1><p>")
                .append(text)
                .append("</p><ul>");
        for (String l : links) {
            b.append("<li><a href=\"").append(l).append("\">").append(l).append("</a></li>");
        }
        return b.append("</ul></main></body></html>").toString();
    }

    /** Deterministic pseudo-random prose, different for each seed. */
    static String text(String seed, int words) {
        Random random = new Random(seed.hashCode() * 31L + seed.length());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? ". " : " ");
        }
        return b.toString().strip();
    }

    /** A path that never answers: its requests are held until the site closes. */
    void hang(String pathAndQuery) {
        on(pathAndQuery, ex -> {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    void redirect(String from, int status, String to) {
        on(from, ex -> {
            ex.getResponseHeaders().set("Location", to);
            ex.sendResponseHeaders(status, -1);
        });
    }

    int hits(String pathAndQuery) {
        AtomicInteger n = hits.get(pathAndQuery);
        return n == null ? 0 : n.get();
    }

    Map<String, AtomicInteger> allHits() {
        return hits;
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static List<String> paths(TestSite site, List<String> urls) {
        String prefix = site.url("");
        return urls.stream()
                .map(u -> u.startsWith(prefix) ? u.substring(prefix.length()) : u)
                .toList();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
