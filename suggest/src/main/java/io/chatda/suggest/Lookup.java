package io.chatda.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One lookup: gathers the key ranges every matching mode selects, then takes entries best first
 * from a heap of ranges, each range represented by its heaviest entry (range-minimum query over
 * ids). A popped range is split around that entry, so only about k ranges are ever opened however
 * large they are. Typo ranges are added only after the exact modes have produced their top k, and
 * only where they could still beat the k-th score. Used once, by one thread.
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
        final boolean mixed;

        Range(SortedKeys keys, int lo, int hi, int pos, int id, double score, Suggestion.Match match, int matchLength,
              boolean mixed) {
            this.keys = keys;
            this.lo = lo;
            this.hi = hi;
            this.pos = pos;
            this.id = id;
            this.score = score;
            this.match = match;
            this.matchLength = matchLength;
            this.mixed = mixed;
        }
    }

    /** An accepted answer, before it is turned into a {@link Suggestion}. */
    private record Hit(int id, double score, Suggestion.Match match, boolean onChoseong, int offset, int length) {
    }

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
        return c != 0 ? c : a.match.compareTo(b.match);
    }

    List<Suggestion> run() {
        int plain = add(index.byKey, key, key.length, Suggestion.Match.PREFIX)
                + add(index.byWord, key, key.length, Suggestion.Match.WORD);
        if (allConsonants(key)) {
            plain += add(index.byChoseong, key, key.length, Suggestion.Match.CHOSEONG);
        } else {
            plain += addMixedChoseong();
        }
        String other = CompletionIndex.otherLayout(typed);
        if (!other.isEmpty() && (plain < limit || CompletionIndex.mistyped(typed))) {
            byte[] converted = index.codec.key(other);
            if (converted.length > 0) {
                add(index.byKey, converted, converted.length, Suggestion.Match.LAYOUT);
                add(index.byWord, converted, converted.length, Suggestion.Match.LAYOUT);
            }
        }
        drain();
        if (KeyCodec.units(key) >= CompletionIndex.MIN_TYPO_UNITS) {
            addTypos();
            drain();
        }
        List<Suggestion> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            out.add(index.toSuggestion(h.id, h.score, h.match, h.onChoseong, h.offset, h.length, index.text(h.id)));
        }
        return out;
    }

    /** Adds the range of keys starting with {@code q[0, len)}; returns its size. */
    private int add(SortedKeys keys, byte[] q, int len, Suggestion.Match match) {
        int lo = keys.lowerBound(q, len, 0, keys.size());
        int hi = keys.upperBound(q, len, lo, keys.size());
        push(keys, lo, hi, match, len, false);
        return hi - lo;
    }

    private void push(SortedKeys keys, int lo, int hi, Suggestion.Match match, int matchLength, boolean mixed) {
        if (lo >= hi) {
            return;
        }
        int pos = keys.best(lo, hi);
        int id = keys.id(pos);
        heap.add(new Range(keys, lo, hi, pos, id, index.weights[id] * match.quality(), match, matchLength, mixed));
    }

    /** Takes entries best first until the answer is full and nothing left can beat its last entry. */
    private void drain() {
        while (!heap.isEmpty() && pops < maxPops) {
            Range r = heap.peek();
            if (hits.size() == limit && r.score <= hits.get(limit - 1).score) {
                return;
            }
            heap.poll();
            pops++;
            push(r.keys, r.lo, r.pos, r.match, r.matchLength, r.mixed);
            push(r.keys, r.pos + 1, r.hi, r.match, r.matchLength, r.mixed);
            accept(r);
        }
    }

    private void accept(Range r) {
        int id = r.id;
        if (siteId >= 0 && index.siteIds[id] != siteId) {
            return;
        }
        for (Hit h : hits) {
            if (h.id == id || index.sameKey(h.id, id)) {
                return;
            }
        }
        boolean onChoseong = r.keys == index.byChoseong;
        int offset = r.keys.keyStart(r.pos) - (onChoseong ? index.choEnds[id] : index.keyEnds[id]);
        if (r.mixed && !mixedMatches(id, offset)) {
            return;
        }
        Hit hit = new Hit(id, r.score, r.match, onChoseong, offset, r.matchLength);
        int at = hits.size();
        while (at > 0 && better(hit, hits.get(at - 1))) {
            at--;
        }
        hits.add(at, hit);
        if (hits.size() > limit) {
            hits.remove(limit);
        }
    }

    private static boolean better(Hit a, Hit b) {
        int c = Double.compare(a.score, b.score);
        return c > 0 || (c == 0 && a.id < b.id);
    }

    // ---- choseong mixed with syllables: 검ㅅ엔

    /**
     * For input mixing whole syllables and lone consonants, the choseong range of its initials;
     * each entry in it is checked against the syllables typed ({@link #mixedMatches}).
     */
    private int addMixedChoseong() {
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
                return 0;
            }
            syllable |= KeyCodec.isSyllable(c);
            consonant |= !KeyCodec.isSyllable(c);
            initials[len++] = initial;
        }
        if (!syllable || !consonant || len < 2) {
            return 0;
        }
        byte[] mixedQuery = Arrays.copyOf(initials, len);
        typedChars = typed.replaceAll("\\s+", "").toCharArray();
        SortedKeys cho = index.byChoseong;
        int lo = cho.lowerBound(mixedQuery, len, 0, cho.size());
        int hi = cho.upperBound(mixedQuery, len, lo, cho.size());
        push(cho, lo, hi, Suggestion.Match.CHOSEONG, len, true);
        return 0;
    }

    /** Whether the typed syllables agree with the entry's syllables from choseong offset {@code offset}. */
    private boolean mixedMatches(int id, int offset) {
        String text = index.text(id);
        int at = 0;
        int t = 0;
        KeyCodec codec = index.codec;
        for (int i = 0; i < text.length() && t < typedChars.length; i++) {
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
                if (last ? !startsWith(codec.unitsOf(c), codec.unitsOf(q)) : c != q) {
                    return false;
                }
            }
            t++;
        }
        return t == typedChars.length;
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
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

    private void addTypos() {
        SortedKeys keys = index.byKey;
        int[] bounds = unitBounds(key);
        int units = bounds.length - 1;
        double floor = hits.size() == limit ? hits.get(limit - 1).score : -1;
        byte[] buf = new byte[key.length + 3];
        int lo = 0;
        int hi = keys.size();
        for (int i = 1; i < units; i++) {
            // keys sharing the first i units: every variant with an edit at unit i lies in this range
            lo = keys.lowerBound(key, bounds[i], lo, hi);
            hi = keys.upperBound(key, bounds[i], lo, hi);
            if (lo >= hi || !canBeat(keys, lo, hi, floor)) {
                return;
            }
            if (i == units - 1) {
                // substituting or dropping the last unit: any completion of the first units - 1
                push(keys, lo, hi, Suggestion.Match.TYPO, bounds[i], false);
                continue;
            }
            addVariant(keys, lo, hi, delete(key, bounds, i), floor);
            addVariant(keys, lo, hi, swap(key, bounds, i), floor);
            System.arraycopy(key, 0, buf, 0, bounds[i]);
            int p = lo;
            while (p < hi) {
                int b = keys.byteAt(p, bounds[i]);
                if (b < 0) {
                    p++;
                    continue;
                }
                int unitLength = KeyCodec.unitLength((byte) b);
                for (int k = 0; k < unitLength; k++) {
                    buf[bounds[i] + k] = (byte) keys.byteAt(p, bounds[i] + k);
                }
                int end = keys.upperBound(buf, bounds[i] + unitLength, p, hi);
                if (canBeat(keys, p, end, floor)) {
                    boolean same = Arrays.equals(buf, bounds[i], bounds[i] + unitLength, key, bounds[i], bounds[i + 1]);
                    if (!same) {
                        addVariant(keys, p, end, concat(buf, bounds[i] + unitLength, key, bounds[i + 1]), floor);
                    }
                    addVariant(keys, p, end, concat(buf, bounds[i] + unitLength, key, bounds[i]), floor);
                }
                p = end;
            }
        }
    }

    private boolean canBeat(SortedKeys keys, int lo, int hi, double floor) {
        return index.weights[keys.id(keys.best(lo, hi))] * Suggestion.Match.TYPO.quality() > floor;
    }

    private void addVariant(SortedKeys keys, int lo, int hi, byte[] variant, double floor) {
        if (variant == null) {
            return;
        }
        int l = keys.lowerBound(variant, variant.length, lo, hi);
        int h = keys.upperBound(variant, variant.length, l, hi);
        if (l < h && canBeat(keys, l, h, floor)) {
            push(keys, l, h, Suggestion.Match.TYPO, variant.length, false);
        }
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

    /** The key without unit {@code i}. */
    private static byte[] delete(byte[] key, int[] bounds, int i) {
        return concat(key, bounds[i], key, bounds[i + 1]);
    }

    /** The key with units {@code i} and {@code i + 1} swapped, or null if they are equal. */
    private static byte[] swap(byte[] key, int[] bounds, int i) {
        if (i + 2 >= bounds.length) {
            return null;
        }
        int a = bounds[i];
        int b = bounds[i + 1];
        int c = bounds[i + 2];
        if (Arrays.equals(key, a, b, key, b, c)) {
            return null;
        }
        byte[] out = key.clone();
        System.arraycopy(key, b, out, a, c - b);
        System.arraycopy(key, a, out, a + c - b, b - a);
        return out;
    }

    /** {@code head[0, headLength)} followed by {@code tail[from, end)}. */
    private static byte[] concat(byte[] head, int headLength, byte[] tail, int from) {
        byte[] out = Arrays.copyOf(head, headLength + tail.length - from);
        System.arraycopy(tail, from, out, headLength, tail.length - from);
        return out;
    }
}
