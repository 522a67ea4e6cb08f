package io.chatda.search;

/** The index on disk can't be opened, read or written. */
public class SearchIndexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SearchIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
