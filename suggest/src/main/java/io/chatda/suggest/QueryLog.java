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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What users searched and which suggestions they picked, counted with exponential time decay so
 * that popular and trending queries rise and old ones fade: an event's weight halves every {@code
 * halfLife}. A query whose latest search found nothing is not offered as a suggestion.
 *
 * <p>Counted in memory at once; persisted in its own directory by one background writer ({@link EventWriter}):
 * every event is appended to {@code events.log} moments after it happens (so a killed process keeps what the OS
 * received), and {@link #compact()} (called with each suggestion rebuild), opening and {@link #close()} fold the
 * events into {@code counts.tsv}, written to a temporary file and renamed, forgetting faded queries and all but
 * the {@link #MAX_QUERIES} strongest, so memory and files stay bounded while the log is in use. Counts are kept
 * as base-2 logarithms relative to the Unix epoch, so decay needs no periodic rewrite.
 *
 * <p>Which queries become suggestions for everyone is the {@link QueryPolicy}'s call: distinct clients
 * (counted by a {@linkplain DailySalt salted daily hash}, never stored as addresses), a per-client cap, the
 * operator's blocklist.
 *
 * <p>A damaged line in either file (not UTF-8, cut short: what a full disk or a crash leaves) is skipped and
 * counted ({@link #damagedLines()}); recording never waits for the disk nor fails with it: a failed append (a full
 * disk) is logged and counted ({@link #failedWrites()}), an event that finds the writer {@link #MAX_PENDING_EVENTS}
 * behind is dropped from the file and counted ({@link #droppedEvents()}), and either stays counted in memory
 * (and reaches {@code counts.tsv} at the next compaction).
 *
 * <p>Thread-safe (one lock, held for in-memory work only; called once per search, never on the suggestion path).
 */
public final class QueryLog implements AutoCloseable {

    /** Default half-life of a search's weight. */
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(7);
    /** Longest query remembered, in characters; longer ones are ignored. */
    public static final int MAX_QUERY = 100;
    /** Most queries kept; the least popular are dropped when compacting. */
    public static final int MAX_QUERIES = 200_000;
    /** Events that may wait for the writer; more are dropped from the file (not from the counts). */
    public static final int MAX_PENDING_EVENTS = 10_000;
    /** How long closing waits for the writer to write what is queued and fold the counts. */
    private static final Duration CLOSE_DEADLINE = Duration.ofSeconds(10);
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

    /**
     * How the log is kept: the event file's opener, the most queries kept and the most events waiting for the
     * writer (tests make them small).
     */
    record Storage(EventsOpener opener, int maxQueries, int maxPendingEvents) {

        static Storage defaults(EventsOpener opener) {
            return new Storage(opener, MAX_QUERIES, MAX_PENDING_EVENTS);
        }
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
    private final int maxQueries;
    private final EventWriter writer;
    private final DailySalt salt;
    private final Map<String, Count> counts = new HashMap<>();
    private final AtomicLong damaged = new AtomicLong();
    private boolean closed;

    private QueryLog(Path dir, Duration halfLife, Clock clock, QueryPolicy policy, Storage storage) {
        this.dir = dir;
        this.halfLifeMillis = halfLife.toMillis();
        this.clock = clock;
        this.policy = policy;
        this.maxQueries = storage.maxQueries();
        this.writer = new EventWriter(dir.resolve(EVENTS), storage.opener(), storage.maxPendingEvents());
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
        return open(
                dir,
                halfLife,
                clock,
                policy,
                file -> Files.newBufferedWriter(
                        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    static QueryLog open(Path dir, Duration halfLife, Clock clock, QueryPolicy policy, EventsOpener opener) {
        return open(dir, halfLife, clock, policy, Storage.defaults(opener));
    }

    static QueryLog open(Path dir, Duration halfLife, Clock clock, QueryPolicy policy, Storage storage) {
        Objects.requireNonNull(dir, "dir");
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("half-life must be positive: " + halfLife);
        }
        QueryLog log = new QueryLog(
                dir,
                halfLife,
                Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(policy, "policy"),
                storage);
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
            log.prune();
            log.writeCounts(log.countLines());
        } catch (IOException e) {
            LOG.warn("query log {}: can't fold the events into {}, keeping them", dir, COUNTS, e);
        }
        log.writer.start();
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
        writer.offer(now + "\t" + type + "\t" + hits + "\t" + Long.toHexString(id) + "\t" + query + "\n");
    }

    /** Lines of the log files skipped at opening because they were damaged. */
    public long damagedLines() {
        return damaged.get();
    }

    /** Events that could not be appended to the log file, and compactions that failed (all counted in memory). */
    public long failedWrites() {
        return writer.failedWrites();
    }

    /** Events left out of the log file because the writer was too far behind (they were counted in memory). */
    public long droppedEvents() {
        return writer.dropped();
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
            if (c.hits != 0
                    && weight >= FORGET_BELOW
                    && c.clients.distinct() >= policy.minClients()
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

    /**
     * Bounds the log while it is in use: forgets faded queries, and all but the strongest {@link #MAX_QUERIES},
     * in memory now; then, on the writer thread after the events recorded so far, writes the counts to {@code
     * counts.tsv} and empties {@code events.log}. The future completes when the files are written, exceptionally
     * if they could not be (logged and counted in {@link #failedWrites()}; the events stay in their file).
     */
    public CompletableFuture<Void> compact() {
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            prune();
            List<String> lines = countLines();
            return writer.submit(() -> writeCounts(lines));
        }
    }

    /** Completes once every event recorded before the call has been written (or has failed). */
    CompletableFuture<Void> flushed() {
        return writer.submit(() -> {});
    }

    /**
     * Writes what is queued, folds the events into {@code counts.tsv} and ends the writer.
     *
     * @throws UncheckedIOException if the counts could not be saved
     */
    @Override
    public void close() {
        CompletableFuture<Void> saved;
        synchronized (this) {
            if (closed) {
                return;
            }
            prune();
            List<String> lines = countLines();
            saved = writer.submit(() -> writeCounts(lines));
            closed = true;
        }
        if (!writer.close(CLOSE_DEADLINE)) {
            throw new UncheckedIOException(new IOException(
                    "can't save query log in " + dir + ": its writer did not finish within " + CLOSE_DEADLINE));
        }
        try {
            saved.join();
        } catch (CompletionException e) {
            throw new UncheckedIOException(
                    "can't save query log in " + dir + ": " + e.getCause().getMessage(),
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
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

    /** Forgets the queries that faded below {@link #FORGET_BELOW}, then all but the strongest {@code maxQueries}. */
    private void prune() {
        double nowLog2 = clock.millis() / halfLifeMillis;
        double floor = nowLog2 + Math.log(FORGET_BELOW) / Math.log(2);
        counts.values().removeIf(c -> c.log2 < floor);
        if (counts.size() > maxQueries) {
            List<String> weakest = counts.entrySet().stream()
                    .sorted(Comparator.comparingDouble(e -> e.getValue().log2))
                    .limit(counts.size() - maxQueries)
                    .map(Map.Entry::getKey)
                    .toList();
            weakest.forEach(counts::remove);
        }
    }

    /** The counts as lines of {@code counts.tsv}. */
    private List<String> countLines() {
        List<String> lines = new ArrayList<>(counts.size());
        counts.forEach(
                (query, c) -> lines.add(c.log2 + "\t" + c.hits + "\t" + query + "\t" + c.clients.encode() + "\n"));
        return lines;
    }

    /** Replaces {@code counts.tsv} with {@code lines} and empties the event file (whose events they include). */
    private void writeCounts(List<String> lines) throws IOException {
        Path tmp = dir.resolve(COUNTS + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line);
            }
        }
        Files.move(tmp, dir.resolve(COUNTS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.write(dir.resolve(EVENTS), new byte[0]);
    }
}
