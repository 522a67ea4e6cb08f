package io.chatda.suggest;

import java.util.Arrays;

/**
 * The distinct clients behind one logged query, as salted hashes, each with how often its searches counted.
 * Remembers up to {@value #CAPACITY} clients: a query with that many already has all the support any policy
 * asks for, and later clients are neither stored nor capped. Not thread-safe (the query log's lock guards it).
 */
final class ClientSupport {

    static final int CAPACITY = 16;

    private long[] hashes = new long[0];
    private int[] counted = new int[0];

    /**
     * Registers a search by client {@code hash}; true if it counts, false once this client's share reached
     * {@code maxPerClient}.
     */
    boolean admit(long hash, int maxPerClient) {
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] == hash) {
                if (counted[i] >= maxPerClient) {
                    return false;
                }
                counted[i]++;
                return true;
            }
        }
        if (hashes.length < CAPACITY) {
            hashes = Arrays.copyOf(hashes, hashes.length + 1);
            counted = Arrays.copyOf(counted, counted.length + 1);
            hashes[hashes.length - 1] = hash;
            counted[counted.length - 1] = 1;
        }
        return true;
    }

    int distinct() {
        return hashes.length;
    }

    /** {@code hash:count} pairs in hex, comma-separated (empty for none). */
    String encode() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hashes.length; i++) {
            b.append(i == 0 ? "" : ",")
                    .append(Long.toHexString(hashes[i]))
                    .append(':')
                    .append(counted[i]);
        }
        return b.toString();
    }

    /** The inverse of {@link #encode()}. @throws NumberFormatException for a damaged field */
    static ClientSupport decode(String text) {
        ClientSupport s = new ClientSupport();
        if (text.isEmpty()) {
            return s;
        }
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new NumberFormatException("no count in " + pair);
            }
            long hash = Long.parseUnsignedLong(pair.substring(0, colon), 16);
            int n = Integer.parseInt(pair.substring(colon + 1));
            if (s.hashes.length < CAPACITY) {
                s.hashes = Arrays.copyOf(s.hashes, s.hashes.length + 1);
                s.counted = Arrays.copyOf(s.counted, s.counted.length + 1);
                s.hashes[s.hashes.length - 1] = hash;
                s.counted[s.counted.length - 1] = n;
            }
        }
        return s;
    }
}
