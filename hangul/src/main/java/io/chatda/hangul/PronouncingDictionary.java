package io.chatda.hangul;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The CMU Pronouncing Dictionary (resource {@code cmudict.bin.gz}, made by
 * hangul/tools/build-cmudict-resource.sh): about 125,000 words with up to two pronunciations, each
 * aligned letter by letter (one token of zero to two phonemes per letter), and letter-to-sound
 * rules for words it lacks. Loaded once, on first use, into flat arrays (about 3 MB of heap):
 * the words' letters and their tokens side by side, sorted, searched by bisection.
 */
final class PronouncingDictionary {
    private static final String RESOURCE = "cmudict.bin.gz";
    /** Letter windows (left, right) of the rule levels, as in BuildCmudict. */
    private static final int[][] WINDOWS = {{0, 0}, {0, 1}, {1, 1}, {1, 2}, {2, 2}, {2, 3}, {3, 3}, {3, 4}, {4, 4}};

    private final int[][] tokenCodes;
    private final boolean[][] tokenStress;
    private final byte[] letters;
    private final byte[] tokens;
    private final int[] starts;
    private final long[] ruleKeys;
    private final byte[] ruleTokens;

    private static final class Holder {
        static final PronouncingDictionary INSTANCE = load();
    }

    private PronouncingDictionary(DataInputStream in) throws IOException {
        byte[] magic = new byte[5];
        in.readFully(magic);
        if (!"CMUL\1".equals(new String(magic, java.nio.charset.StandardCharsets.ISO_8859_1))) {
            throw new IOException("not a pronouncing dictionary resource");
        }
        int tokenCount = in.readUnsignedByte();
        tokenCodes = new int[tokenCount][];
        tokenStress = new boolean[tokenCount][];
        for (int t = 0; t < tokenCount; t++) {
            String[] phones = in.readUTF().split(" ");
            int n = phones[0].isEmpty() ? 0 : phones.length;
            tokenCodes[t] = new int[n];
            tokenStress[t] = new boolean[n];
            for (int k = 0; k < n; k++) {
                tokenCodes[t][k] = Arpabet.code(phones[k].replaceAll("[01]", ""));
                tokenStress[t][k] = phones[k].endsWith("1");
            }
        }
        int entries = in.readInt();
        starts = new int[entries + 1];
        byte[] text = new byte[entries * 8];
        byte[] toks = new byte[entries * 8];
        int length = 0;
        for (int e = 0; e < entries; e++) {
            int shared = in.readUnsignedByte();
            int suffix = in.readUnsignedByte();
            int start = length;
            int size = shared + suffix;
            if (start + size > text.length) {
                text = Arrays.copyOf(text, text.length * 3 / 2 + size);
                toks = Arrays.copyOf(toks, text.length);
            }
            System.arraycopy(text, e == 0 ? 0 : starts[e - 1], text, start, shared);
            in.readFully(text, start + shared, suffix);
            in.readFully(toks, start, size);
            starts[e] = start;
            length += size;
        }
        starts[entries] = length;
        letters = Arrays.copyOf(text, length);
        tokens = Arrays.copyOf(toks, length);
        int rules = in.readInt();
        ruleKeys = new long[rules];
        ruleTokens = new byte[rules];
        for (int r = 0; r < rules; r++) {
            ruleKeys[r] = in.readLong();
            ruleTokens[r] = in.readByte();
        }
    }

    static PronouncingDictionary get() {
        return Holder.INSTANCE;
    }

    private static PronouncingDictionary load() {
        try (InputStream raw = PronouncingDictionary.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("resource io/chatda/hangul/" + RESOURCE + " is missing");
            }
            return new PronouncingDictionary(
                    new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/chatda/hangul/" + RESOURCE, e);
        }
    }

    /** The dictionary's pronunciations of a lower-case a–z word, most common first; may be empty. */
    List<Pronunciation> lookup(String word) {
        int entries = starts.length - 1;
        int low = 0;
        int high = entries - 1;
        while (low <= high) { // first entry not below the word
            int mid = (low + high) >>> 1;
            if (compare(mid, word) < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        List<Pronunciation> found = new ArrayList<>(2);
        for (int e = low; e < entries && compare(e, word) == 0; e++) {
            found.add(expand(word, Arrays.copyOfRange(tokens, starts[e], starts[e + 1])));
        }
        return found;
    }

    boolean contains(String word) {
        return !lookup(word).isEmpty();
    }

    /** A pronunciation guessed letter by letter from the longest matching rule window. */
    Pronunciation guess(String word) {
        byte[] guessed = new byte[word.length()];
        for (int i = 0; i < word.length(); i++) {
            for (int level = WINDOWS.length - 1; level >= 0; level--) {
                int r = Arrays.binarySearch(ruleKeys, key(word, i, level));
                if (r >= 0) {
                    guessed[i] = ruleTokens[r];
                    break;
                }
            }
        }
        return expand(word, guessed);
    }

    private int compare(int entry, String word) {
        int start = starts[entry];
        int length = starts[entry + 1] - start;
        for (int i = 0; i < Math.min(length, word.length()); i++) {
            int diff = letters[start + i] - word.charAt(i);
            if (diff != 0) {
                return diff;
            }
        }
        return length - word.length();
    }

    private Pronunciation expand(String word, byte[] letterTokens) {
        int n = 0;
        for (byte t : letterTokens) {
            n += tokenCodes[t & 0xff].length;
        }
        int[] codes = new int[n];
        boolean[] stressed = new boolean[n];
        int[] at = new int[n];
        int j = 0;
        for (int i = 0; i < letterTokens.length; i++) {
            int t = letterTokens[i] & 0xff;
            for (int k = 0; k < tokenCodes[t].length; k++, j++) {
                codes[j] = tokenCodes[t][k];
                stressed[j] = tokenStress[t][k];
                at[j] = i;
            }
        }
        return new Pronunciation(word, codes, stressed, at, new boolean[n]);
    }

    /** Rule key: the window's letters, 5 bits each (outside the word 27), then the level. */
    private static long key(String word, int i, int level) {
        long key = 0;
        for (int k = i - WINDOWS[level][0]; k <= i + WINDOWS[level][1]; k++) {
            int c = k < 0 || k >= word.length() ? 27 : word.charAt(k) - 'a' + 1;
            key = key << 5 | c;
        }
        return key << 4 | level;
    }
}
