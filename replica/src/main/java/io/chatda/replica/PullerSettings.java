package io.chatda.replica;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a replica pulls from and to, and how often. Start from {@link #of} and change what differs with the
 * {@code with…} methods.
 *
 * @param indexer        the indexer's base URL (its {@code /replica/} routes are under it)
 * @param token          the shared replica token the indexer's routes require
 * @param indexDir       the replica's local index directory (created if absent)
 * @param dictionaryFile where the replica keeps its copy of the suggestion dictionary
 * @param pollInterval   pause after each answer before asking again
 * @param longPoll       how long the indexer may hold a poll until something new is published; zero for none
 * @param firstBackoff   pause after a first failure, doubling with each further one
 * @param maxBackoff     the longest pause after failures
 */
public record PullerSettings(
        URI indexer,
        String token,
        Path indexDir,
        Path dictionaryFile,
        Duration pollInterval,
        Duration longPoll,
        Duration firstBackoff,
        Duration maxBackoff) {

    public PullerSettings {
        Objects.requireNonNull(indexer, "indexer");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(indexDir, "indexDir");
        Objects.requireNonNull(dictionaryFile, "dictionaryFile");
        if (pollInterval.isNegative() || longPoll.isNegative()) {
            throw new IllegalArgumentException("pollInterval and longPoll must not be negative");
        }
        Backoff.requireValid(firstBackoff, maxBackoff);
    }

    /** Polls every second, long-polled for up to 30 s; backs off from 1 s to 30 s. */
    public static PullerSettings of(URI indexer, String token, Path indexDir, Path dictionaryFile) {
        return new PullerSettings(
                indexer,
                token,
                indexDir,
                dictionaryFile,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }

    public PullerSettings withPollInterval(Duration value) {
        return new PullerSettings(indexer, token, indexDir, dictionaryFile, value, longPoll, firstBackoff, maxBackoff);
    }

    public PullerSettings withLongPoll(Duration value) {
        return new PullerSettings(
                indexer, token, indexDir, dictionaryFile, pollInterval, value, firstBackoff, maxBackoff);
    }

    public PullerSettings withBackoff(Duration first, Duration max) {
        return new PullerSettings(indexer, token, indexDir, dictionaryFile, pollInterval, longPoll, first, max);
    }
}
