package io.chatda.app;

import java.time.Clock;
import java.time.Duration;

/**
 * How a library's suggestion rebuilds run in the background.
 *
 * @param clock         the time that decides when a periodic rebuild is due (and dates the data generations)
 * @param period        how often the dictionary is rebuilt when the query log has changed
 * @param checkEvery    how often the clock is looked at
 * @param closeDeadline how long closing waits for a running rebuild to stop before interrupting it
 * @param builder       what builds a dictionary
 */
record RebuildSettings(
        Clock clock, Duration period, Duration checkEvery, Duration closeDeadline, DictionaryBuilder builder) {

    /** The app's: every 5 minutes by the system clock, looked at every second; close waits up to 10 s. */
    static RebuildSettings defaults() {
        return new RebuildSettings(
                Clock.systemUTC(),
                Duration.ofMinutes(5),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                SuggestionSources::build);
    }
}
