package io.chatda.suggest;

import io.chatda.hangul.TextNormalizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What users searched and which suggestions they picked, counted with exponential time decay so
 * that popular and trending queries rise and old ones fade: an event's weight halves every {@code
 * halfLife}. A query whose latest search found nothing is not offered as a suggestion.
 *
 * <p>Persisted in its own directory: every event is appended to {@code events.log} as it happens
 * (so a killed process keeps what the OS received), and {@link #close()} (or opening) folds the
 * events into {@code counts.tsv}, written to a temporary file and renamed. Counts are kept as
 * base-2 logarithms relative to the Unix epoch, so decay needs no periodic rewrite.
 *
 * <p>Thread-safe (one lock; called once per search, never on the suggestion path).
 */
public final class QueryLog implements AutoCloseable {

    /** Default half-life of a search's weight. */
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(7);
    /** Longest query remembered, in characters; longer ones are ignored. */
    public static final int MAX_QUERY = 100;
    /** Most queries kept; the least popular are dropped when compacting. */
    public static final int MAX_QUERIES = 200_000;
    /** Queries whose decayed count fell below this are forgotten. */
    static final double FORGET_BELOW = 0.05;
    private static final String COUNTS = "counts.tsv";
    private static final String EVENTS = "events.log";

    private static final class Count {
        double log2;
        long hits;

        Count(double log2, long hits) {
            this.log2 = log2;
            this.hits = hits;
        }
    }

    private final Path dir;
    private final double halfLifeMillis;
    private final Clock clock;
    private final Map<String, Count> counts = new HashMap<>();
    private BufferedWriter events;

    private QueryLog(Path dir, Duration halfLife, Clock clock) {
        this.dir = dir;
        this.halfLifeMillis = halfLife.toMillis();
        this.clock = clock;
    }

    /**
     * Opens (creating if needed) the query log kept in {@code dir}.
     *
     * @throws UncheckedIOException if the directory can't be created, read or written
     * @throws IllegalArgumentException if {@code halfLife} is not positive
     */
    public static QueryLog open(Path dir, Duration halfLife, Clock clock) {
        Objects.requireNonNull(dir, "dir");
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("half-life must be positive: " + halfLife);
        }
        QueryLog log = new QueryLog(dir, halfLife, Objects.requireNonNull(clock, "clock"));
        try {
            Files.createDirectories(dir);
            log.load();
            log.compact();
            log.events = Files.newBufferedWriter(dir.resolve(EVENTS), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("can't open query log in " + dir + ": " + e.getMessage(), e);
        }
        return log;
    }

    /** Records a search and how many results it found; blank or over-long queries are ignored. */
    public void recordSearch(String query, long hits) {
        record('S', query, Math.max(0, hits));
    }

    /** Records that a user picked {@code text} from the suggestions; counts like a search. */
    public void recordPick(String text) {
        record('P', text, -1);
    }

    private synchronized void record(char type, String raw, long hits) {
        String query = normalize(raw);
        if (query == null || events == null) {
            return;
        }
        long now = clock.millis();
        apply(query, now, hits);
        try {
            events.write(now + "\t" + type + "\t" + hits + "\t" + query + "\n");
            events.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("can't append to query log: " + e.getMessage(), e);
        }
    }

    /**
     * The remembered queries as suggestion candidates, weighted by their decayed count at this moment;
     * queries whose latest search found nothing are left out.
     */
    public synchronized List<SuggestEntry> entries() {
        double nowLog2 = clock.millis() / halfLifeMillis;
        List<SuggestEntry> out = new ArrayList<>(counts.size());
        counts.forEach((query, c) -> {
            double weight = Math.pow(2, c.log2 - nowLog2);
            if (c.hits != 0 && weight >= FORGET_BELOW) {
                out.add(new SuggestEntry(query, weight, SuggestEntry.Kind.QUERY, ""));
            }
        });
        return out;
    }

    /**
     * A hash of what the log holds (each query's count and latest hit count, not the clock): equal
     * after a restart when nothing was recorded since, different after any search or pick. Lets a
     * saved dictionary tell whether it was built from this log.
     */
    public synchronized long stateHash() {
        long sum = counts.size();
        for (Map.Entry<String, Count> e : counts.entrySet()) {
            long h = e.getKey().hashCode() * 0x9E3779B97F4A7C15L;
            h ^= Double.doubleToLongBits(e.getValue().log2) * 0xC2B2AE3D27D4EB4FL;
            h ^= e.getValue().hits * 0x165667B19E3779F9L;
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            sum += h ^ (h >>> 32);
        }
        return sum;
    }

    /** The decayed count of a query now (0 if unknown). */
    public synchronized double count(String query) {
        Count c = counts.get(normalize(query));
        return c == null ? 0 : Math.pow(2, c.log2 - clock.millis() / halfLifeMillis);
    }

    /** Folds the events into {@code counts.tsv} and closes the event file. */
    @Override
    public synchronized void close() {
        if (events == null) {
            return;
        }
        try {
            events.close();
            events = null;
            compact();
        } catch (IOException e) {
            throw new UncheckedIOException("can't save query log in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String q = TextNormalizer.normalize(raw);
        if (q.isEmpty() || q.length() > MAX_QUERY || q.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return q;
    }

    private void apply(String query, long millis, long hits) {
        double add = millis / halfLifeMillis;
        Count c = counts.get(query);
        if (c == null) {
            counts.put(query, new Count(add, hits));
            return;
        }
        double hi = Math.max(c.log2, add);
        double lo = Math.min(c.log2, add);
        c.log2 = hi + Math.log1p(Math.pow(2, lo - hi)) / Math.log(2);
        if (hits >= 0) {
            c.hits = hits;
        }
    }

    private void load() throws IOException {
        Path countsFile = dir.resolve(COUNTS);
        if (Files.exists(countsFile)) {
            for (String line : Files.readAllLines(countsFile, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 3);
                if (f.length == 3) {
                    try {
                        counts.put(f[2], new Count(Double.parseDouble(f[0]), Long.parseLong(f[1])));
                    } catch (NumberFormatException e) {
                        // a damaged line loses one query, not the log
                    }
                }
            }
        }
        Path eventsFile = dir.resolve(EVENTS);
        if (Files.exists(eventsFile)) {
            for (String line : Files.readAllLines(eventsFile, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 4);
                if (f.length == 4) {
                    try {
                        apply(f[3], Long.parseLong(f[0]), Long.parseLong(f[2]));
                    } catch (NumberFormatException e) {
                        // a line cut short by a crash
                    }
                }
            }
        }
    }

    /** Writes the counts that are still worth keeping and empties the event file. */
    private void compact() throws IOException {
        double nowLog2 = clock.millis() / halfLifeMillis;
        double floor = nowLog2 + Math.log(FORGET_BELOW) / Math.log(2);
        counts.values().removeIf(c -> c.log2 < floor);
        if (counts.size() > MAX_QUERIES) {
            List<String> weakest = counts.entrySet().stream()
                    .sorted(Comparator.comparingDouble(e -> e.getValue().log2))
                    .limit(counts.size() - MAX_QUERIES).map(Map.Entry::getKey).toList();
            weakest.forEach(counts::remove);
        }
        Path tmp = dir.resolve(COUNTS + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Count> e : counts.entrySet()) {
                out.write(e.getValue().log2 + "\t" + e.getValue().hits + "\t" + e.getKey() + "\n");
            }
        }
        Files.move(tmp, dir.resolve(COUNTS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.write(dir.resolve(EVENTS), new byte[0]);
    }
}
