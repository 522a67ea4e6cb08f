package io.chatda.server.core;

/**
 * The data a request needs is not there yet (a query replica before its first snapshot): a 503 with
 * {@code Retry-After}, so a client or load balancer tries again or elsewhere.
 */
public final class NotReadyException extends RuntimeException {

    public NotReadyException(String message) {
        super(message);
    }
}
