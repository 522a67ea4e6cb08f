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

/**
 * GET over plain http with the JDK's blocking {@link HttpURLConnection}: HTTP/1.1 with keep-alive, on the
 * calling thread. Cleartext HTTP/2 is left out on purpose: RFC 9113 deprecates its upgrade, browsers never
 * spoke it, and servers offer HTTP/2 with TLS ({@link JdkHttpTransport}). The blocking client costs a third of
 * the CPU the asynchronous {@code java.net.http} client spends per request (docs/performance.md), and a crawl of
 * a fast site is CPU-bound.
 *
 * <p>A request still running at twice the read timeout (a watchdog thread) or under way at {@link #abort()} is
 * cut off, since the per-read timeout alone lets a server that trickles bytes hold a worker indefinitely. How it
 * is cut depends on the phase, because of how the JDK's client locks: while the headers are read, the socket is
 * closed ({@code disconnect}), which ends a blocked read. Once the body stream is open, the request is only
 * marked and its own thread stops at its next read. Another thread must not close that stream: the JDK holds
 * the stream's lock during a blocking read, and after a close it hands a short unread body to its keep-alive
 * cleaner, which holds the same lock while it drains a trickling server, for minutes. The cost: a server that
 * sends nothing at all in the middle of a body holds its request until the read timeout.
 */
final class PlainHttpTransport implements HttpTransport {

    private final int connectMillis;
    private final int readMillis;
    private final long deadlineMillis;
    private final ScheduledExecutorService watchdog;
    private final Set<Request> active = ConcurrentHashMap.newKeySet();

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
        Request request = new Request(connection);
        active.add(request);
        ScheduledFuture<?> deadline =
                watchdog.schedule(() -> request.cut(Cut.EXPIRED), deadlineMillis, TimeUnit.MILLISECONDS);
        try {
            return exchange(request, policy);
        } catch (IOException e) {
            request.closeBeforeBody();
            Cut cut = request.cut;
            if (cut == Cut.EXPIRED) {
                throw new SocketTimeoutException("no complete response within " + deadlineMillis + " ms");
            }
            if (cut == Cut.ABORTED) {
                throw new IOException("request aborted: the crawl is stopping", e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
            active.remove(request);
        }
    }

    /** {@inheritDoc} Never blocks: see the class comment for how each request is cut. */
    @Override
    public void abort() {
        for (Request request : active) {
            request.cut(Cut.ABORTED);
        }
    }

    private Exchange exchange(Request request, BodyPolicy policy) throws IOException {
        HttpURLConnection connection = request.connection;
        int status = connection.getResponseCode();
        if (status < 0) {
            throw new IOException("not an HTTP response");
        }
        request.openBody();
        HttpHeaders headers = headers(connection.getHeaderFields());
        InputStream stream;
        try {
            stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        } catch (IOException e) {
            connection.disconnect(); // on this request's own thread: no read holds the stream
            throw e;
        }
        if (stream == null) {
            policy.limit(status, headers);
            return new Exchange(status, headers, new byte[0]);
        }
        // closing the stream with the body read to its end keeps the connection for the next request
        try (InputStream in = stream) {
            LimitedBody body = new LimitedBody(policy.limit(status, headers));
            if (body.wanted()) {
                byte[] buffer = new byte[16384];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    request.throwIfCut();
                    if (!body.add(buffer, 0, n)) {
                        break;
                    }
                }
            }
            return new Exchange(status, headers, body.bytes());
        }
    }

    /** Why a request was cut off from another thread. */
    private enum Cut {
        EXPIRED,
        ABORTED
    }

    /** One request under way, and the hand-over between its thread and the threads that may cut it off. */
    private static final class Request {
        final HttpURLConnection connection;
        volatile Cut cut;
        private boolean bodyOpen; // guarded by this

        Request(HttpURLConnection connection) {
            this.connection = connection;
        }

        /** Marks the request cut; before its body is open also closes its socket, ending a blocked header read. */
        void cut(Cut why) {
            if (cut == null) {
                cut = why;
            }
            synchronized (this) {
                if (!bodyOpen) {
                    connection.disconnect();
                }
            }
        }

        /** From here on only this request's thread touches the connection; fails if it was cut already. */
        synchronized void openBody() throws IOException {
            throwIfCut();
            bodyOpen = true;
        }

        void throwIfCut() throws IOException {
            if (cut != null) {
                throw new IOException("request cut off: " + cut);
            }
        }

        /** After a failure before the body: makes sure the socket is closed (a no-op once disconnected). */
        synchronized void closeBeforeBody() {
            if (!bodyOpen) {
                connection.disconnect();
            }
        }
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
