package io.chatda.crawl;

/**
 * A {@link DocumentSink} whose accepted documents become durable only when {@link #commit()} is called
 * (a Lucene index with periodic commits). The crawler keeps every document accepted since the last commit
 * in the crawl store and hands them to the sink again when a crawl killed in between is resumed, so
 * nothing is lost and nothing has to be fetched again.
 */
public interface CheckpointingSink extends DocumentSink {

    /** Makes every document accepted so far durable. Called from one thread at a time. */
    void commit();
}
