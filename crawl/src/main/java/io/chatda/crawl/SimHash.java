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

    private SimHash() {
    }

    static long of(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        List<String> tokens = new ArrayList<>(words.length);
        for (String w : words) {
            if (!w.isEmpty()) {
                tokens.add(w);
            }
        }
        int[] weights = new int[64];
        int n = Math.max(1, tokens.size() - SHINGLE + 1);
        for (int i = 0; i < n; i++) {
            StringBuilder shingle = new StringBuilder();
            for (int j = i; j < Math.min(tokens.size(), i + SHINGLE); j++) {
                shingle.append(tokens.get(j)).append(' ');
            }
            long h = hash64(shingle.toString());
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

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** FNV-1a over UTF-8, finished with a 64-bit mixer so nearby inputs spread over all bits. */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
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
