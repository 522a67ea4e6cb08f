package io.chatda.crawl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The exact-duplicate key of a page: SHA-256 of its text with white space folded. Stored, so it must not drift. */
final class ContentHash {

    private ContentHash() {}

    /** Hex SHA-256 of the text, runs of ASCII white space folded to one space and the ends stripped. */
    static String of(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(collapseSpaces(text).strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** {@code text.replaceAll("\\s+", " ")} without the regex: runs of ASCII white space become one space. */
    static String collapseSpaces(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isAsciiSpace(c) && (c != ' ' || i + 1 < n && isAsciiSpace(text.charAt(i + 1)))) {
                if (out == null) {
                    out = new StringBuilder(n).append(text, 0, i);
                }
                out.append(' ');
                while (i + 1 < n && isAsciiSpace(text.charAt(i + 1))) {
                    i++;
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
