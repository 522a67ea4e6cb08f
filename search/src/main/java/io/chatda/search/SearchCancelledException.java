package io.chatda.search;

import java.util.concurrent.CancellationException;

/** A search stopped part-way because its {@link SearchOptions#cancelled()} signal was raised. */
public final class SearchCancelledException extends CancellationException {

    private static final long serialVersionUID = 1L;

    public SearchCancelledException() {
        super("search cancelled");
    }
}
