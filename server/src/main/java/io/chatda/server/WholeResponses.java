package io.chatda.server;

import com.linecorp.armeria.common.ExchangeType;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.RoutingContext;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.SimpleDecoratingHttpService;

/**
 * Marks a route's exchanges as whole ({@link ExchangeType#UNARY}): Armeria then aggregates each response and
 * writes its headers and body at once, the body's HTTP/2 frame ending the stream. Streamed (Armeria's default),
 * the headers, the body and an empty end-of-stream frame may leave in separate writes, and a replica killed
 * between them leaves HAProxy holding a response it has begun forwarding and can neither finish nor retry: the
 * client's request fails although two other replicas were healthy. Every answer here is a few kilobytes, built
 * whole before it is sent, so nothing is lost by not streaming it.
 */
final class WholeResponses extends SimpleDecoratingHttpService {

    WholeResponses(HttpService delegate) {
        super(delegate);
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) throws Exception {
        return ((HttpService) unwrap()).serve(ctx, req);
    }

    @Override
    public ExchangeType exchangeType(RoutingContext routingContext) {
        return ExchangeType.UNARY;
    }
}
