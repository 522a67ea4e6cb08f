package io.chatda.app;

import io.chatda.crawl.CrawlConfig;
import io.chatda.crawl.CrawlMode;
import io.chatda.crawl.CrawlProgress;
import io.chatda.crawl.CrawlSettings;
import io.chatda.crawl.CrawlStore;
import io.chatda.crawl.CrawlSummary;
import io.chatda.crawl.Crawler;
import io.chatda.crawl.HtmlExtractor;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code chatda crawl URL…}: crawl sites politely into the index, with a live progress bar and a summary. */
@Command(
        name = "crawl",
        mixinStandardHelpOptions = true,
        description = "Crawl web sites into the index: robots.txt, sitemaps, per-host politeness, dedup. "
                + "Ctrl-C stops cleanly; --resume continues where a stopped or killed crawl left off.")
final class CrawlCommand implements Callable<Integer> {

    /**
     * Index commits during a CLI crawl (the server's jobs commit every 5 s): a commit re-writes, and so
     * re-analyses, every page whose inbound anchor text changed since it was written, and here nothing but
     * a concurrent {@code chatda search} reads the index before the end. The crawl store keeps uncommitted
     * pages, so a kill loses nothing either way.
     */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(30);
    /** The most workers {@code --concurrency} allows. */
    static final int MAX_CONCURRENCY = 64;

    @Mixin
    DataOption data;

    @Parameters(arity = "0..*", paramLabel = "URL", description = "seed URLs (http or https)")
    List<String> seeds = new ArrayList<>();

    @Option(
            names = "--max-pages",
            paramLabel = "N",
            defaultValue = "10000",
            description = "stop after N pages (default: ${DEFAULT-VALUE})")
    int maxPages;

