package io.chatda.server;

import com.linecorp.armeria.common.RequestContext;
import io.netty.util.AttributeKey;
import java.util.Locale;

/**
 * The priority class of a route, for admission control: when the server is saturated the lowest
 * class is shed first. Declared from most to least important. A route's class is set on each request's
 * context once ({@link RouteChain}); admission, rate limits, metrics and the access log all read it there.
 */
public enum RequestClass {
    /** Search: what users came for; shed last. */
    CRITICAL,
    /** Suggestions: nice while typing, worthless a moment later; shed before search. */
    SHEDDABLE,
    /** Admin and batch work (crawl submission, status polls); shed first. */
    BATCH;

    /** The tag of requests outside admission control (pages' assets, health, metrics, unknown paths). */
    static final String NO_CLASS_TAG = "other";

    private static final AttributeKey<RequestClass> ATTRIBUTE =
            AttributeKey.valueOf(RequestClass.class, "REQUEST_CLASS");

    /** The lowercase name used in metrics and logs. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Marks the request of {@code ctx} as of this class. */
    void setOn(RequestContext ctx) {
        ctx.setAttr(ATTRIBUTE, this);
    }

    /** The class of the request of {@code ctx}, or null when its route is outside admission control. */
    static RequestClass of(RequestContext ctx) {
        return ctx.attr(ATTRIBUTE);
    }

    /** The class of the request of {@code ctx}; a route that is admitted without one is a wiring bug. */
    static RequestClass required(RequestContext ctx) {
        RequestClass c = of(ctx);
        if (c == null) {
            throw new IllegalStateException(
                    "no request class on " + ctx.path() + ": its route must go through RouteChain");
        }
        return c;
    }

    /** {@link #of} as a metrics and log tag: {@value #NO_CLASS_TAG} for requests without a class. */
    static String tagOf(RequestContext ctx) {
        RequestClass c = of(ctx);
        return c == null ? NO_CLASS_TAG : c.tag();
    }
}
