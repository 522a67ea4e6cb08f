package io.chatda.crawl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP GET with the crawler's rules: SSRF check before every request, redirects followed by hand (at most
 * five, each checked), body size enforced while streaming and again after decompression, only the
 * accepted content types read, connect and read timeouts.
 */
final class Fetcher {

    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

    static final int MAX_REDIRECTS = 5;
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    /** Decides whether a redirect target may be requested; returns a reason not to, or null. */
    interface HopCheck {
        UrlRules.Skip check(String normalizedUrl);
    }

    /** A fetch that produced no usable response. */
    static final class FetchException extends Exception {
        private static final long serialVersionUID = 1L;
        final SkipReason reason;
        final transient List<String> hops;

        FetchException(SkipReason reason, String detail, List<String> hops) {
            super(detail);
            this.reason = reason;
            this.hops = List.copyOf(hops);
        }
    }

    /**
     * A response. {@code hops} holds every URL requested, the first being the one asked for and the last
     * {@code url}; {@code body} is decompressed and empty for non-2xx answers and unwanted types.
     */
    record Response(String url, List<String> hops, int status, HttpHeaders headers, byte[] body,
                    String mimeType, String charset) {
    }

    private final HttpClient client;
    private final AddressGuard guard;
    private final UrlRules rules;
    private final CrawlConfig config;

    Fetcher(HttpClient client, AddressGuard guard, UrlRules rules, CrawlConfig config) {
        this.client = client;
        this.guard = guard;
        this.rules = rules;
        this.config = config;
    }

    static HttpClient newClient(CrawlConfig config, java.util.concurrent.Executor executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .executor(executor)
                .build();
    }

