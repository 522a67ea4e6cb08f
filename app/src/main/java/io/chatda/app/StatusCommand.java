package io.chatda.app;

import io.chatda.crawl.CrawlJob;
import io.chatda.crawl.CrawlRun;
import io.chatda.crawl.CrawlStore;
import io.chatda.search.SearchIndex;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code chatda status}: what the data directory holds, the last crawls and queued jobs. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the index size, the last crawls and crawl jobs.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        DataDirectory dir = data.directory();
        out.printf("data directory: %s%n", dir.root().toAbsolutePath());
        if (dir.hasIndex()) {
            try (SearchIndex index = ReadOnly.index(dir)) {
                out.printf("index: %d documents%n", index.size());
                var proposals = index.dictionaryProposals(10);
                if (!proposals.isEmpty()) {
                    out.printf("words nori breaks apart (add them to %s, then re-import):%n", dir.userDictionary());
                    for (var p : proposals) {
                        out.printf("  %s (%s; %d pages)%n", p.word(), String.join(" | ", p.pieces()), p.pages());
                    }
                }
            }
        } else {
            out.println("index: none yet");
        }
        if (!Files.exists(dir.crawlStore())) {
            out.println("crawls: none yet");
            return 0;
        }
        try (CrawlStore store = CrawlStore.open(dir.crawlStore())) {
            out.println("last crawls:");
            for (CrawlRun run : store.runs(10)) {
                out.printf(
                        "  #%d %s %s %s → %s  %s%n    %s%n",
                        run.id(),
                        run.mode().name().toLowerCase(java.util.Locale.ROOT),
                        run.status().label(),
                        run.startedAt(),
                        run.finishedAt() == null ? "…" : run.finishedAt(),
                        String.join(" ", run.seeds()),
                        run.summary());
            }
            var jobs = store.jobs(10);
            if (!jobs.isEmpty()) {
                out.println("crawl jobs:");
                for (CrawlJob job : jobs) {
                    out.printf("  #%d %s %s%n", job.id(), job.status(), job.payload());
                }
            }
        }
        return 0;
    }
}
