package io.chatda.bench.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches a list of URLs with one of the two HTTP clients the crawler uses, configured as it configures them,
 * on a pool of worker threads: {@code blocking} is {@link HttpURLConnection} (the crawler's http transport),
 * {@code async} is {@code java.net.http.HttpClient} asked for HTTP/2 on a cached executor (its https transport,
 * and what it used for http before); {@code async-direct} runs that client's tasks on its selector thread, and
 * {@code async-http1} asks it for HTTP/1.1. Run each in a fresh JVM under {@code /usr/bin/time} to compare their
 * CPU: bench/scripts/fetch-clients.sh does, on gimp-help-ko.
 * Usage: FetchClients blocking|async|async-direct|async-http1 URL-FILE [threads]
 */
public final class FetchClients {

    private FetchClients() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        List<String> urls = Files.readAllLines(Path.of(args[1]));
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        ExecutorService io = Executors.newCachedThreadPool();
        if (!List.of("blocking", "async", "async-direct", "async-http1").contains(mode)) {
            throw new IllegalArgumentException("mode: blocking, async, async-direct or async-http1");
        }
        HttpClient async = mode.startsWith("async")
                ? HttpClient.newBuilder()
                        .version(mode.equals("async-http1") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10))
                        .executor(mode.equals("async-direct") ? Runnable::run : io)
                        .build()
                : null;
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true); // a failed fetch ends the run
            return t;
        });
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> fetches = new ArrayList<>();
        for (String url : urls) {
            fetches.add(workers.submit(() -> {
                bytes.addAndGet(async != null ? viaAsync(async, url) : viaBlocking(url));
                return null;
            }));
        }
        for (Future<?> f : fetches) {
            f.get();
        }
        System.out.printf(
                "%s: %d URLs, %d bytes, %.0f ms on %d threads%n",
                mode, urls.size(), bytes.get(), (System.nanoTime() - start) / 1e6, threads);
        workers.shutdown();
        io.shutdownNow();
        System.exit(0);
    }

    private static long viaAsync(HttpClient client, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .GET()
                .timeout(Duration.ofSeconds(20))
                .header("User-Agent", "chatda-bench")
                .header("Accept-Encoding", "gzip, deflate")
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .get(40, TimeUnit.SECONDS)
                .body()
                .length;
    }

    private static long viaBlocking(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
        c.setInstanceFollowRedirects(false);
        c.setConnectTimeout(10_000);
        c.setReadTimeout(20_000);
        c.setRequestProperty("User-Agent", "chatda-bench");
        c.setRequestProperty("Accept-Encoding", "gzip, deflate");
        InputStream body = c.getResponseCode() >= 400 ? c.getErrorStream() : c.getInputStream();
        if (body == null) {
            return 0;
        }
        try (InputStream in = body) {
            return in.readAllBytes().length;
        }
    }
}
