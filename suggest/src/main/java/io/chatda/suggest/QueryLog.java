package io.chatda.suggest;

import io.chatda.hangul.TextNormalizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Which queries become suggestions for everyone is the {@link QueryPolicy}'s call: distinct clients
 * (counted by a {@linkplain DailySalt salted daily hash}, never stored as addresses), a per-client cap, the
 * operator's blocklist.
 *
 * <p>A damaged line in either file (not UTF-8, cut short: what a full disk or a crash leaves) is skipped and
 * counted ({@link #damagedLines()}); a failed append (a full disk) never fails the caller: it is logged and
 * counted ({@link #failedWrites()}), and the search stays counted in memory.
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
    /** The client of searches recorded without one: the local user (the CLI). */
    public static final String LOCAL_CLIENT = "local";
    private static final Logger LOG = LoggerFactory.getLogger(QueryLog.class);
    private static final String COUNTS = "counts.tsv";
    private static final String EVENTS = "events.log";
    /** The client id of lines written before clients were counted. */
    private static final long LEGACY_CLIENT = 0;

    /** Opens the event file for appending; a test's opener stands for a full disk. */
    @FunctionalInterface
    interface EventsOpener {
        Writer open(Path file) throws IOException;
    }

    private static final class Count {
        double log2;
        long hits;
        ClientSupport clients = new ClientSupport();

        Count(double log2, long hits) {
            this.log2 = log2;
            this.hits = hits;
        }
    }

    private final Path dir;
    private final double halfLifeMillis;
    private final Clock clock;
    private final QueryPolicy policy;
    private final EventsOpener opener;
    private final DailySalt salt;
    private final Map<String, Count> counts = new HashMap<>();
    private final AtomicLong damaged = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private Writer events;
    private boolean closed;
    private boolean failing;

    private QueryLog(Path dir, Duration halfLife, Clock clock, QueryPolicy policy, EventsOpener opener) {
        this.dir = dir;
        this.halfLifeMillis = halfLife.toMillis();
        this.clock = clock;
        this.policy = policy;
        this.opener = opener;
        this.salt = new DailySalt(dir.resolve("salt"));
    }

    /** {@link #open(Path, Duration, Clock, QueryPolicy)} of a single-user instance ({@link QueryPolicy#personal()}). */
    public static QueryLog open(Path dir, Duration halfLife, Clock clock) {
        return open(dir, halfLife, clock, QueryPolicy.personal());
    }

    /**
     * Opens (creating if needed) the query log kept in {@code dir}. Damaged lines are skipped (see {@link
     * #damagedLines()}); if the folded counts can't be written (a full disk), the events stay in their file.
     *
     * @throws UncheckedIOException if the directory can't be created or read
     * @throws IllegalArgumentException if {@code halfLife} is not positive
     */
    public static QueryLog open(Path dir, Duration halfLife, Clock clock, QueryPolicy policy) {
        return open(dir, halfLife, clock, policy,
                file -> Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND));
    }

    static QueryLog open(Path dir, Duration halfLife, Clock clock, QueryPolicy policy, EventsOpener opener) {
        Objects.requireNonNull(dir, "dir");
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("half-life must be positive: " + halfLife);
        }
        QueryLog log = new QueryLog(dir, halfLife, Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(policy, "policy"), opener);
        try {
            Files.createDirectories(dir);
            log.load();
        } catch (IOException e) {
            throw new UncheckedIOException("can't open query log in " + dir + ": " + e.getMessage(), e);
        }
        if (log.damaged.get() > 0) {
            LOG.warn("query log {}: skipped {} damaged lines (cut short or not UTF-8)", dir, log.damaged.get());
        }
        try {
            log.compact();
        } catch (IOException e) {
            LOG.warn("query log {}: can't fold the events into {}, keeping them", dir, COUNTS, e);
        }
        return log;
    }

    /** Records a search by the local user and how many results it found; blank or over-long queries are ignored. */
    public void recordSearch(String query, long hits) {
        recordSearch(query, hits, LOCAL_CLIENT);
    }

    /** Records a search by {@code client} (an address, or any id of who asked) and how many results it found. */
    public void recordSearch(String query, long hits, String client) {
        record('S', query, Math.max(0, hits), client);
    }

    /** Records that the local user picked {@code text} from the suggestions; counts like a search. */
    public void recordPick(String text) {
        recordPick(text, LOCAL_CLIENT);
    }

    /** Records that {@code client} picked {@code text} from the suggestions; counts like a search. */
    public void recordPick(String text, String client) {
        record('P', text, -1, client);
    }

    private synchronized void record(char type, String raw, long hits, String client) {
        String query = normalize(raw);
        if (query == null || closed) {
            return;
        }
        long now = clock.millis();
        long id = salt.hash(client == null ? LOCAL_CLIENT : client, now);
        apply(query, now, hits, id);
        append(now + "\t" + type + "\t" + hits + "\t" + Long.toHexString(id) + "\t" + query + "\n");
    }

    /** Appends an event line; a failure is logged (its first of a run, with the stack trace) and counted. */
    private void append(String line) {
        try {
            if (events == null) {
                events = opener.open(dir.resolve(EVENTS));
            }
            events.write(line);
            events.flush();
            failing = false;
        } catch (IOException e) {
            failedWrites.incrementAndGet();
            if (!failing) {
                LOG.warn("can't append to the query log in {} (the search is counted in memory only)", dir, e);
            }
            failing = true;
            try {
                if (events != null) {
                    events.close();
                }
            } catch (IOException ignored) {
                // the writer is dropped either way; the next append opens the file again
            }
            events = null;
        }
    }

    /** Lines of the log files skipped at opening because they were damaged. */
    public long damagedLines() {
        return damaged.get();
    }

    /** Events that could not be appended to the log file (they were counted in memory). */
    public long failedWrites() {
        return failedWrites.get();
    }

    /**
     * The remembered queries as suggestion candidates, weighted by their decayed count at this moment;
     * queries whose latest search found nothing, without enough distinct clients or blocked are left out.
     */
    public synchronized List<SuggestEntry> entries() {
        double nowLog2 = clock.millis() / halfLifeMillis;
        Blocklist blocked = Blocklist.read(policy.blocklist());
        List<SuggestEntry> out = new ArrayList<>(counts.size());
        counts.forEach((query, c) -> {
            double weight = Math.pow(2, c.log2 - nowLog2);
            if (c.hits != 0 && weight >= FORGET_BELOW && c.clients.distinct() >= policy.minClients()
                    && !blocked.matches(query)) {
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
        long sum = counts.size() + 31L * Blocklist.read(policy.blocklist()).hashCode();
        for (Map.Entry<String, Count> e : counts.entrySet()) {
            long h = e.getKey().hashCode() * 0x9E3779B97F4A7C15L;
            h ^= Double.doubleToLongBits(e.getValue().log2) * 0xC2B2AE3D27D4EB4FL;
            h ^= e.getValue().hits * 0x165667B19E3779F9L;
            h ^= e.getValue().clients.distinct() * 0x27D4EB2F165667C5L;
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
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (events != null) {
                events.close();
                events = null;
            }
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

    private void apply(String query, long millis, long hits, long client) {
        double add = millis / halfLifeMillis;
        Count c = counts.get(query);
        if (c == null) {
            c = new Count(add, hits);
            c.clients.admit(client, policy.maxPerClientPerDay());
            counts.put(query, c);
            return;
        }
        if (hits >= 0) {
            c.hits = hits;
        }
        if (!c.clients.admit(client, policy.maxPerClientPerDay())) {
            return;
        }
        double hi = Math.max(c.log2, add);
        double lo = Math.min(c.log2, add);
        c.log2 = hi + Math.log1p(Math.pow(2, lo - hi)) / Math.log(2);
    }

    /**
     * Reads {@code counts.tsv} ({@code log2, hits, query[, clients]}) and replays {@code events.log} ({@code
     * millis, type, hits[, client], query}); the bracketed fields are missing in lines written before
     * clients were counted, which count as one client.
     */
    private void load() throws IOException {
        damaged.addAndGet(LogLines.read(dir.resolve(COUNTS), line -> {
            String[] f = line.split("\t", -1);
            if (f.length != 3 && f.length != 4) {
                return false;
            }
            try {
                Count c = new Count(Double.parseDouble(f[0]), Long.parseLong(f[1]));
                if (f.length == 4) {
                    c.clients = ClientSupport.decode(f[3]);
                } else {
                    c.clients.admit(LEGACY_CLIENT, 1);
                }
                counts.put(f[2], c);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }));
        damaged.addAndGet(LogLines.read(dir.resolve(EVENTS), line -> {
            String[] f = line.split("\t", -1);
            if (f.length != 4 && f.length != 5) {
                return false;
            }
            try {
                long client = f.length == 5 ? Long.parseUnsignedLong(f[3], 16) : LEGACY_CLIENT;
                apply(f[f.length - 1], Long.parseLong(f[0]), Long.parseLong(f[2]), client);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }));
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
                Count c = e.getValue();
                out.write(c.log2 + "\t" + c.hits + "\t" + e.getKey() + "\t" + c.clients.encode() + "\n");
            }
        }
        Files.move(tmp, dir.resolve(COUNTS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.write(dir.resolve(EVENTS), new byte[0]);
    }
}
