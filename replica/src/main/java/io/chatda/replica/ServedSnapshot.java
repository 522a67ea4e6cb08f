package io.chatda.replica;

import java.util.OptionalLong;

/**
 * The snapshot generation a process serves: the one its indexer published last, or the one a replica installed
 * last. The server reports it in the {@code X-Chatda-Generation} header, {@code /ready} and {@code /metrics}.
 */
public interface ServedSnapshot {

    /** The generation served; empty before the first (a replica that has none is not ready). */
    OptionalLong generation();
}
