package io.chatda.app;

import io.chatda.search.SearchHit;
import io.chatda.search.SearchIndex;
import io.chatda.search.SearchResults;
import io.chatda.server.core.Limits;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chatda search QUERY}: ranked results in the terminal. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the index and print ranked results.")
final class SearchCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "query words; \"phrases\", -exclude, site:host, OR")
    String[] words;

    @Option(names = "--page", defaultValue = "1", description = "result page (default: ${DEFAULT-VALUE})")
    int page;

    @Option(
            names = "--size",
            defaultValue = "" + Limits.DEFAULT_PAGE_SIZE,
            description = "results per page, at most " + SearchIndex.MAX_SIZE + " (default: ${DEFAULT-VALUE})")
    int size;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (page < 1 || size < 1 || size > SearchIndex.MAX_SIZE) {
            throw new UsageException("--page must be at least 1 and --size between 1 and " + SearchIndex.MAX_SIZE);
        }
        String query = String.join(" ", words);
        try (SearchIndex index = ReadOnly.index(data.directory())) {
            SearchResults results = index.search(query, page, size);
            var out = spec.commandLine().getOut();
            out.printf("%d results for \"%s\" (%.1f ms)%n", results.totalHits(), query, results.tookMicros() / 1000.0);
            int rank = (page - 1) * size;
            for (SearchHit hit : results.hits()) {
                out.printf(
                        "%n%2d. %s%n    %s%n    %s%n",
                        ++rank, hit.title(), hit.url(), TerminalText.snippet(hit.snippetHtml()));
            }
            return 0;
        }
    }
}
