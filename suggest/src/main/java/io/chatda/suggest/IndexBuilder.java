package io.chatda.suggest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a {@link CompletionIndex}: merges candidates with the same key and site, numbers them
 * heaviest first, lays texts and keys out in byte arenas and sorts the key, word-start and choseong
 * suffixes. One builder builds one index.
 */
final class IndexBuilder {

    private final KeyCodec codec;

    IndexBuilder(KeyCodec codec) {
        this.codec = codec;
    }

    private static final class Merged {
        final byte[] key;
        final String site;
        final char siteId;
        String text;
        double weight;
        double best = -1;
        SuggestEntry.Kind kind;
        String url = "";

        Merged(byte[] key, String site, char siteId) {
            this.key = key;
            this.site = site;
            this.siteId = siteId;
        }

        void add(SuggestEntry e, String cleanText) {
            weight += e.weight();
            if (kind == null || e.kind().ordinal() < kind.ordinal()) {
                kind = e.kind();
            }
            if (url.isEmpty() && !e.url().isEmpty() && e.kind() != SuggestEntry.Kind.QUERY) {
                url = e.url();
            }
            if (e.weight() > best) {
                best = e.weight();
                text = cleanText;
            }
        }
    }

    CompletionIndex build(Collection<SuggestEntry> candidates) {
        Map<String, Merged> merged = new HashMap<>(candidates.size() * 2);
        Map<String, Integer> siteNumbers = new LinkedHashMap<>();
        siteNumbers.put("", 0);
        for (SuggestEntry e : candidates) {
            String text = clean(e.text());
            if (text.isEmpty() || text.length() > CompletionIndex.MAX_TEXT) {
                continue;
            }
            byte[] key = codec.key(text);
            if (key.length == 0) {
                continue;
            }
            int siteId = siteNumbers.computeIfAbsent(e.site(), s -> siteNumbers.size());
            String id = new String(key, StandardCharsets.ISO_8859_1) + '\u0000' + e.site();
            merged.computeIfAbsent(id, k -> new Merged(key, e.site(), (char) siteId))
                    .add(e, text);
        }
        if (siteNumbers.size() > Character.MAX_VALUE) {
            throw new IllegalArgumentException("too many sites: " + siteNumbers.size());
        }
        Merged[] order = byWeight(merged.values().toArray(Merged[]::new));
        int n = order.length;
        ByteArrayOutputStream texts = new ByteArrayOutputStream(n * 16);
        ByteArrayOutputStream keys = new ByteArrayOutputStream(n * 16);
        ByteArrayOutputStream cho = new ByteArrayOutputStream(n * 4);
        CharList choChars = new CharList(n * 4);
        int[] textEnds = new int[n + 1];
        int[] keyEnds = new int[n + 1];
        int[] choEnds = new int[n + 1];
        float[] weights = new float[n];
        byte[] kinds = new byte[n];
        char[] siteIds = new char[n];
        String[] urls = new String[n];
        IntPairs words = new IntPairs();
        IntPairs choWords = new IntPairs();
        for (int id = 0; id < n; id++) {
            Merged m = order[id];
            weights[id] = (float) m.weight;
            kinds[id] = (byte) m.kind.ordinal();
            siteIds[id] = m.siteId;
            urls[id] = m.url.isEmpty() ? null : m.url;
            texts.writeBytes(m.text.getBytes(StandardCharsets.UTF_8));
            textEnds[id + 1] = texts.size();
            layOut(id, m.text, keys, cho, choChars, words, choWords);
            keyEnds[id + 1] = keys.size();
            choEnds[id + 1] = cho.size();
        }
        byte[] keyArena = keys.toByteArray();
        byte[] choArena = cho.toByteArray();
        int[] all = new int[n];
        int[] allStarts = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
            allStarts[i] = keyEnds[i];
        }
        SortedKeys byKey = sorted(keyArena, keyEnds, all, allStarts, SortedKeys.Shape.HEADED);
        SortedKeys byWord = sorted(keyArena, keyEnds, words.ids(), words.positions(), SortedKeys.Shape.HEADED);
        SortedKeys byChoseong = sorted(choArena, choEnds, choWords.ids(), choWords.positions(), SortedKeys.Shape.PLAIN);
        SortedKeys bySecondSkipped = skipSorted(keyArena, keyEnds, n, SortedKeys.Shape.SKIP_SECOND);
        SortedKeys byThirdSkipped = skipSorted(keyArena, keyEnds, n, SortedKeys.Shape.SKIP_THIRD);
        String[] sites = siteNumbers.keySet().toArray(String[]::new);
        return new CompletionIndex(
                codec,
                texts.toByteArray(),
                textEnds,
                keyArena,
                keyEnds,
                choArena,
                choChars.toArray(),
                choEnds,
                weights,
                kinds,
                siteIds,
                sites,
                urls,
                byKey,
                byWord,
                byChoseong,
                bySecondSkipped,
                byThirdSkipped);
    }

    /**
     * Heaviest first, then by key (unsigned bytes), then by site: sorted by key and site (radix on
     * the first eight key bytes, the comparator within runs), then stably by weight.
     */
    private static Merged[] byWeight(Merged[] merged) {
        int m = merged.length;
        int[] order = new int[m];
        long[] prefix = new long[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            prefix[i] = SortedKeys.head(merged[i].key, 0, merged[i].key.length);
        }
        IntSorter.sortByPrefix(order, prefix, (a, b) -> {
            int c = Arrays.compareUnsigned(merged[a].key, merged[b].key);
            return c != 0 ? c : merged[a].site.compareTo(merged[b].site);
        });
        long[] weight = new long[m];
        for (int i = 0; i < m; i++) {
            // descending: the complement of the weight's bits in ascending unsigned order
            long bits = Double.doubleToLongBits(merged[order[i]].weight);
            weight[i] = ~(bits ^ ((bits >> 63) | Long.MIN_VALUE));
        }
        IntSorter.sortByKey(order, weight);
        Merged[] out = new Merged[m];
        for (int i = 0; i < m; i++) {
            out[i] = merged[order[i]];
        }
        return out;
    }

    /** Trimmed, with runs of whitespace folded to one space. */
    static String clean(String text) {
        int n = text.length();
        boolean tidy = n > 0 && !Character.isWhitespace(text.charAt(0)) && !Character.isWhitespace(text.charAt(n - 1));
        for (int i = 0; i < n && tidy; i++) {
            char c = text.charAt(i);
            tidy = !Character.isWhitespace(c) || (c == ' ' && !Character.isWhitespace(text.charAt(i + 1)));
        }
        return tidy || n == 0 ? text : text.strip().replaceAll("\\s+", " ");
    }

    /**
     * Appends the entry's key and choseong units and records where its later words start in the key
     * and where each Hangul word starts in the choseong (the first included).
     */
    private void layOut(
            int id,
            String text,
            ByteArrayOutputStream keys,
            ByteArrayOutputStream cho,
            CharList choChars,
            IntPairs words,
            IntPairs choWords) {
        int keyStart = keys.size();
        int prevType = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int type = type(cp);
            boolean wordStart = type != 0 && type != prevType;
            byte[] units = codec.unitsOf(cp);
            if (wordStart && units.length > 0) {
                if (keys.size() > keyStart) {
                    words.add(id, keys.size());
                }
                if (codec.initialOf(cp) != 0) {
                    choWords.add(id, cho.size());
                }
            }
            keys.writeBytes(units);
            byte initial = codec.initialOf(cp);
            if (initial != 0) {
                cho.write(initial);
                choChars.add((char) cp);
            }
            prevType = type;
            i += Character.charCount(cp);
        }
    }

    /** 0 for a separator, 1 for Hangul, 2 for other letters and digits: a word starts where the type changes. */
    private static int type(int cp) {
        if ((cp >= KeyCodec.JAMO_FIRST && cp <= KeyCodec.JAMO_LAST) || KeyCodec.isSyllable(cp)) {
            return 1;
        }
        return Character.isLetterOrDigit(cp) ? 2 : 0;
    }

    /** The keys long enough to have the unit {@code shape} skips, sorted as if it were not there. */
    private static SortedKeys skipSorted(byte[] arena, int[] ends, int n, SortedKeys.Shape shape) {
        int count = 0;
        int[] ids = new int[n];
        for (int id = 0; id < n; id++) {
            int start = ends[id];
            int first = KeyCodec.unitLength(arena[start]);
            boolean twoUnits = start + first < ends[id + 1];
            if (twoUnits
                    && (shape == SortedKeys.Shape.SKIP_SECOND
                            || start + first + KeyCodec.unitLength(arena[start + first]) < ends[id + 1])) {
                ids[count++] = id;
            }
        }
        ids = Arrays.copyOf(ids, count);
        int[] order = new int[count];
        long[] prefix = new long[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
            prefix[i] = SortedKeys.skipHead(arena, ends[ids[i]], ends[ids[i] + 1], shape);
        }
        int[] sortedIds = ids;
        IntSorter.sortByPrefix(order, prefix, (a, b) -> {
            int c = SortedKeys.compareSkipping(
                    arena,
                    ends[sortedIds[a]],
                    ends[sortedIds[a] + 1],
                    ends[sortedIds[b]],
                    ends[sortedIds[b] + 1],
                    shape);
            return c != 0 ? c : Integer.compare(sortedIds[a], sortedIds[b]);
        });
        int[] outIds = new int[count];
        int[] outStarts = new int[count];
        for (int i = 0; i < count; i++) {
            outIds[i] = ids[order[i]];
            outStarts[i] = ends[outIds[i]];
        }
        return new SortedKeys(arena, ends, outStarts, outIds, shape);
    }

    private static SortedKeys sorted(byte[] arena, int[] ends, int[] ids, int[] starts, SortedKeys.Shape shape) {
        int n = ids.length;
        int[] order = new int[n];
        long[] prefix = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            prefix[i] = SortedKeys.head(arena, starts[i], ends[ids[i] + 1]);
        }
        IntSorter.sortByPrefix(order, prefix, (a, b) -> {
            int ea = ends[ids[a] + 1];
            int eb = ends[ids[b] + 1];
            int c = Arrays.compareUnsigned(arena, starts[a], ea, arena, starts[b], eb);
            return c != 0 ? c : Integer.compare(ids[a], ids[b]);
        });
        int[] sortedIds = new int[n];
        int[] sortedStarts = new int[n];
        for (int i = 0; i < n; i++) {
            sortedIds[i] = ids[order[i]];
            sortedStarts[i] = starts[order[i]];
        }
        return new SortedKeys(arena, ends, sortedStarts, sortedIds, shape);
    }

    /** A growable list of chars. */
    private static final class CharList {
        private char[] chars;
        private int size;

        CharList(int capacity) {
            chars = new char[Math.max(16, capacity)];
        }

        void add(char c) {
            if (size == chars.length) {
                chars = Arrays.copyOf(chars, size * 2);
            }
            chars[size++] = c;
        }

        char[] toArray() {
            return Arrays.copyOf(chars, size);
        }
    }

    /** A growable list of (entry id, arena position) pairs. */
    private static final class IntPairs {
        private int[] ids = new int[16];
        private int[] positions = new int[16];
        private int size;

        void add(int id, int position) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                positions = Arrays.copyOf(positions, size * 2);
            }
            ids[size] = id;
            positions[size++] = position;
        }

        int[] ids() {
            return Arrays.copyOf(ids, size);
        }

        int[] positions() {
            return Arrays.copyOf(positions, size);
        }
    }
}
