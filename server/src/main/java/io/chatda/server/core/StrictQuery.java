package io.chatda.server.core;

import com.linecorp.armeria.server.ServiceRequestContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses a raw URL query string strictly: a broken percent-escape or bytes that are not UTF-8 are an
 * error the client hears about, instead of silently becoming replacement characters.
 */
public final class StrictQuery {

    private final Map<String, String> values;

    private StrictQuery(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code raw} (may be null for no query).
     *
     * @throws BadRequestException on malformed percent-encoding or invalid UTF-8
     */
    public static StrictQuery parse(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.putIfAbsent(name, value);
            }
        }
        return new StrictQuery(values);
    }

    /**
     * Parses the request's query string, after checking that bytes the client sent unencoded are UTF-8:
     * the HTTP layer percent-encodes each raw byte as a Latin-1 character, so once decoded a raw {@code 0xFF}
     * can't be told from a percent-encoded {@code ÿ}; the request target as received still can.
     *
     * @throws BadRequestException on raw bytes that are not UTF-8, malformed percent-encoding or invalid UTF-8
     */
    public static StrictQuery parse(ServiceRequestContext ctx) {
        requireRawUtf8(ctx.routingContext().requestTarget().rawPath());
        return parse(ctx.query());
    }

    /** Throws unless the characters of {@code rawTarget} past its {@code ?}, read as bytes, are UTF-8. */
    public static void requireRawUtf8(String rawTarget) {
        int q = rawTarget == null ? -1 : rawTarget.indexOf('?');
        if (q < 0) {
            return;
        }
        String query = rawTarget.substring(q + 1);
        if (query.chars().allMatch(c -> c < 0x80)) {
            return;
        }
        if (query.chars().anyMatch(c -> c > 0xFF)) {
            return; // not raw bytes: characters the layer below already decoded
        }
        try {
            strictUtf8(query.getBytes(StandardCharsets.ISO_8859_1));
        } catch (CharacterCodingException e) {
            throw new BadRequestException("the query string is not valid UTF-8");
        }
    }

    /** The first value of the parameter, or null. */
    public String get(String name) {
        return values.get(name);
    }

    /** The parameter as an int within bounds, or the default when absent. */
    public int intParam(String name, int defaultValue, int min, int max) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new BadRequestException(name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a number");
        }
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new BadRequestException("malformed percent-encoding in the query string");
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new BadRequestException("malformed percent-encoding in the query string");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x100) {
                // raw bytes some clients send unencoded arrive as Latin-1 chars
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return repairRawUtf8(strictUtf8(bytes.toByteArray()));
        } catch (CharacterCodingException e) {
            throw new BadRequestException("the query string is not valid UTF-8");
        }
    }

    /**
     * Clients such as curl send non-ASCII query text as raw UTF-8 bytes; the HTTP layer reads those
     * bytes as Latin-1 characters and percent-encodes each one again. When a value consists only of
     * such characters and their bytes form valid UTF-8, that UTF-8 is what the user typed.
     */
    private static String repairRawUtf8(String decoded) {
        boolean high = false;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c > 0xFF) {
                return decoded;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return decoded;
        }
        try {
            return strictUtf8(decoded.getBytes(StandardCharsets.ISO_8859_1));
        } catch (CharacterCodingException e) {
            return decoded;
        }
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
