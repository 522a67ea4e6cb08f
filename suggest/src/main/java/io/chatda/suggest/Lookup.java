package io.chatda.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One lookup: gathers the key ranges every matching mode selects, then takes entries best first
 * from a heap of ranges, each range represented by its heaviest entry (range-minimum query over
 * ids). A popped range is split around that entry, so only about k ranges are ever opened however
 * large they are.
 *
 * <p>Typo ranges come after the exact modes (prefix, word start, choseong, layout) have produced
 * their top k. They are generated one at a time and drained at once, so the k-th score rises as
 * they come and every later range, and every group of next units a substitution or insertion would
 * enumerate, is skipped when its best entry (one range-minimum query) can't beat it. Which typo
 * candidates get in doesn't depend on that order: they are ranked by score, then exact matches
 * before typos (a typo never displaces an exact match of equal score), then id.
 *
 * <p>Used once, by one thread.
 */
final class Lookup {

    /** A range of sorted keys that matched in one mode, represented by its best entry. */
    private static final class Range {
        final SortedKeys keys;
        final int lo;
        final int hi;
        final int pos;
        final int id;
        final double score;
        final Suggestion.Match match;
        final int matchLength;
        final int mixed;
        /** For {@link #LISTED}: a min-heap of {@code id << 32 | position}, {@code hi} long, its top this range. */
        final long[] list;

        Range(
                SortedKeys keys,
                int lo,
                int hi,
                int pos,
                int id,
                double score,
                Suggestion.Match match,
                int matchLength,
                int mixed) {
            this(keys, lo, hi, pos, id, score, match, matchLength, mixed, null);
        }

        Range(
                SortedKeys keys,
                int lo,
                int hi,
                int pos,
                int id,
                double score,
                Suggestion.Match match,
                int matchLength,
                int mixed,
                long[] list) {
            this.keys = keys;
            this.lo = lo;
            this.hi = hi;
            this.pos = pos;
            this.id = id;
            this.score = score;
            this.match = match;
            this.matchLength = matchLength;
            this.mixed = mixed;
            this.list = list;
        }
    }

    /** Not a mixed choseong range. */
    private static final int PLAIN = 0;
    /** A choseong range for input mixing syllables and initials: each entry is checked. */
    private static final int MIXED_CHOSEONG = 1;
    /** A key range of word starts spelling the first typed syllable, for mixed input: each entry is checked. */
    private static final int MIXED_KEY = 2;
    /** Checked matches of a mixed choseong range, taken one by one from a list sorted by entry id. */
    private static final int LISTED = 3;
    /**
     * Typos at the second or third unit found in {@link CompletionIndex#bySecondSkipped} or {@link
     * CompletionIndex#byThirdSkipped}: substituted, or inserted; the match length is completed with
     * the length of the entry's own unit there.
     */
    private static final int SKIP_SUBSTITUTED = 4;

    private static final int SKIP_INSERTED = 5;
    /**
     * Mixed choseong ranges up to this size are scanned whole ({@link MixedChoseong}, about a
     * nanosecond per position); larger ones are checked entry by entry, best first.
     */
    private static final int MAX_SCAN = 1 << 16;
    /** Mixed choseong ranges up to this size are scanned even when key ranges would be smaller. */
    private static final int SMALL_SCAN = 8192;
    /**
     * The same for two-character input starting with a syllable (확ㅇ): its key ranges spell all of
     * it, so they are tried from this size on (scanning 7,000 positions took 20-40 µs, the key route 2-4).
     */
    private static final int PAIR_SCAN = 1024;
    /**
     * More matches than this in a scanned range above {@link #SMALL_SCAN}: they are dense enough for
     * best first (which stops after about k of them) to beat scanning on; the matches found so far
     * are kept as a list, the rest of the range is taken best first.
     */
    private static final int MAX_LISTED = 256;
    /**
     * Typo ranges up to this size, for short keys, are found by reading the keys' heads one after
     * another ({@link #scanTypos}) instead of two searches and a range minimum per unit.
     */
    private static final int TYPO_SCAN = 4096;

    /** An accepted answer, before it is turned into a {@link Suggestion}. */
    private record Hit(
            int id, double score, boolean typo, Suggestion.Match match, boolean onChoseong, int offset, int length) {}

