package io.chatda.server.web;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.SimpleDecoratingHttpService;

/**
 * Adds the page's security headers to every answer of a web route, errors included: scripts, styles,
 * images and requests only from this server, no inline script, no framing, no referrer leaking the
 * query to the sites of the results.
 */
final class SecurityHeaders extends SimpleDecoratingHttpService {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Powerful browser features the site never uses, switched off for it and anything it could embed. */
    static final String PERMISSIONS_POLICY = String.join(
            ", ", "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()", "interest-cohort=()");

    private SecurityHeaders(HttpService delegate) {
        super(delegate);
    }

    static HttpService wrap(HttpService delegate) {
        return new SecurityHeaders(delegate);
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) throws Exception {
        ctx.mutateAdditionalResponseHeaders(SecurityHeaders::addTo);
        return unwrap().serve(ctx, req);
    }

    /** Sets the headers on {@code headers} and returns it. */
    static <T extends com.linecorp.armeria.common.HttpHeadersBuilder> T addTo(T headers) {
        headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
                .set(HttpHeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
                .set(HttpHeaderNames.REFERRER_POLICY, "no-referrer")
                .set(HttpHeaderNames.of("permissions-policy"), PERMISSIONS_POLICY);
        return headers;
    }
}
