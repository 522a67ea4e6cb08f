package io.chatda.crawl;

/** The crawl store (SQLite) can't be opened, read or written. */
public class CrawlStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CrawlStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