    @Option(
            names = "--max-depth",
            paramLabel = "N",
            defaultValue = "20",
            description = "link depth limit (default: ${DEFAULT-VALUE})")
    int maxDepth;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "4",
            description = "parallel fetches; one at a time per host unless --delay is 0 (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(
            names = "--delay",
            paramLabel = "MS",
            defaultValue = "1000",
            description =
                    "pause between requests to one host unless robots.txt says otherwise; 0 turns politeness off (requests to a host overlap) (default: ${DEFAULT-VALUE})")
    long delayMillis;

    @Option(
            names = "--allow-private",
            description = "allow loopback and private addresses (refused by default against SSRF)")
    boolean allowPrivate;

    @Option(names = "--include", paramLabel = "REGEX", description = "only URLs matching (repeatable)")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "REGEX", description = "skip URLs matching (repeatable)")
    List<String> excludes = new ArrayList<>();

    @Option(
            names = "--resume",
            description = "continue the last crawl with its URLs and settings (options given " + "here override them)")
    boolean resume;

    @Option(
            names = "--refresh",
            description = "revalidate crawled pages; unchanged ones are not reindexed, gone ones leave the index")
    boolean refresh;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CrawlConfig config = config(); // usage errors before anything is opened
        var out = spec.commandLine().getOut();
        long called = System.nanoTime();
        String startup = startupSeconds(System.getenv("CHATDA_LAUNCHED"));
        // the crawl store opens on another thread while the index does: each takes a few hundred milliseconds
        CompletableFuture<CrawlStore> opening = CompletableFuture.supplyAsync(
                () -> CrawlStore.open(data.directory().crawlStore()));
        try (Library library = openLibrary(opening);
                CrawlStore store = opened(opening)) {
            if (resume) {
                config = resumed(store);
            }
            long opened = System.nanoTime();
            Crawler crawler = new Crawler(store, new HtmlExtractor());
            CountDownLatch finished = new CountDownLatch(1);
            Thread stopper = new Thread(
                    () -> {
                        crawler.stop();
                        awaitQuietly(finished);
                    },
                    "chatda-crawl-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            CrawlSummary summary;
            try (ProgressDisplay progress = new ProgressDisplay(System.console() != null, config.maxPages())) {
                // the index's own sink: committing at checkpoints without a dictionary rebuild each time,
                // which nothing reads in this process; one rebuild follows the crawl
                summary = crawler.run(config, new Indexer(library.index()), progress::update);
            } finally {
                finished.countDown();
            }
            long crawled = System.nanoTime();
            library.rebuildSuggestions();
            // the logger is looked up here, not in a static field: picocli creates every command at start-up,
            // and other commands shouldn't pay for logback's initialisation
            Logger log = LoggerFactory.getLogger(CrawlCommand.class);
            log.info(
                    "timings: start-up {} s, open {} s, crawl with final commit {} s, suggestions {} s",
                    startup,
                    seconds(called, opened),
                    seconds(opened, crawled),
                    seconds(crawled, System.nanoTime()));
            out.println("crawl " + (summary.stopped() ? "stopped (resume with --resume)" : "finished") + ": "
                    + summary.format());
            out.printf("index holds %d documents%n", library.index().size());
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and waits for us
            }
            return 0;
        }
    }

    private Library openLibrary(CompletableFuture<CrawlStore> storeOpening) {
        try {
            return Library.openForUpdate(data.directory(), data.queryPolicy());
        } catch (RuntimeException e) {
            storeOpening.thenAccept(CrawlStore::close);
            throw e;
        }
    }

    private static CrawlStore opened(CompletableFuture<CrawlStore> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private CrawlConfig config() {
        if (resume && refresh) {
            throw new UsageException("use either --resume or --refresh");
        }
        CrawlMode mode = resume ? CrawlMode.RESUME : refresh ? CrawlMode.REFRESH : CrawlMode.START;
        if (mode == CrawlMode.START && seeds.isEmpty()) {
            throw new UsageException("give at least one URL to crawl, or --resume");
        }
        for (String seed : seeds) {
            requireHttpUrl(seed);
        }
        if (maxPages < 1 || maxDepth < 0 || concurrency < 1 || concurrency > MAX_CONCURRENCY || delayMillis < 0) {
            throw new UsageException("--max-pages and --concurrency (1-" + MAX_CONCURRENCY
                    + ") must be positive, --max-depth and --delay not negative");
        }
        return CrawlConfig.builder(seeds)
                .mode(mode)
                .maxPages(maxPages)
                .maxDepth(maxDepth)
                .concurrency(concurrency)
                .delay(Duration.ofMillis(delayMillis))
                .allowPrivate(allowPrivate)
                .checkpointInterval(CHECKPOINT_INTERVAL)
                .includes(patterns(includes, "--include"))
                .excludes(patterns(excludes, "--exclude"))
                .build();
    }

    /**
     * The config of {@code --resume}: the last run's seeds (its site scope) and settings from the store, with the
     * options given on this command line instead of theirs; this command line's alone for a store without any.
     */
    private CrawlConfig resumed(CrawlStore store) {
        Optional<CrawlSettings> kept = store.lastRunSettings();
        if (kept.isEmpty()) {
            return config();
        }
        ParseResult given = spec.commandLine().getParseResult();
        CrawlSettings s = kept.get();
        return CrawlConfig.builder(seeds.isEmpty() ? s.seeds() : seeds)
                .mode(CrawlMode.RESUME)
                .checkpointInterval(CHECKPOINT_INTERVAL)
                .maxPages(given.hasMatchedOption("--max-pages") ? maxPages : s.maxPages())
                .maxDepth(given.hasMatchedOption("--max-depth") ? maxDepth : s.maxDepth())
                .concurrency(given.hasMatchedOption("--concurrency") ? concurrency : s.concurrency())
                .delay(given.hasMatchedOption("--delay") ? Duration.ofMillis(delayMillis) : s.delay())
                .allowPrivate(allowPrivate || s.allowPrivate())
                .maxPerHostPages(s.maxPerHostPages())
                .sameSite(s.sameSite())
                .trustedHosts(s.trustedHosts())
                .includes(
                        given.hasMatchedOption("--include")
                                ? patterns(includes, "--include")
                                : s.includes().stream().map(Pattern::compile).toList())
                .excludes(
                        given.hasMatchedOption("--exclude")
                                ? patterns(excludes, "--exclude")
                                : s.excludes().stream().map(Pattern::compile).toList())
                .build();
    }

    private static void requireHttpUrl(String seed) {
        try {
            URI uri = new URI(seed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new UsageException("not an http(s) URL: " + seed);
            }
        } catch (java.net.URISyntaxException e) {
            throw new UsageException("not a valid URL: " + seed);
        }
    }

    private static List<Pattern> patterns(List<String> regexes, String option) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new UsageException(option + " is not a valid regular expression: " + regex);
            }
        }
        return patterns;
    }

    /**
     * Seconds from the launcher's start (its {@code CHATDA_LAUNCHED}, epoch seconds with microseconds) to now:
     * launcher, JVM, picocli. "?" without it (the jar run by hand, bash before 5); the kernel's process start
     * time would do, but Linux gives it to a whole second.
     */
    static String startupSeconds(String launched) {
        if (launched == null || launched.isBlank()) {
            return "?";
        }
        try {
            BigDecimal epoch = new BigDecimal(launched.strip().replace(',', '.')); // EPOCHREALTIME follows the locale
            Instant start = Instant.ofEpochSecond(
                    epoch.longValue(),
                    epoch.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            return seconds(0, Duration.between(start, Instant.now()).toNanos());
        } catch (NumberFormatException e) {
            return "?";
        }
    }

    private static String seconds(long fromNanos, long toNanos) {
        return String.format(Locale.ROOT, "%.2f", (toNanos - fromNanos) / 1e9);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A live progress bar on a terminal; nothing when output is not interactive (CI, pipes). */
    private static final class ProgressDisplay implements AutoCloseable {
        private final ProgressBar bar;

        ProgressDisplay(boolean interactive, int maxPages) {
            this.bar = interactive
                    ? new ProgressBarBuilder()
                            .setTaskName("crawl")
                            .setInitialMax(maxPages)
                            .setStyle(ProgressBarStyle.ASCII)
                            .setUpdateIntervalMillis(500)
                            .build()
                    : null;
        }

        void update(CrawlProgress p) {
            if (bar != null) {
                bar.stepTo(p.fetched());
                bar.setExtraMessage(String.format(
                        Locale.ROOT, "queued %d failed %d %.1f pages/s", p.queued(), p.failed(), p.pagesPerSecond()));
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
