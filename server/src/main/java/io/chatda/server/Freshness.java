package io.chatda.server;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@code ETag} and {@code Cache-Control: max-age} on a read-only route's 200 answers, and 304 for a
 * matching {@code If-None-Match} before any work is done. The tag is the data generation plus a hash of
 * the request's query string, so a rebuilt index or dictionary changes every tag; browsers and CDNs
 * keep answers at most {@code maxAge}.
 */
final class Freshness {

    private final String prefix;
    private final LongSupplier generation;
    private final String cacheControl;
    private final boolean weak;

    /**
     * @param weak whether answers differ byte-wise between calls (e.g. a timing field) and so only
     *             deserve a weak validator
     */
    Freshness(String prefix, LongSupplier generation, Duration maxAge, boolean weak) {
        this.prefix = prefix;
        this.generation = generation;
        this.cacheControl = "public, max-age=" + maxAge.toSeconds();
        this.weak = weak;
    }

    /** 304 for a fresh copy; {@code ETag} and {@code Cache-Control} added to the route's 200 answers. */
    Function<? super HttpService, ? extends HttpService> decorator() {
        return service -> service.decorate((delegate, ctx, req) -> serve(delegate, ctx, req, true));
    }

    /**
     * 304 for a fresh copy only: the route puts {@link #tag(ResponseHeadersBuilder, String)} on its 200
     * answers itself (e.g. into headers it caches), which saves rewriting every answer's headers.
     */
    Function<? super HttpService, ? extends HttpService> notModifiedDecorator() {
        return service -> service.decorate((delegate, ctx, req) -> serve(delegate, ctx, req, false));
    }

    private HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req, boolean tagAnswers)
            throws Exception {
        String ifNoneMatch = req.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            String etag = etag(ctx.query());
            if (matches(ifNoneMatch, etag)) {
                return HttpResponse.of(tag(ResponseHeaders.builder(HttpStatus.NOT_MODIFIED), etag)
                        .build());
            }
        }
        HttpResponse answer = delegate.serve(ctx, req);
        if (!tagAnswers) {
            return answer;
        }
        String etag = etag(ctx.query());
        return answer.mapHeaders(
                h -> h.status() != HttpStatus.OK ? h : tag(h.toBuilder(), etag).build());
    }

    /** Sets {@code etag} (from {@link #etag(String)}) and this route's {@code Cache-Control} on {@code headers}. */
    ResponseHeadersBuilder tag(ResponseHeadersBuilder headers, String etag) {
        return headers.set(HttpHeaderNames.ETAG, etag).set(HttpHeaderNames.CACHE_CONTROL, cacheControl);
    }

    /** The tag of a request's query string under the current generation. */
    String etag(String query) {
        return etag(generation.getAsLong(), query);
    }

    /** The tag of a request's query string under {@code generation}. */
    String etag(long generation, String query) {
        long hash = 0xcbf29ce484222325L;
        String q = query == null ? "" : query;
        for (int i = 0; i < q.length(); i++) {
            hash = (hash ^ q.charAt(i)) * 0x100000001b3L;
        }
        String tag = '"' + prefix + generation + '-' + Long.toHexString(hash) + '"';
        return weak ? "W/" + tag : tag;
    }

    /** Weak comparison (RFC 9110 13.1.2): a list of tags or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        String ours = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || opaque(c).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
