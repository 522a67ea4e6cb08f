package io.chatda.crawl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 64-bit SimHash over word 3-shingles (Charikar), and an index that finds a stored hash within a Hamming
 * distance of at most 3 by splitting hashes into four 16-bit bands: two hashes that differ in at most three
 * bits agree exactly on at least one band. Memory: one entry per band per page.
 */
final class SimHash {

    private static final int SHINGLE = 3;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SimHash() {}

    /**
     * The SimHash of the text's word 3-shingles: words are runs of letters and numbers, lower-cased; a
     * shingle hashes as its words each followed by a space ({@link #hash64} streamed, no strings built).
     */
    static long of(String text) {
        Words words = Words.of(text.toLowerCase(Locale.ROOT));
        int shingles = Math.max(1, words.count - SHINGLE + 1);
        BitCounts counts = new BitCounts();
        for (int i = 0; i < shingles; i++) {
            long h = FNV_OFFSET;
            for (int w = i; w < Math.min(words.count, i + SHINGLE); w++) {
                for (int b = words.starts[w], end = words.starts[w + 1]; b < end; b++) {
                    h = (h ^ (words.utf8[b] & 0xff)) * FNV_PRIME;
                }
                h = (h ^ ' ') * FNV_PRIME;
            }
            counts.add(mix(h));
        }
        return counts.majority(shingles);
    }

    /** The words of a text, UTF-8 encoded back to back: word {@code w} is {@code utf8[starts[w]..starts[w + 1])}. */
    private static final class Words {
        byte[] utf8;
        int[] starts = new int[64];
        int count;
        private int length;

        static Words of(String lower) {
            Words words = new Words();
            words.utf8 = new byte[lower.length() * 3];
            boolean inWord = false;
            int n = lower.length();
            for (int i = 0; i < n; ) {
                int cp = lower.codePointAt(i);
                boolean letter = isLetterOrNumber(cp);
                if (letter) {
                    if (!inWord) {
                        words.start();
                        inWord = true;
                    }
                    words.append(cp);
                } else {
                    inWord = false;
                }
                i += Character.charCount(cp);
            }
            return words;
        }

        private void start() {
            if (count + 1 == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = length;
            starts[count] = length;
        }

        /** Appends a code point as UTF-8 (a letter or number: never a lone surrogate). */
        private void append(int cp) {
            if (cp < 0x80) {
                utf8[length++] = (byte) cp;
            } else if (cp < 0x800) {
                utf8[length++] = (byte) (0xc0 | cp >> 6);
                utf8[length++] = (byte) (0x80 | cp & 0x3f);
            } else if (cp < 0x10000) {
                utf8[length++] = (byte) (0xe0 | cp >> 12);
                utf8[length++] = (byte) (0x80 | cp >> 6 & 0x3f);
                utf8[length++] = (byte) (0x80 | cp & 0x3f);
            } else {
                utf8[length++] = (byte) (0xf0 | cp >> 18);
                utf8[length++] = (byte) (0x80 | cp >> 12 & 0x3f);
                utf8[length++] = (byte) (0x80 | cp >> 6 & 0x3f);
                utf8[length++] = (byte) (0x80 | cp & 0x3f);
            }
            starts[count] = length;
        }
    }

    /**
     * How many of the added hashes have each of the 64 bits set. Eight bits are counted at once: a byte of the
     * hash looks up a long with that byte's bits spread one per byte lane, and lanes are emptied into int
     * counts before they can overflow (255 additions).
     */
    private static final class BitCounts {
        private static final long[] SPREAD = new long[256];

        static {
            for (int b = 0; b < 256; b++) {
                for (int bit = 0; bit < 8; bit++) {
                    SPREAD[b] |= (long) ((b >>> bit) & 1) << (bit * 8);
                }
            }
        }

        private final int[] ones = new int[64];
        private final long[] lanes = new long[8];
        private int pending;

        void add(long h) {
            lanes[0] += SPREAD[(int) h & 0xff];
            lanes[1] += SPREAD[(int) (h >>> 8) & 0xff];
            lanes[2] += SPREAD[(int) (h >>> 16) & 0xff];
            lanes[3] += SPREAD[(int) (h >>> 24) & 0xff];
            lanes[4] += SPREAD[(int) (h >>> 32) & 0xff];
            lanes[5] += SPREAD[(int) (h >>> 40) & 0xff];
            lanes[6] += SPREAD[(int) (h >>> 48) & 0xff];
            lanes[7] += SPREAD[(int) (h >>> 56) & 0xff];
            if (++pending == 255) {
                flush();
            }
        }

        private void flush() {
            for (int k = 0; k < 8; k++) {
                for (int lane = 0; lane < 8; lane++) {
                    ones[k * 8 + lane] += (int) (lanes[k] >>> (lane * 8)) & 0xff;
                }
                lanes[k] = 0;
            }
            pending = 0;
        }

        /** The hash whose bits are set where more than half of {@code total} added hashes had them. */
        long majority(int total) {
            flush();
            long simhash = 0;
            for (int bit = 0; bit < 64; bit++) {
                if (2 * ones[bit] > total) {
                    simhash |= 1L << bit;
                }
            }
            return simhash;
        }
    }

    /** What the regex {@code [\p{L}\p{N}]} matches. */
    private static boolean isLetterOrNumber(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        int type = Character.getType(cp);
        return Character.isLetter(cp)
                || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** FNV-1a over UTF-8, finished with a 64-bit mixer so nearby inputs spread over all bits. */
    static long hash64(String s) {
        long h = FNV_OFFSET;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Finds stored hashes near a new one. Thread-safe. */
    static final class Index {
        private final int maxDistance;
        private final List<Map<Integer, List<Integer>>> bands = new ArrayList<>();
        private final List<Long> hashes = new ArrayList<>();
        private final List<String> urls = new ArrayList<>();

        Index(int maxDistance) {
            if (maxDistance > 3) {
                throw new IllegalArgumentException("the band index finds distances up to 3");
            }
            this.maxDistance = maxDistance;
            for (int i = 0; i < 4; i++) {
                bands.add(new HashMap<>());
            }
        }

        /** The URL of a stored page within the distance, or null. */
        synchronized String find(long simhash, String exceptUrl) {
            for (int band = 0; band < 4; band++) {
                List<Integer> candidates = bands.get(band).get(bandKey(simhash, band));
                if (candidates != null) {
                    for (int i : candidates) {
                        if (distance(hashes.get(i), simhash) <= maxDistance
                                && !urls.get(i).equals(exceptUrl)) {
                            return urls.get(i);
                        }
                    }
                }
            }
            return null;
        }

        synchronized void add(long simhash, String url) {
            int i = hashes.size();
            hashes.add(simhash);
            urls.add(url);
            for (int band = 0; band < 4; band++) {
                bands.get(band)
                        .computeIfAbsent(bandKey(simhash, band), k -> new ArrayList<>(1))
                        .add(i);
            }
        }

        private static int bandKey(long simhash, int band) {
            return (int) ((simhash >>> (band * 16)) & 0xffff);
        }
    }
}
