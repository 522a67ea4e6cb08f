package io.chatda.app;

import io.chatda.search.SearchIndex;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.SuggestEntry;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Builds a suggestion dictionary; the app's is {@link SuggestionSources#build}, tests put slow or failing ones here. */
@FunctionalInterface
interface DictionaryBuilder {

    /**
     * The dictionary of {@code index} and the query log's {@code queries}.
     *
     * @throws RebuildStoppedException once {@code stopping} says so (checked as the build goes)
     */
    CompletionIndex build(SearchIndex index, List<SuggestEntry> queries, BooleanSupplier stopping);
}
