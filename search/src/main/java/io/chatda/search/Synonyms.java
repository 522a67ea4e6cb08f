package io.chatda.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operator's synonym groups ({@code DATA_DIR/synonyms.txt}): one group of equivalent words per
 * line, separated by commas ({@code 데드락, 교착상태, deadlock}); {@code #} starts a comment. A query
 * word in a group also searches the group's other words, scored below the literal match. Applied at
 * query time only, so changing the file needs no re-import. Immutable.
 */
public final class Synonyms {

    /** No groups. */
    public static final Synonyms NONE = new Synonyms(Map.of());

    private final Map<String, List<String>> others;

    private Synonyms(Map<String, List<String>> others) {
        this.others = others;
    }

    /**
     * Parses groups from lines in the file's format.
     */
    static Synonyms parse(List<String> lines) {
        Map<String, Set<String>> groups = new HashMap<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String content = hash < 0 ? line : line.substring(0, hash);
            List<String> words = new ArrayList<>();
            for (String word : content.split(",")) {
                String w = word.strip().toLowerCase(Locale.ROOT);
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            for (String w : words) {
                Set<String> group = groups.computeIfAbsent(w, k -> new LinkedHashSet<>());
                words.stream().filter(o -> !o.equals(w)).forEach(group::add);
            }
        }
        Map<String, List<String>> out = new HashMap<>();
        groups.forEach((w, g) -> out.put(w, List.copyOf(g)));
        return new Synonyms(Map.copyOf(out));
    }

    /**
     * The groups in {@code file}, or {@link #NONE} if it is null or absent.
     *
     * @throws SearchIndexException if the file exists but can't be read
     */
    static Synonyms load(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            throw new SearchIndexException("can't read synonyms " + file + ": " + e.getMessage(), e);
        }
    }

    /** The other words of {@code word}'s groups (lower-cased), empty if it has none. */
    List<String> of(String word) {
        return others.getOrDefault(word.toLowerCase(Locale.ROOT), List.of());
    }

    /** Number of words that have synonyms. */
    int size() {
        return others.size();
    }
}
