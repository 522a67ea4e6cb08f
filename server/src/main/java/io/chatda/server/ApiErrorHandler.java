package io.chatda.server;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.chatda.server.core.BadRequestException;
import io.chatda.server.core.NotReadyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions and error statuses to JSON {@code {"error": ...}} answers, once for the whole server:
 * a {@link BadRequestException} becomes 400 with its message, a body over the route's limit 413 (one log line);
 * anything unexpected becomes a 500 whose
 * body says nothing internal (the stack trace goes to the log only).
 */
final class ApiErrorHandler implements ServerErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    /** nginx's convention for a request whose client closed the connection before the answer. */
    static final HttpStatus CLIENT_CLOSED_REQUEST = HttpStatus.valueOf(499);

    private final JsonResponses json;
    private final java.util.function.Supplier<AggregatedHttpResponse> notFoundPage;

    /** @param notFoundPage the HTML page a browser gets for a path that names nothing */
    ApiErrorHandler(JsonResponses json, java.util.function.Supplier<AggregatedHttpResponse> notFoundPage) {
        this.json = json;
        this.notFoundPage = notFoundPage;
    }

    @Override
    public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
        if (cause instanceof BadRequestException bad) {
            return json.error(HttpStatus.BAD_REQUEST, bad.getMessage()).toHttpResponse();
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof NotReadyException notReady) {
                return json.busy(notReady.getMessage());
            }
        }
        if (tooLarge(cause)) {
            // one line, no stack trace: anyone can send a large body
            log.warn("request body over the limit of {}: {} {}", ctx.path(), ctx.method(), ctx.remoteAddress());
            return json.error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "request body too large")
                    .toHttpResponse();
        }
        if (clientWentAway(cause)) {
            // nobody is left to read the answer: not a server failure, so no 500 in the metrics
            return HttpResponse.of(CLIENT_CLOSED_REQUEST);
        }
        log.error("unexpected error serving {}", ctx.path(), cause);
        return json.error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error").toHttpResponse();
    }

    @Override
    public AggregatedHttpResponse renderStatus(
            ServiceRequestContext ctx,
            ServiceConfig config,
            RequestHeaders headers,
            HttpStatus status,
            String description,
            Throwable cause) {
        if (status == HttpStatus.NOT_FOUND && browser(headers)) {
            return notFoundPage.get();
        }
        String message = description != null ? description : status.reasonPhrase();
        // a request timeout or shutdown is a 503 the client may retry shortly
        return status == HttpStatus.SERVICE_UNAVAILABLE ? json.unavailable(message) : json.error(status, message);
    }

    /** A browser navigating (it accepts HTML), outside the API. */
    private static boolean browser(RequestHeaders headers) {
        String accept = headers.get(HttpHeaderNames.ACCEPT, "");
        return !headers.path().startsWith("/api/") && accept.contains("text/html");
    }

    private static boolean tooLarge(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof com.linecorp.armeria.common.ContentTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static boolean clientWentAway(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.CancellationException
                    || t instanceof com.linecorp.armeria.common.ClosedSessionException
                    || t instanceof com.linecorp.armeria.common.stream.ClosedStreamException) {
                return true;
            }
        }
        return false;
    }
}
