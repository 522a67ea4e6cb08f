package io.chatda.crawl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * HTTP GET with the crawler's rules: SSRF check before every request (the connection goes to the address
 * checked), redirects followed by hand (at most
 * five, each checked), body size enforced while streaming and again after decompression, only the
 * accepted content types read, connect and read timeouts. http goes over {@link PlainHttpTransport},
 * https over {@link JdkHttpTransport}. Thread-safe.
 */
final class Fetcher implements AutoCloseable {

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
    record Response(
            String url,
            List<String> hops,
            int status,
            HttpHeaders headers,
            byte[] body,
            String mimeType,
            String charset) {}

    private final AddressGuard guard;
    private final UrlRules rules;
    private final CrawlConfig config;
    private final HttpTransport plain;
    private HttpTransport secure; // made on the first https request: its TLS set-up costs CPU; guarded by this

    Fetcher(AddressGuard guard, UrlRules rules, CrawlConfig config) {
        this.guard = guard;
        this.rules = rules;
        this.config = config;
        this.plain = new PlainHttpTransport(config);
    }

    private synchronized HttpTransport secure() {
        if (secure == null) {
            secure = new JdkHttpTransport(config);
        }
        return secure;
    }

    /**
     * Ends the requests under way (a stopping crawl); their {@code get} fails with FETCH_ERROR. Holds no lock
     * while the transports abort, so {@link #close()} never waits on it.
     */
    void abort() {
        plain.abort();
        HttpTransport https;
        synchronized (this) {
            https = secure;
        }
        if (https != null) {
            https.abort();
        }
    }

    /** Closes the transports; call when no request is under way. */
    @Override
    public synchronized void close() {
        plain.close();
        if (secure != null) {
            secure.close();
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
            Response r = once(
                    current, redirects == 0 ? etag : null, redirects == 0 ? lastModified : null, pageTypesOnly, hops);
            if (r.status() < 300 || r.status() >= 400 || r.status() == 304) {
                return r;
            }
            String location = r.headers().firstValue("location").orElse(null);
            if (location == null) {
                return r;
            }
            String next;
            try {
                next = rules.normalize(
                        URI.create(current).resolve(location.strip()).toString());
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
                throw new FetchException(
                        SkipReason.TOO_MANY_REDIRECTS, "more than " + MAX_REDIRECTS + " redirects", hops);
            }
            UrlRules.Skip skip = hopCheck.check(next);
            hops.add(next);
            if (skip != null) {
                throw new FetchException(
                        skip.reason(),
                        "redirect to " + next + (skip.detail() == null ? "" : ": " + skip.detail()),
                        hops);
            }
            current = next;
        }
    }

    private Response once(String url, String etag, String lastModified, boolean pageTypesOnly, List<String> hops)
            throws FetchException, InterruptedException {
        URI uri = URI.create(url);
        InetAddress checked;
        try {
            checked = guard.check(uri.getHost());
        } catch (AddressGuard.RefusedException e) {
            throw new FetchException(SkipReason.PRIVATE_ADDRESS, e.getMessage(), hops);
        } catch (UnknownHostException e) {
            throw new FetchException(SkipReason.FETCH_ERROR, "unknown host " + uri.getHost(), hops);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", config.userAgent());
        headers.put("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5");
        headers.put("Accept-Encoding", "gzip, deflate");
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        if (lastModified != null) {
            headers.put("If-Modified-Since", lastModified);
        }
        HttpTransport transport = uri.getScheme().equalsIgnoreCase("https") ? secure() : plain;
        HttpTransport.Exchange response;
        try {
            response = transport.get(uri, checked, headers, (status, h) -> bodyLimit(status, h, pageTypesOnly));
        } catch (IOException e) {
            throw failure(e, hops);
        }
        String contentType = response.headers().firstValue("content-type").orElse("");
        String mime = mimeType(contentType);
        byte[] body = response.body();
        int status = response.status();
        if (status >= 200 && status < 300 && pageTypesOnly && !isPageType(mime)) {
            throw new FetchException(SkipReason.CONTENT_TYPE, mime.isEmpty() ? "no content type" : mime, hops);
        }
        if (status >= 200 && status < 300) {
            body = decode(
                    body, response.headers().firstValue("content-encoding").orElse(""), hops);
        }
        return new Response(url, List.copyOf(hops), status, response.headers(), body, mime, charset(contentType));
    }

    /** How much of a body to read: a page up to the size limit, a little of an error page, nothing of other types. */
    private HttpTransport.BodyLimit bodyLimit(int status, HttpHeaders headers, boolean pageTypesOnly)
            throws HttpTransport.BodyTooLargeException {
        if (status < 200 || status >= 300) {
            return new HttpTransport.BodyLimit(ERROR_BODY_LIMIT, true);
        }
        if (pageTypesOnly
                && !isPageType(mimeType(headers.firstValue("content-type").orElse("")))) {
            return new HttpTransport.BodyLimit(0, true);
        }
        long length = headers.firstValueAsLong("content-length").orElse(-1);
        if (length > config.maxBodyBytes()) {
            throw new HttpTransport.BodyTooLargeException("Content-Length " + length + " > " + config.maxBodyBytes());
        }
        return new HttpTransport.BodyLimit(config.maxBodyBytes(), false);
    }

    private static FetchException failure(IOException cause, List<String> hops) {
        if (cause instanceof HttpTransport.BodyTooLargeException e) {
            return new FetchException(SkipReason.TOO_LARGE, e.getMessage(), hops);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(SkipReason.TIMEOUT, "connect timeout", hops);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
            return new FetchException(
                    SkipReason.TIMEOUT, cause.getMessage() == null ? "timeout" : cause.getMessage(), hops);
        }
        if (cause instanceof ConnectException) {
            return new FetchException(SkipReason.FETCH_ERROR, "connection refused", hops);
        }
        String detail = cause.getClass().getSimpleName() + ": " + cause.getMessage();
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
                    throw new FetchException(
                            SkipReason.TOO_LARGE, "decompressed body > " + config.maxBodyBytes(), hops);
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
}
