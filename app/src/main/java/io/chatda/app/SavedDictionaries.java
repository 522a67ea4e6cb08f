package io.chatda.app;

import io.chatda.search.SearchIndex;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.DictionarySnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The suggestion dictionary saved in a data directory: where it is, and loading it only when it was built from
 * what the index holds now (its fingerprint), for the library that owns it and for readers beside it.
 */
final class SavedDictionaries {

    private SavedDictionaries() {}

    /** Where the suggestion dictionary is saved. */
    static Path file(DataDirectory data) {
        return data.root().resolve("suggest").resolve("dictionary.bin");
    }

    /**
     * The dictionary saved in {@code data} if it was built from {@code index} as it is now (with the query log as it
     * was then), else empty: for readers that leave the query log alone, such as {@code chatda suggest} beside a
     * running server. A damaged or foreign file is empty too; the library that owns it rebuilds it.
     */
    static Optional<CompletionIndex> savedDictionary(DataDirectory data, SearchIndex index) {
        try {
            return loadIf(file(data), f -> SuggestionSources.builtFromIndex(f, index))
                    .map(DictionarySnapshot.Loaded::index);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The dictionary saved in {@code file} if its fingerprint passes {@code current}: checked in the header before the
     * arrays are read, and again on what was read (the file may have been replaced in between).
     */
    static Optional<DictionarySnapshot.Loaded> loadIf(Path file, Predicate<String> current) throws IOException {
        if (!current.test(DictionarySnapshot.readFingerprint(file))) {
            return Optional.empty();
        }
        DictionarySnapshot.Loaded loaded = DictionarySnapshot.load(file);
        return current.test(loaded.fingerprint()) ? Optional.of(loaded) : Optional.empty();
    }
}
