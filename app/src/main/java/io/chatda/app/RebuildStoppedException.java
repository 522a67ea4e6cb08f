package io.chatda.app;

/** A suggestion rebuild gave up because its library is closing; not a failure. */
final class RebuildStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RebuildStoppedException() {
        super("the suggestion rebuild stopped: the library is closing");
    }
}
