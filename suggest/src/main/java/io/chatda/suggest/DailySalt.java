package io.chatda.suggest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a client's address into an anonymous id that stays the same for one UTC day: the first 8 bytes of
 * SHA-256 over a random salt of the day and the address. The day's salt is kept in a file (so a restart
 * doesn't make every client new) and replaced, never archived, when the day changes: yesterday's ids can't be
 * linked to today's, nor turned back into addresses. Not thread-safe (the query log's lock guards it).
 */
final class DailySalt {

    private static final Logger LOG = LoggerFactory.getLogger(DailySalt.class);
    private static final long DAY_MILLIS = 86_400_000L;

    private final Path file;
    private final SecureRandom random = new SecureRandom();
    private long day = Long.MIN_VALUE;
    private byte[] salt;

    DailySalt(Path file) {
        this.file = file;
    }

    /** The id of {@code client} on the day of {@code millis}. */
    long hash(String client, long millis) {
        long today = Math.floorDiv(millis, DAY_MILLIS);
        if (today != day) {
            rotate(today);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] digest = sha.digest(client.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = h << 8 | (digest[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void rotate(long today) {
        day = today;
        salt = stored(today);
        if (salt != null) {
            return;
        }
        salt = new byte[32];
        random.nextBytes(salt);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, today + "\t" + HexFormat.of().formatHex(salt) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // clients seen before a restart today would count again after it; nothing else is lost
            LOG.warn("can't save the query log's salt of the day in {}", file, e);
        }
    }

    private byte[] stored(long today) {
        try {
            String[] f = Files.readString(file, StandardCharsets.UTF_8).strip().split("\t");
            if (f.length == 2 && Long.parseLong(f[0]) == today) {
                return HexFormat.of().parseHex(f[1]);
            }
        } catch (IOException | RuntimeException e) {
            // missing, from another day or damaged: a new salt
        }
        return null;
    }
}
