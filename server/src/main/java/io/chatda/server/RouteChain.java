package io.chatda.server;

import com.linecorp.armeria.server.HttpService;
import java.util.function.Function;

/**
 * The one order the decorators of an admitted route run in, outermost first: the request's
 * {@link RequestClass} is set on its context, the client's rate limit is checked, then the route's own
 * checks in the order given (e.g. a 304 for a fresh copy, the bearer token), and admission control last,
 * right before the work. Everything after the first step reads the class from the context, and so do the
 * metrics and the access log. Answers are sent whole ({@link WholeResponses}).
 */
final class RouteChain {

    private final AdmissionControl admission;
    private final ClientRateLimiter rateLimiter;

    RouteChain(AdmissionControl admission, ClientRateLimiter rateLimiter) {
        this.admission = admission;
        this.rateLimiter = rateLimiter;
    }

    /** The decorator of a route of class {@code c} with its own {@code checks}, outermost first. */
    @SafeVarargs
    final Function<? super HttpService, ? extends HttpService> of(
            RequestClass c, Function<? super HttpService, ? extends HttpService>... checks) {
        return service -> {
            HttpService chained = service.decorate(admission::admit);
            for (int i = checks.length - 1; i >= 0; i--) {
                chained = checks[i].apply(chained);
            }
            return new WholeResponses(chained.decorate(rateLimiter::limit).decorate((delegate, ctx, req) -> {
                c.setOn(ctx);
                return delegate.serve(ctx, req);
            }));
        };
    }
}