    /**
     * Stops a client made by {@link #newClient}: on JDK 21 and later by closing it; before that no API does, so
     * its selector thread, named after the client's id, is interrupted, which ends that thread's loop. Left
     * running, the thread outlives the crawl until the client is garbage collected, and it holds up JVM exit by
     * about 0.3 s (the JVM waits that long for threads in native code). Call when no request is under way.
     */
    static void close(HttpClient client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the HTTP client failed", e);
            }
            return;
        }
        String description = client.toString(); // jdk.internal.net.http.HttpClientImpl@hash(id)
        int open = description.lastIndexOf('(');
        if (open < 0 || !description.endsWith(")")) {
            return;
        }
        String selector = "HttpClient-" + description.substring(open + 1, description.length() - 1) + "-SelectorManager";
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(selector)) {
                thread.interrupt();
            }
        }
    }

    /**
     * Fetches a URL, following redirects that pass {@code hopCheck}.
     *
     * @param pageTypesOnly read the body only for HTML and plain text, else fail with CONTENT_TYPE
     */
    Response get(String url, String etag, String lastModified, boolean pageTypesOnly, HopCheck hopCheck)
            throws FetchException, InterruptedException {
        List<String> hops = new ArrayList<>();
        String current = url;
        hops.add(current);
        for (int redirects = 0; ; redirects++) {
            Response r = once(current, redirects == 0 ? etag : null, redirects == 0 ? lastModified : null,
                    pageTypesOnly, hops);
            if (r.status() < 300 || r.status() >= 400 || r.status() == 304) {
                return r;
            }
            String location = r.headers().firstValue("location").orElse(null);
            if (location == null) {
                return r;
            }
            String next;
            try {
                next = rules.normalize(URI.create(current).resolve(location.strip()).toString());
            } catch (IllegalArgumentException e) {
                next = null;
            }
            if (next == null) {
                throw new FetchException(SkipReason.UNSUPPORTED_URL, "redirect to " + location, hops);
            }
            if (hops.contains(next)) {
                hops.add(next);
                throw new FetchException(SkipReason.REDIRECT_LOOP, String.join(" -> ", hops), hops);
            }
            if (redirects + 1 > MAX_REDIRECTS) {
                throw new FetchException(SkipReason.TOO_MANY_REDIRECTS, "more than " + MAX_REDIRECTS + " redirects", hops);
            }
            UrlRules.Skip skip = hopCheck.check(next);
            hops.add(next);
            if (skip != null) {
                throw new FetchException(skip.reason(), "redirect to " + next
                        + (skip.detail() == null ? "" : ": " + skip.detail()), hops);
            }
            current = next;
        }
    }

    private Response once(String url, String etag, String lastModified, boolean pageTypesOnly, List<String> hops)
            throws FetchException, InterruptedException {
        URI uri = URI.create(url);
        try {
            guard.check(uri.getHost());
        } catch (AddressGuard.RefusedException e) {
            throw new FetchException(SkipReason.PRIVATE_ADDRESS, e.getMessage(), hops);
        } catch (UnknownHostException e) {
            throw new FetchException(SkipReason.FETCH_ERROR, "unknown host " + uri.getHost(), hops);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(config.readTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
                .header("Accept-Encoding", "gzip, deflate");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request.build(), info -> subscriber(info, pageTypesOnly));
        HttpResponse<byte[]> response;
        try {
            Duration total = config.readTimeout().multipliedBy(2);
            response = future.get(total.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(SkipReason.TIMEOUT, "no complete response within "
                    + config.readTimeout().multipliedBy(2).toMillis() + " ms", hops);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failure(e.getCause(), hops);
        }
        String contentType = response.headers().firstValue("content-type").orElse("");
        String mime = mimeType(contentType);
        byte[] body = response.body();
        int status = response.statusCode();
        if (status >= 200 && status < 300 && pageTypesOnly && !isPageType(mime)) {
            throw new FetchException(SkipReason.CONTENT_TYPE, mime.isEmpty() ? "no content type" : mime, hops);
        }
        if (status >= 200 && status < 300) {
            body = decode(body, response.headers().firstValue("content-encoding").orElse(""), hops);
        }
        return new Response(url, List.copyOf(hops), status, response.headers(), body, mime, charset(contentType));
    }

    private HttpResponse.BodySubscriber<byte[]> subscriber(HttpResponse.ResponseInfo info, boolean pageTypesOnly) {
        int status = info.statusCode();
        if (status < 200 || status >= 300) {
            return new LimitedSubscriber(ERROR_BODY_LIMIT, true);
        }
        if (pageTypesOnly && !isPageType(mimeType(info.headers().firstValue("content-type").orElse("")))) {
            return new LimitedSubscriber(0, true);
        }
        long length = info.headers().firstValueAsLong("content-length").orElse(-1);
        if (length > config.maxBodyBytes()) {
            LimitedSubscriber tooLarge = new LimitedSubscriber(0, false);
            tooLarge.tooLarge("Content-Length " + length + " > " + config.maxBodyBytes());
            return tooLarge;
        }
        return new LimitedSubscriber(config.maxBodyBytes(), false);
    }

    private FetchException failure(Throwable cause, List<String> hops) {
        if (cause instanceof BodyTooLargeException e) {
            return new FetchException(SkipReason.TOO_LARGE, e.getMessage(), hops);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(SkipReason.TIMEOUT, "connect timeout", hops);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException(SkipReason.TIMEOUT, "read timeout", hops);
        }
        if (cause instanceof ConnectException) {
            return new FetchException(SkipReason.FETCH_ERROR, "connection refused", hops);
        }
        String detail = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new FetchException(SkipReason.FETCH_ERROR, detail, hops);
    }

    private byte[] decode(byte[] body, String encoding, List<String> hops) throws FetchException {
        String e = encoding.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return body;
        }
        try (InputStream in = e.equals("gzip") || e.equals("x-gzip")
                ? new GZIPInputStream(new ByteArrayInputStream(body))
                : e.equals("deflate") ? new InflaterInputStream(new ByteArrayInputStream(body)) : null) {
            if (in == null) {
                throw new FetchException(SkipReason.CONTENT_TYPE, "unsupported content encoding " + e, hops);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > config.maxBodyBytes()) {
                    throw new FetchException(SkipReason.TOO_LARGE, "decompressed body > " + config.maxBodyBytes(), hops);
                }
            }
            return out.toByteArray();
        } catch (IOException ex) {
            throw new FetchException(SkipReason.FETCH_ERROR, "bad " + e + " body: " + ex.getMessage(), hops);
        }
    }

    static boolean isPageType(String mime) {
        return mime.equals("text/html") || mime.equals("application/xhtml+xml") || mime.equals("text/plain");
    }

    static String mimeType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    static String charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String c = p.substring(8).strip().replace("\"", "").replace("'", "");
                return c.isEmpty() ? null : c;
            }
        }
        return null;
    }

    /** The body grew past the limit. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(String message) {
            super(message);
        }
    }

    /**
     * Collects the body up to a limit. Past it, either fails with {@link BodyTooLargeException} or, for
     * bodies nobody reads (error pages, unwanted types), completes with what it has; either way it cancels
     * the subscription so the rest is never downloaded.
     */
    private static final class LimitedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final long limit;
        private final boolean truncate;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedSubscriber(long limit, boolean truncate) {
            this.limit = limit;
            this.truncate = truncate;
        }

        void tooLarge(String message) {
            result.completeExceptionally(new BodyTooLargeException(message));
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (result.isDone() || limit == 0) {
                s.cancel();
                result.complete(new byte[0]);
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (bytes.size() > limit) {
                subscription.cancel();
                if (truncate) {
                    result.complete(bytes.toByteArray());
                } else {
                    result.completeExceptionally(new BodyTooLargeException("body > " + limit + " bytes"));
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
