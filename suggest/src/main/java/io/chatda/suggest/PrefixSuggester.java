package io.chatda.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A first, simple suggester: entries whose lower-cased text starts with the lower-cased prefix, by weight.
 * Exact duplicates are merged, keeping the heaviest. Immutable once built.
 */
public final class PrefixSuggester implements Suggester {

    private final String[] keys;
    private final SuggestEntry[] entries;

    public PrefixSuggester(List<SuggestEntry> candidates) {
        Map<String, SuggestEntry> unique = new LinkedHashMap<>();
        for (SuggestEntry e : candidates) {
            String key = key(e.text());
            if (!key.isEmpty()) {
                unique.merge(key, e, (a, b) -> a.weight() >= b.weight() ? a : b);
            }
        }
        List<Map.Entry<String, SuggestEntry>> sorted = new ArrayList<>(unique.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        keys = sorted.stream().map(Map.Entry::getKey).toArray(String[]::new);
        entries = sorted.stream().map(Map.Entry::getValue).toArray(SuggestEntry[]::new);
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        String key = key(prefix);
        if (key.isEmpty() || limit <= 0) {
            return List.of();
        }
        int from = lowerBound(key);
        List<SuggestEntry> matches = new ArrayList<>();
        for (int i = from; i < keys.length && keys[i].startsWith(key); i++) {
            matches.add(entries[i]);
        }
        return matches.stream()
                .sorted(Comparator.comparingDouble(SuggestEntry::weight).reversed().thenComparing(SuggestEntry::text))
                .limit(limit)
                .map(e -> new Suggestion(e.text(), e.kind(), e.url(), e.weight()))
                .toList();
    }

    @Override
    public int size() {
        return keys.length;
    }

    private int lowerBound(String key) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? i : -i - 1;
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
