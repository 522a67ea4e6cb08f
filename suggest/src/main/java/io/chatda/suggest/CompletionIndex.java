package io.chatda.suggest;

import io.chatda.hangul.KeyboardLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The completion engine: an immutable in-memory dictionary answering every keystroke with all
 * matching modes at once, merged, deduplicated and ranked.
 *
 * <ul>
 *   <li><b>prefix</b> at the jamo level: 검, 검ㅅ and 검새 reach 검색엔진; 거 and 검 reach 거미;
 *   <li><b>word start</b>: {@code engine} reaches "search engine", 엔진 reaches "검색 엔진";
 *   <li><b>choseong</b>: ㄱㅅㅇㅈ reaches 검색엔진, also at a later word, and mixed with whole
 *       syllables (검ㅅ엔);
 *   <li><b>keyboard layout</b>: {@code rjator} reaches 검색 and ㄴㄷㅁㄱ초 reaches search, when the
 *       hangul module's detector calls the input mistyped or plain matching finds fewer than asked;
 *   <li><b>typo</b>: one jamo or letter substituted, missing, extra or swapped (not the first), for
 *       inputs of at least 4 jamo or letters.
 * </ul>
 *
 * <p>Each match scores the entry's weight times the mode's {@link Suggestion.Match#quality()};
 * ties go to the heavier entry, then to the smaller key, so answers are deterministic. Entries with
 * the same key (text normalised, split into jamo, spaces ignored) and site are merged at build
 * time, summing weights; an answer never lists the same key twice.
 *
 * <p>Top k never walks all matches of a short prefix: see {@link SortedKeys}. Build with {@link
 * #build}. Thread-safe: nothing changes after construction.
 */
public final class CompletionIndex implements Suggester {

    /** Longest text kept as an entry, in UTF-16 units; longer entries are skipped at build time. */
    public static final int MAX_TEXT = 200;
    /** Typed text beyond this many characters is ignored. */
    public static final int MAX_TYPED = 100;

    static final int MIN_TYPO_UNITS = 4;
    private static final SuggestEntry.Kind[] KINDS = SuggestEntry.Kind.values();
    /** Bound on candidates examined per lookup, so a rare site or mixed choseong can't make one slow. */
    private static final int MAX_POPS = 5_000;

    final KeyCodec codec;
    final int n;
    final byte[] texts;
    final int[] textEnds;
    final byte[] keys;
    final int[] keyEnds;
    final byte[] choseong;
    /** The character each choseong unit comes from (a syllable or a lone consonant), parallel to {@link #choseong}. */
    final char[] choChars;

    final int[] choEnds;
    final float[] weights;
    final byte[] kinds;
    final char[] siteIds;
    final String[] sites;
    final String[] urls;
    final SortedKeys byKey;
    final SortedKeys byWord;
    final SortedKeys byChoseong;
    /** Whole keys without their second unit, for typos there ({@link SortedKeys.Shape#SKIP_SECOND}). */
    final SortedKeys bySecondSkipped;
    /** Whole keys without their third unit, for typos there ({@link SortedKeys.Shape#SKIP_THIRD}). */
    final SortedKeys byThirdSkipped;
    /** Vowels behind each choseong position, to test mixed input cheaply (derived, not saved). */
    final MixedChoseong mixedChoseong;

    private final Map<String, Integer> siteNumbers;

    CompletionIndex(
            KeyCodec codec,
            byte[] texts,
            int[] textEnds,
            byte[] keys,
            int[] keyEnds,
            byte[] choseong,
            char[] choChars,
            int[] choEnds,
            float[] weights,
            byte[] kinds,
            char[] siteIds,
            String[] sites,
            String[] urls,
            SortedKeys byKey,
            SortedKeys byWord,
            SortedKeys byChoseong,
            SortedKeys bySecondSkipped,
            SortedKeys byThirdSkipped) {
        this.codec = codec;
        this.n = weights.length;
        this.texts = texts;
        this.textEnds = textEnds;
        this.keys = keys;
        this.keyEnds = keyEnds;
        this.choseong = choseong;
        this.choChars = choChars;
        this.choEnds = choEnds;
        this.weights = weights;
        this.kinds = kinds;
        this.siteIds = siteIds;
        this.sites = sites;
        this.urls = urls;
        this.byKey = byKey;
        this.byWord = byWord;
        this.byChoseong = byChoseong;
        this.bySecondSkipped = bySecondSkipped;
        this.byThirdSkipped = byThirdSkipped;
        this.mixedChoseong = MixedChoseong.of(choChars, choEnds, byChoseong);
        this.siteNumbers = new HashMap<>();
        for (int i = 0; i < sites.length; i++) {
            siteNumbers.put(sites[i], i);
        }
    }

    /**
     * Builds the engine over {@code candidates}. Entries whose text is blank, longer than {@link
     * #MAX_TEXT} or makes no key (punctuation only) are skipped.
     */
    public static CompletionIndex build(Collection<SuggestEntry> candidates) {
        return new IndexBuilder(KeyCodec.INSTANCE).build(candidates);
    }

    /** An engine with no entries. */
    public static CompletionIndex empty() {
        return build(List.of());
    }

    @Override
    public int size() {
        return n;
    }

    /** Heap bytes held by the dictionary's arrays and strings (excluding the shared key table). */
    public long memoryBytes() {
        long bytes = arr(texts.length)
                + arr(4L * textEnds.length)
                + arr(keys.length)
                + arr(4L * keyEnds.length)
                + arr(choseong.length)
                + arr(2L * choChars.length)
                + arr(4L * choEnds.length)
                + arr(4L * weights.length)
                + arr(kinds.length)
                + arr(2L * siteIds.length)
                + arr(4L * urls.length)
                + byKey.memoryBytes()
                + byWord.memoryBytes()
                + byChoseong.memoryBytes()
                + bySecondSkipped.memoryBytes()
                + byThirdSkipped.memoryBytes()
                + mixedChoseong.memoryBytes();
        for (String url : urls) {
            bytes += url == null ? 0 : 24 + arr(url.length());
        }
        for (String site : sites) {
            bytes += 24 + arr(site.length());
        }
        return bytes;
    }

    private static long arr(long payload) {
        return 16 + (payload + 7) / 8 * 8;
    }

    @Override
    public List<Suggestion> suggest(String typed, int limit, String site) {
        Objects.requireNonNull(typed, "typed");
        Objects.requireNonNull(site, "site");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        String text = typed.length() > MAX_TYPED ? typed.substring(0, MAX_TYPED) : typed;
        int siteId = -1;
        if (!site.isEmpty()) {
            Integer id = siteNumbers.get(site);
            if (id == null) {
                return List.of();
            }
            siteId = id;
        }
        byte[] key = codec.key(text);
        if (key.length == 0 || n == 0) {
            return List.of();
        }
        return new Lookup(this, text, key, limit, siteId, MAX_POPS).run();
    }

    // ---- entry accessors for Lookup and IndexFiles

    String text(int id) {
        return new String(texts, textEnds[id], textEnds[id + 1] - textEnds[id], StandardCharsets.UTF_8);
    }

    boolean sameKey(int a, int b) {
        return Arrays.equals(keys, keyEnds[a], keyEnds[a + 1], keys, keyEnds[b], keyEnds[b + 1]);
    }

    Suggestion toSuggestion(
            int id, double score, Suggestion.Match match, boolean onChoseong, int offset, int length, String text) {
        int from = -1;
        int to = -1;
        int at = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            int units = onChoseong ? (codec.initialOf(cp) != 0 ? 1 : 0) : codec.unitsOf(cp).length;
            if (units > 0 && at < offset + length && at + units > offset) {
                if (from < 0) {
                    from = i;
                }
                to = next;
            }
            at += units;
            if (at >= offset + length) {
                break; // the rest of the text is past the match
            }
            i = next;
        }
        List<Suggestion.Span> spans = from >= 0 ? List.of(new Suggestion.Span(from, to)) : List.of();
        String url = urls[id] == null ? "" : urls[id];
        return new Suggestion(text, KINDS[kinds[id]], url, sites[siteIds[id]], score, match, spans);
    }

    /**
     * The Hangul reading of Latin input ({@code latin}), or the Latin reading of Hangul input: for input
     * that is one or the other ({@link #hasLatin} differs from {@link #hasHangul}).
     */
    static String otherLayout(String typed, boolean latin) {
        return latin ? KeyboardLayout.toHangul(typed) : KeyboardLayout.toQwerty(typed);
    }

    static boolean hasLatin(String typed) {
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                return true;
            }
        }
        return false;
    }

    static boolean hasHangul(String typed) {
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if ((c >= KeyCodec.JAMO_FIRST && c <= KeyCodec.JAMO_LAST) || KeyCodec.isSyllable(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the hangul module's detector judges the input ({@code latin} or not) typed in the wrong mode. */
    static boolean mistyped(String typed, boolean latin) {
        return latin
                ? KeyboardLayout.detectMistypedKorean(typed).mistyped()
                : KeyboardLayout.detectMistypedEnglish(typed).mistyped();
    }
}
