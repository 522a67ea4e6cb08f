package io.chatda.server;

import java.util.Optional;

/**
 * Whether a part of the app the server can't see is fit to serve (e.g. its background crawl worker is still
 * alive): {@code /ready} answers 503 with the reason while it is not.
 */
@FunctionalInterface
public interface Readiness {

    /** Always ready. */
    Readiness READY = Optional::empty;

    /** Why the app is not ready (a short fixed text), or empty if it is. */
    Optional<String> notReadyBecause();
}
