package io.chatda.crawl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    private SimHash() {
    }

    /**
     * The SimHash of the text's word 3-shingles: words are runs of letters and numbers, lower-cased; a
     * shingle hashes as its words each followed by a space ({@link #hash64} streamed, no strings built).
     */
    static long of(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<byte[]> tokens = new ArrayList<>();
        int n = lower.length();
        int start = -1;
        for (int i = 0; i < n; ) {
            int cp = lower.codePointAt(i);
            boolean word = isLetterOrNumber(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                tokens.add(lower.substring(start, i).getBytes(StandardCharsets.UTF_8));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(lower.substring(start).getBytes(StandardCharsets.UTF_8));
        }
        int[] weights = new int[64];
        int shingles = Math.max(1, tokens.size() - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long h = FNV_OFFSET;
            for (int j = i; j < Math.min(tokens.size(), i + SHINGLE); j++) {
                for (byte b : tokens.get(j)) {
                    h = (h ^ (b & 0xff)) * FNV_PRIME;
                }
                h = (h ^ ' ') * FNV_PRIME;
            }
            h = mix(h);
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long simhash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                simhash |= 1L << bit;
            }
        }
        return simhash;
    }

    /** What the regex {@code [\p{L}\p{N}]} matches. */
    private static boolean isLetterOrNumber(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
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
                        if (distance(hashes.get(i), simhash) <= maxDistance && !urls.get(i).equals(exceptUrl)) {
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
                bands.get(band).computeIfAbsent(bandKey(simhash, band), k -> new ArrayList<>(1)).add(i);
            }
        }

        private static int bandKey(long simhash, int band) {
            return (int) ((simhash >>> (band * 16)) & 0xffff);
        }
    }
}
