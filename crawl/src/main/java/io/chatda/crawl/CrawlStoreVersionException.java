package io.chatda.crawl;

/**
 * The crawl store was written by a newer chatda: its schema version is one this code doesn't know, so it is
 * left alone rather than read wrongly or changed.
 */
public final class CrawlStoreVersionException extends CrawlStoreException {
    private static final long serialVersionUID = 1L;

    private final int found;
    private final int supported;

    CrawlStoreVersionException(String store, int found, int supported) {
        super(
                "crawl store " + store + " has schema version " + found + ", newer than this chatda knows ("
                        + supported
                        + "): it was written by a newer chatda; run that, or move the file away to start a new"
                        + " crawl store",
                null);
        this.found = found;
        this.supported = supported;
    }

    /** The version in the file. */
    public int found() {
        return found;
    }

    /** The newest version this code knows. */
    public int supported() {
        return supported;
    }
}
