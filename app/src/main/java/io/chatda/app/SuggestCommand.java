package io.chatda.app;

import io.chatda.search.SearchIndex;
import io.chatda.server.core.Limits;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.Suggester;
import io.chatda.suggest.Suggestion;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chatda suggest PREFIX}: what the search box would suggest. */
@Command(name = "suggest", mixinStandardHelpOptions = true, description = "Print suggestions for a prefix.")
final class SuggestCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Parameters(arity = "1..*", paramLabel = "PREFIX", description = "what the user has typed so far")
    String[] words;

    @Option(
            names = "--limit",
            defaultValue = "" + Limits.DEFAULT_SUGGESTIONS,
            description = "how many, at most " + Suggester.MAX_LIMIT + " (default: ${DEFAULT-VALUE})")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1 || limit > Suggester.MAX_LIMIT) {
            throw new UsageException("--limit must be between 1 and " + Suggester.MAX_LIMIT);
        }
        try (SearchIndex index = ReadOnly.index(data.directory())) {
            var out = spec.commandLine().getOut();
            // the dictionary the server saved (it has the query log) while it describes this index; else the index's
            // own
            CompletionIndex dictionary = SavedDictionaries.savedDictionary(data.directory(), index)
                    .orElseGet(() -> SuggestionSources.build(index, List.of()));
            for (Suggestion s : dictionary.suggest(String.join(" ", words), limit)) {
                out.printf("%-8s %s%n", s.kind().name().toLowerCase(Locale.ROOT), s.text());
            }
            return 0;
        }
    }
}