    private final CompletionIndex index;
    private final String typed;
    private final byte[] key;
    private final int limit;
    private final int siteId;
    private final PriorityQueue<Range> heap = new PriorityQueue<>(Lookup::compare);
    private final List<Hit> hits = new ArrayList<>();
    private int pops;
    private final int maxPops;
    private char[] typedChars;
    /** {@link MixedChoseong#masks} of the typed characters, for mixed input. */
    private int[] vowelMasks;
    /** Whether a candidate passing {@link #vowelMasks} must still be checked syllable by syllable. */
    private boolean mixedCheck;
    /** Whether typo ranges are being drained (hits are then kept beyond the limit until the end). */
    private boolean typoPhase;
    /** What reading the answers' memory ahead of decoding them added up to: kept so the reads are not dropped. */
    private long touched;

    Lookup(CompletionIndex index, String typed, byte[] key, int limit, int siteId, int maxPops) {
        this.index = index;
        this.typed = typed;
        this.key = key;
        this.limit = limit;
        this.siteId = siteId;
        this.maxPops = maxPops;
    }

    private static int compare(Range a, Range b) {
        int c = Double.compare(b.score, a.score);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.id, b.id);
        if (c != 0) {
            return c;
        }
        c = a.match.compareTo(b.match);
        // one entry at two choseong positions, one among a scan's matches, one in the rest of the range
        // (scanMixed): the first position, as one range would give it (SortedKeys.best takes the first)
        return c != 0 || (a.mixed != LISTED && b.mixed != LISTED) ? c : Integer.compare(a.pos, b.pos);
    }

    List<Suggestion> run() {
        add(index.byKey, key, key.length, Suggestion.Match.PREFIX);
        add(index.byWord, key, key.length, Suggestion.Match.WORD);
        if (allConsonants(key)) {
            add(index.byChoseong, key, key.length, Suggestion.Match.CHOSEONG);
        } else {
            addMixedChoseong();
        }
        drain();
        // the other layout when the plain modes found fewer answers than asked (the heap is then empty, so
        // adding its ranges now ranks them as if they had been there from the start) or the input looks mistyped
        // (the k-th answer only rises while draining, so what was left in the heap still can't get in)
        boolean latin = CompletionIndex.hasLatin(typed);
        if (latin != CompletionIndex.hasHangul(typed)
                && (hits.size() < limit || CompletionIndex.mistyped(typed, latin))) {
            byte[] converted = index.codec.key(CompletionIndex.otherLayout(typed, latin));
            if (converted.length > 0) {
                add(index.byKey, converted, converted.length, Suggestion.Match.LAYOUT);
                add(index.byWord, converted, converted.length, Suggestion.Match.LAYOUT);
                drain();
            }
        }
        if (KeyCodec.units(key) >= CompletionIndex.MIN_TYPO_UNITS && pops < maxPops) {
            // what is left can't beat the k-th exact match (the drain stopped there) or nothing is left
            heap.clear();
            typoPhase = true;
            addTypos();
        }
        List<Hit> top = new ArrayList<>(hits.subList(0, Math.min(limit, hits.size())));
        top.sort((a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0);
        // the answers' texts and attributes lie where no other step of the lookup read: reading them
        // for all answers first lets those cache misses overlap instead of coming one answer at a time
        long touch = 0;
        for (Hit h : top) {
            touch +=
                    index.textEnds[h.id] + index.kinds[h.id] + index.siteIds[h.id] + (index.urls[h.id] == null ? 0 : 1);
        }
        for (Hit h : top) {
            touch += index.texts[index.textEnds[h.id]];
        }
        touched = touch;
        List<Suggestion> out = new ArrayList<>(top.size());
        for (Hit h : top) {
            out.add(index.toSuggestion(h.id, h.score, h.match, h.onChoseong, h.offset, h.length, index.text(h.id)));
        }
        return out;
    }

    /** Adds the range of keys starting with {@code q[0, len)}. */
    private void add(SortedKeys keys, byte[] q, int len, Suggestion.Match match) {
        long range = keys.range(q, len);
        push(keys, (int) (range >>> 32), (int) range, match, len, PLAIN);
    }

    private void push(SortedKeys keys, int lo, int hi, Suggestion.Match match, int matchLength, int mixed) {
        if (lo < hi) {
            pushAt(keys, lo, hi, keys.best(lo, hi), match, matchLength, mixed);
        }
    }

    /** {@link #push} of a non-empty range whose best position is known. */
    private void pushAt(SortedKeys keys, int lo, int hi, int pos, Suggestion.Match match, int matchLength, int mixed) {
        int id = keys.id(pos);
        double score = index.weights[id] * match.quality();
        // the answer's bar only rises: a range whose best entry can't get in now never will
        if (canEnter(score, id)) {
            heap.add(new Range(keys, lo, hi, pos, id, score, match, matchLength, mixed));
        }
    }

    /** Takes entries best first until the answer is full and nothing left can beat its last entry. */
    private void drain() {
        while (!heap.isEmpty() && pops < maxPops) {
            Range r = heap.peek();
            if (!canEnter(r.score, r.id)) {
                return;
            }
            heap.poll();
            pops++;
            if (r.mixed == LISTED) {
                int size = r.hi - 1;
                r.list[0] = r.list[size];
                siftDown(r.list, 0, size);
                pushListed(r.keys, r.list, size, r.match, r.matchLength);
            } else {
                push(r.keys, r.lo, r.pos, r.match, r.matchLength, r.mixed);
                push(r.keys, r.pos + 1, r.hi, r.match, r.matchLength, r.mixed);
            }
            accept(r);
        }
    }

    /**
     * Whether an entry with this score and id would get into the answer as it stands: always while
     * it has fewer than {@code limit} entries, else only above the k-th, or level with it and heavier
     * (an exact match of the other layout, drained after the plain modes, may tie with a lighter k-th;
     * a typo only against a k-th typo, or as another edit of a typo already in it, which {@link
     * #accept} shows if it matches more of the typed key, whichever edit came first).
     */
    private boolean canEnter(double score, int id) {
        if (hits.size() < limit) {
            return true;
        }
        Hit kth = hits.get(limit - 1);
        int c = Double.compare(score, kth.score);
        return c > 0 || (c == 0 && (typoPhase ? kth.typo && id < kth.id || isTypoHit(id) : id < kth.id));
    }

    private boolean isTypoHit(int id) {
        for (Hit h : hits) {
            if (h.id == id && h.typo) {
                return true;
            }
        }
        return false;
    }

    private void accept(Range r) {
        int id = r.id;
        if (siteId >= 0 && index.siteIds[id] != siteId) {
            return;
        }
        boolean onChoseong;
        int offset;
        if (r.mixed == MIXED_KEY) {
            onChoseong = true;
            offset = mixedChoseongOffset(id, r.keys.keyStart(r.pos) - index.keyEnds[id]);
            if (offset < 0) {
                return;
            }
        } else {
            onChoseong = r.keys == index.byChoseong;
            offset = r.keys.keyStart(r.pos) - (onChoseong ? index.choEnds[id] : index.keyEnds[id]);
        }
        if (r.mixed == MIXED_CHOSEONG
                && !(index.mixedChoseong.passes(r.pos, vowelMasks) && mixedMatchesAt(r.keys.keyStart(r.pos)))) {
            return;
        }
        int length = r.matchLength;
        if (r.mixed == SKIP_SUBSTITUTED || r.mixed == SKIP_INSERTED) {
            int at = index.keyEnds[id];
            length += KeyCodec.unitLength(index.keys[at + SortedKeys.skippedAt(index.keys, at, r.keys.shape())]);
        }
        Hit hit = new Hit(id, r.score, typoPhase, r.match, onChoseong, offset, length);
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            // entries are merged by key and site: two entries of one site never share a key
            if (h.id == id || index.siteIds[h.id] != index.siteIds[id] && index.sameKey(h.id, id)) {
                // exact modes come best first, so only a typo of another site's entry can be better;
                // of two edits that explain the same entry, the one matching more of the typed key is shown
                boolean longer = h.id == id && h.typo && hit.length > h.length;
                if (!typoPhase || !(ranksAbove(hit, h) || longer)) {
                    return;
                }
                hits.remove(i);
                break;
            }
        }
        int at = hits.size();
        while (at > 0 && ranksAbove(hit, hits.get(at - 1))) {
            at--;
        }
        hits.add(at, hit);
        // while typos are drained, a better entry of the same key may still replace one: keep the rest
        if (!typoPhase && hits.size() > limit) {
            hits.remove(limit);
        }
    }

    /** The answer's order: score, then the heavier entry. */
    private static boolean better(Hit a, Hit b) {
        int c = Double.compare(a.score, b.score);
        return c > 0 || (c == 0 && a.id < b.id);
    }

    /** Which entries get in: score, then an exact match before a typo, then the heavier entry. */
    private static boolean ranksAbove(Hit a, Hit b) {
        int c = Double.compare(a.score, b.score);
        if (c != 0) {
            return c > 0;
        }
        return a.typo != b.typo ? !a.typo : a.id < b.id;
    }

    // ---- choseong mixed with syllables: 검ㅅ엔

    /**
     * For input mixing whole syllables and lone consonants, the entries whose choseong from a word
     * start agrees with its initials; each is checked against the syllables typed ({@link
     * #mixedMatches}). When the input starts with a whole syllable, the word starts spelling it and
     * the next typed character ({@link #addMixedByKey}) are often far fewer than those sharing the
     * initials (which are then mostly rejected): the smaller set is the one checked.
     */
    private void addMixedChoseong() {
        boolean syllable = false;
        boolean consonant = false;
        byte[] initials = new byte[typed.length()];
        int len = 0;
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            byte initial = index.codec.initialOf(c);
            if (initial == 0) {
                return;
            }
            syllable |= KeyCodec.isSyllable(c);
            consonant |= !KeyCodec.isSyllable(c);
            initials[len++] = initial;
        }
        if (!syllable || !consonant || len < 2) {
            return;
        }
        typedChars = withoutSpaces(typed);
        vowelMasks = MixedChoseong.masks(typedChars, index.codec);
        mixedCheck = MixedChoseong.needsCheck(typedChars);
        SortedKeys cho = index.byChoseong;
        long range = cho.range(initials, len);
        int lo = (int) (range >>> 32);
        int hi = (int) range;
        // a small choseong range is scanned whole faster than key candidates are popped and decoded,
        // unless the key ranges spell the whole input (a syllable and one more character): then
        // nearly every key candidate popped is a match
        int scanned = typedChars.length == 2 ? PAIR_SCAN : SMALL_SCAN;
        if (hi - lo > scanned && KeyCodec.isSyllable(typedChars[0]) && addMixedByKey(len, hi - lo)) {
            return;
        }
        if (hi - lo <= MAX_SCAN) {
            scanMixed(cho, lo, hi, len);
        } else {
            push(cho, lo, hi, Suggestion.Match.CHOSEONG, len, MIXED_CHOSEONG);
        }
    }

    /**
     * Checks the whole choseong range {@code [lo, hi)} against mixed input (vowels first, then the
     * syllables) and pushes the matches as one list, best first.
     */
    private void scanMixed(SortedKeys cho, int lo, int hi, int len) {
        MixedChoseong vowels = index.mixedChoseong;
        long[] found = new long[16];
        int count = 0;
        boolean small = hi - lo <= SMALL_SCAN;
        for (int p = lo; p < hi; p++) {
            if (vowels.passes(p, vowelMasks) && (!mixedCheck || mixedMatchesAt(cho.keyStart(p)))) {
                if (count == MAX_LISTED && !small) {
                    // dense: the matches found so far as a list, the rest of the range best first
                    heapify(found, count);
                    pushListed(cho, found, count, Suggestion.Match.CHOSEONG, len);
                    push(cho, p, hi, Suggestion.Match.CHOSEONG, len, MIXED_CHOSEONG);
                    return;
                }
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = (long) cho.id(p) << 32 | p;
            }
        }
        heapify(found, count);
        pushListed(cho, found, count, Suggestion.Match.CHOSEONG, len);
    }

    private static void heapify(long[] a, int size) {
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(a, i, size);
        }
    }

    /** Pushes the top of a non-empty min-heap of matches ({@link #LISTED}). */
    private void pushListed(SortedKeys keys, long[] list, int size, Suggestion.Match match, int matchLength) {
        if (size > 0) {
            int pos = (int) list[0];
            int id = (int) (list[0] >>> 32);
            heap.add(new Range(
                    keys, 0, size, pos, id, index.weights[id] * match.quality(), match, matchLength, LISTED, list));
        }
    }

    private static void siftDown(long[] a, int i, int size) {
        long x = a[i];
        while (2 * i + 1 < size) {
            int c = 2 * i + 1;
            if (c + 1 < size && a[c + 1] < a[c]) {
                c++;
            }
            if (a[c] >= x) {
                break;
            }
            a[i] = a[c];
            i = c;
        }
        a[i] = x;
    }

    /**
     * The word starts that can match mixed input beginning with syllable s: those spelling s followed
     * by the second typed character (its initial, if a lone consonant), and those where s is followed
     * by something other than Hangul, which the choseong skips (digits, Latin).
     */
    private boolean addMixedByKey(int len, int choseongCandidates) {
        KeyCodec codec = index.codec;
        byte[] first = codec.unitsOf(typedChars[0]);
        char second = typedChars[1];
        byte[] next = KeyCodec.isSyllable(second) ? codec.unitsOf(second) : new byte[] {codec.initialOf(second)};
        byte[] q = Arrays.copyOf(first, first.length + Math.max(1, next.length));
        System.arraycopy(next, 0, q, first.length, next.length);
        int[] ranges = new int[12];
        int candidates = 0;
        int r = 0;
        int f = first.length;
        for (SortedKeys keys : List.of(index.byKey, index.byWord)) {
            // every range below starts with s: searched within the keys starting with s, comparing what follows
            long whole = keys.range(q, f);
            int sLo = (int) (whole >>> 32);
            int sHi = (int) whole;
            long range = keys.range(q, f, f + next.length, sLo, sHi);
            ranges[r++] = (int) (range >>> 32);
            ranges[r++] = (int) range;
            // s followed by an ASCII unit (below the jamo units) or a wide one (above them)
            q[f] = 0;
            int lo = keys.lowerBound(q, f, f + 1, sLo, sHi);
            ranges[r++] = lo;
            q[f] = (byte) 0x80;
            ranges[r++] = keys.lowerBound(q, f, f + 1, lo, sHi);
            q[f] = (byte) KeyCodec.WIDE;
            range = keys.range(q, f, f + 1, sLo, sHi);
            ranges[r++] = (int) (range >>> 32);
            ranges[r++] = (int) range;
            System.arraycopy(next, 0, q, first.length, next.length);
        }
        for (int i = 0; i < ranges.length; i += 2) {
            candidates += ranges[i + 1] - ranges[i];
        }
        // checking a choseong candidate is cheaper (no text to decode), so the key ranges must be smaller
        if (candidates * 2 >= choseongCandidates) {
            return false;
        }
        for (int i = 0; i < ranges.length; i += 2) {
            push(
                    i < 6 ? index.byKey : index.byWord,
                    ranges[i],
                    ranges[i + 1],
                    Suggestion.Match.CHOSEONG,
                    len,
                    MIXED_KEY);
        }
        return true;
    }

    /**
     * For an entry found by its key from {@code keyOffset} (a word start spelling the first typed
     * syllable): the choseong offset of that word start if the typed syllables and initials agree
     * with the entry from there ({@link #mixedMatches}), else -1.
     */
    private int mixedChoseongOffset(int id, int keyOffset) {
        String text = index.text(id);
        KeyCodec codec = index.codec;
        int at = 0;
        int initials = 0;
        int i = 0;
        while (i < text.length() && at < keyOffset) {
            int cp = text.codePointAt(i);
            at += codec.unitsOf(cp).length;
            if (codec.initialOf(cp) != 0) {
                initials++;
            }
            i += Character.charCount(cp);
        }
        return at == keyOffset && mixedMatches(text, i, 0) ? initials : -1;
    }

    /**
     * Whether the typed syllables agree with the characters behind the choseong from arena position
     * {@code at}, whose initials are known to match: as {@link #mixedMatches(String, int, int)}, without
     * decoding the entry's text.
     */
    private boolean mixedMatchesAt(int at) {
        KeyCodec codec = index.codec;
        for (int t = 0; t < typedChars.length; t++) {
            char q = typedChars[t];
            if (!KeyCodec.isSyllable(q)) {
                continue;
            }
            char c = index.choChars[at + t];
            if (t == typedChars.length - 1 ? !KeyCodec.startsWith(codec.unitsOf(c), 0, codec.unitsOf(q)) : c != q) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the typed syllables agree with the Hangul of {@code text}, from its {@code offset}-th
     * initial counted from char {@code from}: a typed syllable must be there whole (the last one may be
     * unfinished), a typed consonant is the initial there.
     */
    private boolean mixedMatches(String text, int from, int offset) {
        int at = 0;
        int t = 0;
        KeyCodec codec = index.codec;
        for (int i = from; i < text.length() && t < typedChars.length; i++) {
            char c = text.charAt(i);
            if (codec.initialOf(c) == 0) {
                continue;
            }
            if (at++ < offset) {
                continue;
            }
            char q = typedChars[t];
            boolean last = t == typedChars.length - 1;
            if (KeyCodec.isSyllable(q)) {
                if (last ? !KeyCodec.startsWith(codec.unitsOf(c), 0, codec.unitsOf(q)) : c != q) {
                    return false;
                }
            } else if (codec.initialOf(c) != codec.initialOf(q)) {
                return false; // found by key, not by choseong: the initials are not known to agree
            }
            t++;
        }
        return t == typedChars.length;
    }

    /** The chars of {@code s} without those the regex {@code \s} matches (space, tab, line breaks), no regex compiled. */
    private static char[] withoutSpaces(String s) {
        char[] out = new char[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && (c < '\t' || c > '\r')) {
                out[n++] = c;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static boolean allConsonants(byte[] key) {
        for (byte b : key) {
            if (!KeyCodec.isConsonantUnit(b)) {
                return false;
            }
        }
        return true;
    }

    // ---- typos: one unit substituted, missing, extra or swapped, never the first

    /**
     * Adds and drains the typo ranges. Every variant with an edit at unit {@code i} lies among the
     * keys sharing the first {@code i} units; those ranges are nested, so they are visited deepest
     * (smallest) first, and one that can't beat the k-th answer ends nothing but itself.
     */
    private void addTypos() {
        SortedKeys keys = index.byKey;
        int[] bounds = unitBounds(key);
        int units = bounds.length - 1;
        int[] los = new int[units];
        int[] his = new int[units];
        int depth = 0;
        int lo = 0;
        int hi = keys.size();
        int firstBest = -1; // the best entry sharing the first unit, which every typo shares
        for (int i = 1; i < units; i++) {
            long range = keys.range(key, bounds[i - 1], bounds[i], lo, hi);
            lo = (int) (range >>> 32);
            hi = (int) range;
            if (lo >= hi) {
                break;
            }
            if (i == 1) {
                firstBest = keys.best(lo, hi);
                if (belowTheAnswer(firstBest)) {
                    return; // none can get into the answer
                }
            }
            los[i] = lo;
            his[i] = hi;
            depth = i;
        }
        byte[] buf = new byte[key.length + 3];
        byte[] variant = new byte[key.length + 3];
        int[] gaps = new int[64];
        for (int i = depth; i >= 1 && pops < maxPops; i--) {
            lo = los[i];
            hi = his[i];
            int best = entering(keys, i == 1 ? firstBest : keys.best(lo, hi));
            if (best < 0) {
                continue;
            }
            if (i == units - 1) {
                // substituting or dropping the last unit: any completion of the first units - 1
                pushTypo(keys, lo, hi, best, bounds[i]);
                continue;
            }
            // a unit missing from the entry, or two units swapped
            System.arraycopy(key, 0, variant, 0, bounds[i]);
            System.arraycopy(key, bounds[i + 1], variant, bounds[i], key.length - bounds[i + 1]);
            addVariant(keys, lo, hi, variant, bounds[i], key.length - (bounds[i + 1] - bounds[i]));
            if (swap(key, bounds, i, variant)) {
                addVariant(keys, lo, hi, variant, bounds[i], key.length);
            }
            if (i <= 2) {
                // a unit substituted or extra at the second or third unit: one range each among the
                // keys read without that unit, instead of one per unit the range has there
                SortedKeys skip = i == 1 ? index.bySecondSkipped : index.byThirdSkipped;
                System.arraycopy(key, 0, variant, 0, bounds[i]);
                System.arraycopy(key, bounds[i + 1], variant, bounds[i], key.length - bounds[i + 1]);
                addSkipped(skip, variant, key.length - (bounds[i + 1] - bounds[i]), SKIP_SUBSTITUTED);
                addSkipped(skip, key, key.length, SKIP_INSERTED);
                continue;
            }
            if (hi - lo <= TYPO_SCAN
                    && bounds[i] == i
                    && bounds[i + 1] == i + 1
                    && i < 7
                    && scanTypos(keys, lo, hi, i)) {
                continue;
            }
            // a unit substituted or extra at i: each unit u the range has there, heaviest groups first
            System.arraycopy(key, 0, buf, 0, bounds[i]);
            while (lo < hi && keys.byteAt(lo, bounds[i]) < 0) {
                lo++; // keys that end after the first i units (they sort first)
            }
            int top = 0;
            gaps[top++] = lo;
            gaps[top++] = hi;
            while (top > 0 && pops < maxPops) {
                int b = gaps[--top];
                int a = gaps[--top];
                int p = a < b ? beatingBest(keys, a, b) : -1;
                if (p < 0) {
                    continue;
                }
                int lead = keys.byteAt(p, bounds[i]);
                int unitLength = KeyCodec.unitLength((byte) lead);
                for (int k = 0; k < unitLength; k++) {
                    buf[bounds[i] + k] = (byte) keys.byteAt(p, bounds[i] + k);
                }
                int uLen = bounds[i] + unitLength;
                int s = keys.lowerBound(buf, bounds[i], uLen, a, p);
                int e = keys.upperBound(buf, bounds[i], uLen, p + 1, b);
                if (!Arrays.equals(buf, bounds[i], uLen, key, bounds[i], bounds[i + 1])) {
                    System.arraycopy(buf, 0, variant, 0, uLen);
                    System.arraycopy(key, bounds[i + 1], variant, uLen, key.length - bounds[i + 1]);
                    addVariant(keys, s, e, variant, uLen, uLen + key.length - bounds[i + 1]);
                }
                System.arraycopy(buf, 0, variant, 0, uLen);
                System.arraycopy(key, bounds[i], variant, uLen, key.length - bounds[i]);
                addVariant(keys, s, e, variant, uLen, uLen + key.length - bounds[i]);
                if (top + 4 > gaps.length) {
                    gaps = Arrays.copyOf(gaps, gaps.length * 2);
                }
                gaps[top++] = a;
                gaps[top++] = s;
                gaps[top++] = e;
                gaps[top++] = b;
            }
        }
    }

    /**
     * For a key whose first {@code at + 1} units are one byte each, the keys of {@code [lo, hi)}, which share
     * its first {@code at < 7} units, with a unit substituted or extra at {@code at}: found by reading their
     * heads side by side (past the edit, keys and typed key are compared byte by byte, so wide units there
     * need nothing special),
     * which for a few thousand keys costs less than a search per unit there (what follows the head is
     * read only for keys whose head agrees). Runs of neighbouring matches become one range each.
     * False, having added nothing, if a key has a wide unit there (its head can't show what follows):
     * the caller goes unit by unit instead.
     */
    private boolean scanTypos(SortedKeys keys, int lo, int hi, int at) {
        int length = key.length;
        long typedHead = SortedKeys.head(key, 0, length);
        long substituted = SortedKeys.bytesMask(at + 1, Math.min(length, 8));
        long inserted = SortedKeys.bytesMask(at + 1, Math.min(length + 1, 8));
        long insertedHead = (typedHead >>> 8) & inserted;
        int shift = 8 * (7 - at);
        int typedUnit = key[at] & 0xFF;
        int[] runs = new int[16];
        int count = 0;
        int[] starts = {-1, -1}; // where the current run of each edit began
        for (int p = lo; p <= hi; p++) {
            boolean sub = false;
            boolean ins = false;
            if (p < hi) {
                long h = keys.headAt(p);
                int unit = (int) (h >>> shift) & 0xFF;
                if (unit == KeyCodec.WIDE) {
                    return false;
                }
                sub = unit != 0
                        && unit != typedUnit
                        && (h & substituted) == (typedHead & substituted)
                        && agreesPastHead(keys, p, 0);
                ins = unit != 0 && (h & inserted) == insertedHead && agreesPastHead(keys, p, 1);
            }
            if (count + 6 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            // edit 0 substitutes a unit (the match is the key's length), edit 1 inserts one (a unit longer)
            for (int edit = 0; edit < 2; edit++) {
                boolean matches = edit == 0 ? sub : ins;
                if (matches && starts[edit] < 0) {
                    starts[edit] = p;
                } else if (!matches && starts[edit] >= 0) {
                    runs[count++] = starts[edit];
                    runs[count++] = p;
                    runs[count++] = length + edit;
                    starts[edit] = -1;
                }
            }
        }
        for (int r = 0; r < count && pops < maxPops; r += 3) {
            int best = beatingBest(keys, runs[r], runs[r + 1]);
            if (best >= 0) {
                pushTypo(keys, runs[r], runs[r + 1], best, runs[r + 2]);
            }
        }
        return true;
    }

    /**
     * Whether the key at {@code position} goes on as the typed key does past the eight bytes of its
     * head, the typed key moved {@code extra} (0 or 1) bytes to the right.
     */
    private boolean agreesPastHead(SortedKeys keys, int position, int extra) {
        for (int j = 8; j < key.length + extra; j++) {
            if (keys.byteAt(position, j) != (key[j - extra] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the keys that, without the unit {@code skip} leaves out, start with {@code q[0, length)}:
     * typos at that unit ({@code mode} says which, for the match length).
     */
    private void addSkipped(SortedKeys skip, byte[] q, int length, int mode) {
        long range = skip.range(q, length);
        int l = (int) (range >>> 32);
        int h = (int) range;
        int best = l < h ? beatingBest(skip, l, h) : -1;
        if (best >= 0) {
            pushAt(skip, l, h, best, Suggestion.Match.TYPO, length, mode);
            drain();
        }
    }

    /** Whether the entry at {@code position} of {@link CompletionIndex#byKey}, as a typo, scores below a full answer. */
    private boolean belowTheAnswer(int position) {
        return hits.size() >= limit
                && index.weights[index.byKey.id(position)] * Suggestion.Match.TYPO.quality()
                        < hits.get(limit - 1).score;
    }

    /**
     * The position of the best entry of the non-empty {@code [lo, hi)} if it, as a typo, could still get
     * into the answer, else -1 (the position is handed to {@link #pushAt}, so the range-minimum query
     * runs once).
     */
    private int beatingBest(SortedKeys keys, int lo, int hi) {
        return entering(keys, keys.best(lo, hi));
    }

    /** {@code position} if its entry, as a typo, could still get into the answer, else -1. */
    private int entering(SortedKeys keys, int position) {
        int id = keys.id(position);
        return canEnter(index.weights[id] * Suggestion.Match.TYPO.quality(), id) ? position : -1;
    }

    /**
     * Adds the keys of {@code [lo, hi)} starting with {@code variant[0, length)} as typos; all of
     * them start with {@code variant[0, shared)}.
     */
    private void addVariant(SortedKeys keys, int lo, int hi, byte[] variant, int shared, int length) {
        long range = keys.range(variant, shared, length, lo, hi);
        int l = (int) (range >>> 32);
        int h = (int) range;
        int best = l < h ? beatingBest(keys, l, h) : -1;
        if (best >= 0) {
            pushTypo(keys, l, h, best, length);
        }
    }

    /** Pushes a typo range and drains at once, so the k-th score the next ranges must beat rises. */
    private void pushTypo(SortedKeys keys, int lo, int hi, int best, int matchLength) {
        pushAt(keys, lo, hi, best, Suggestion.Match.TYPO, matchLength, PLAIN);
        drain();
    }

    private static int[] unitBounds(byte[] key) {
        int[] bounds = new int[key.length + 1];
        int n = 0;
        for (int i = 0; i < key.length; i += KeyCodec.unitLength(key[i])) {
            bounds[n++] = i;
        }
        bounds[n++] = key.length;
        return Arrays.copyOf(bounds, n);
    }

    /** Writes the key with units {@code i} and {@code i + 1} swapped to {@code out}; false if they are equal. */
    private static boolean swap(byte[] key, int[] bounds, int i, byte[] out) {
        if (i + 2 >= bounds.length) {
            return false;
        }
        int a = bounds[i];
        int b = bounds[i + 1];
        int c = bounds[i + 2];
        if (Arrays.equals(key, a, b, key, b, c)) {
            return false;
        }
        System.arraycopy(key, 0, out, 0, key.length);
        System.arraycopy(key, b, out, a, c - b);
        System.arraycopy(key, a, out, a + c - b, b - a);
        return true;
    }
}
