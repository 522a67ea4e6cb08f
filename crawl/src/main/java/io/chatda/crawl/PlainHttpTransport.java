package io.chatda.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * GET over plain http with the JDK's blocking {@link HttpURLConnection}: HTTP/1.1 with keep-alive, on the
 * calling thread. Cleartext HTTP/2 is left out on purpose: RFC 9113 deprecates its upgrade, browsers never
 * spoke it, and servers offer HTTP/2 with TLS ({@link JdkHttpTransport}). The blocking client costs a third of
 * the CPU the asynchronous {@code java.net.http} client spends per request (docs/performance.md), and a crawl of
 * a fast site is CPU-bound. A watchdog thread disconnects a request still running at twice the read timeout,
 * since the per-read timeout alone lets a server that trickles bytes hold a worker indefinitely.
 */
final class PlainHttpTransport implements HttpTransport {

    private final int connectMillis;
    private final int readMillis;
    private final long deadlineMillis;
    private final ScheduledExecutorService watchdog;
    private final Set<HttpURLConnection> active = ConcurrentHashMap.newKeySet();
    /** Requests {@link #abort()} ended; their body loop stops at its next read. */
    private final Set<HttpURLConnection> aborted = ConcurrentHashMap.newKeySet();

    PlainHttpTransport(CrawlConfig config) {
        this.connectMillis =
                (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
        this.readMillis = (int) Math.min(Integer.MAX_VALUE, config.readTimeout().toMillis());
        this.deadlineMillis = config.readTimeout().multipliedBy(2).toMillis();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "chatda-fetch-deadline");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.watchdog = executor;
    }

    /**
     * {@inheritDoc} A given address is pinned by addressing it as the connection's HTTP proxy: the client then
     * connects to exactly that address and sends the request line in absolute form ({@code GET http://host/path}),
     * which every HTTP/1.1 server must accept (RFC 9112, 3.2.2), with the site's name in {@code Host}.
     */
    @Override
    public Exchange get(URI uri, InetAddress address, Map<String, String> headers, BodyPolicy policy)
            throws IOException {
        Proxy route = address == null
                ? Proxy.NO_PROXY
                : new Proxy(Proxy.Type.HTTP, new InetSocketAddress(address, uri.getPort() < 0 ? 80 : uri.getPort()));
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(route);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(connectMillis);
        connection.setReadTimeout(readMillis);
        headers.forEach(connection::setRequestProperty);
        active.add(connection);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = watchdog.schedule(
                () -> {
                    expired.set(true);
                    connection.disconnect();
                },
                deadlineMillis,
                TimeUnit.MILLISECONDS);
        try {
            return exchange(connection, policy);
        } catch (IOException e) {
            connection.disconnect();
            if (expired.get()) {
                throw new SocketTimeoutException("no complete response within " + deadlineMillis + " ms");
            }
            throw e;
        } finally {
            deadline.cancel(false);
            active.remove(connection);
            aborted.remove(connection);
        }
    }

    /**
     * Ends the requests under way. {@code disconnect} alone doesn't: for a short fixed-length body the JDK hands the
     * socket to its keep-alive cleaner instead of closing it, and a server trickling the body keeps the read going;
     * so the body loop also stops at its next read once its connection is marked here.
     */
    @Override
    public void abort() {
        for (HttpURLConnection connection : active) {
            aborted.add(connection);
            connection.disconnect();
        }
    }

    private Exchange exchange(HttpURLConnection connection, BodyPolicy policy) throws IOException {
        int status = connection.getResponseCode();
        if (status < 0) {
            throw new IOException("not an HTTP response");
        }
        HttpHeaders headers = headers(connection.getHeaderFields());
        LimitedBody body = new LimitedBody(policy.limit(status, headers));
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (stream == null) {
            return new Exchange(status, headers, new byte[0]);
        }
        // closing the stream with the body read to its end keeps the connection for the next request
        try (InputStream in = stream) {
            if (body.wanted()) {
                byte[] buffer = new byte[16384];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (aborted.contains(connection)) {
                        throw new IOException("request aborted: the crawl is stopping");
                    }
                    if (!body.add(buffer, 0, n)) {
                        break;
                    }
                }
            }
        }
        return new Exchange(status, headers, body.bytes());
    }

    /** The response headers without the status line, names compared ignoring case as HTTP has them. */
    private static HttpHeaders headers(Map<String, List<String>> fields) {
        Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.forEach((name, values) -> {
            if (name != null) {
                merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            }
        });
        return HttpHeaders.of(merged, (name, value) -> true);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
