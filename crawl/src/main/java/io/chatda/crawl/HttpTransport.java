package io.chatda.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Map;

/**
 * One HTTP GET on the wire, redirects not followed: {@link PlainHttpTransport} for http URLs (HTTP/1.1),
 * {@link JdkHttpTransport} for https (HTTP/2 when the server offers it, else HTTP/1.1). The {@link Fetcher}
 * around them holds the crawler's rules; a transport only reads as much of a body as its {@link BodyPolicy}
 * allows and keeps every request within twice the read timeout.
 */
interface HttpTransport extends AutoCloseable {

    /**
     * Sends a GET with these request headers, connecting to {@code address} when it is given (the address the
     * SSRF guard checked; the URI's host still names the site in the request), else to what the host resolves to.
     *
     * @throws BodyTooLargeException if the body passes a limit the policy says not to truncate at
     * @throws java.net.SocketTimeoutException or {@link java.net.http.HttpTimeoutException} on a timeout
     * @throws IOException on any other failure to get a complete response
     */
    Exchange get(URI uri, InetAddress address, Map<String, String> headers, BodyPolicy policy)
            throws IOException, InterruptedException;

    /** Ends the requests under way at once (their {@code get} throws); later requests work as before. */
    void abort();

    /** Releases connections and threads; call when no request is under way. */
    @Override
    void close();

    /** A response: status, headers and the body as read under the policy, still content-encoded. */
    record Exchange(int status, HttpHeaders headers, byte[] body) {}

    /** How much of a body to read, decided from the status and headers before any of it is read. */
    @FunctionalInterface
    interface BodyPolicy {
        /** @throws BodyTooLargeException if the headers already announce a body over the limit */
        BodyLimit limit(int status, HttpHeaders headers) throws BodyTooLargeException;
    }

    /**
     * Read at most {@code bytes}; past them either keep what was read ({@code truncate}, for bodies nobody
     * needs whole) or fail with {@link BodyTooLargeException}. Zero reads nothing.
     */
    record BodyLimit(long bytes, boolean truncate) {}

    /** The body grew, or was announced to grow, past its limit. */
    final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(String message) {
            super(message);
        }
    }

    /** Collects a body under a {@link BodyLimit}, chunk by chunk; both transports read through one. */
    final class LimitedBody {
        private final BodyLimit limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        LimitedBody(BodyLimit limit) {
            this.limit = limit;
        }

        /** Whether any of the body is wanted at all. */
        boolean wanted() {
            return limit.bytes() > 0;
        }

        /**
         * Adds a chunk.
         *
         * @return false once the limit is passed and the body is truncated there: read no further
         * @throws BodyTooLargeException once the limit is passed and the body may not be truncated
         */
        boolean add(byte[] chunk, int offset, int length) throws BodyTooLargeException {
            long room = limit.bytes() - bytes.size();
            bytes.write(chunk, offset, (int) Math.min(length, room));
            if (length <= room) {
                return true;
            }
            if (limit.truncate()) {
                return false;
            }
            throw new BodyTooLargeException("body > " + limit.bytes() + " bytes");
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
