package io.chatda.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.server.core.BadRequestException;
import io.chatda.server.core.StrictQuery;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Fuzz target of the strict query-string parser. The input bytes, read as the Latin-1 characters the HTTP layer
 * hands over, either parse or are a {@link BadRequestException} (nothing else), and only when they hold a
 * {@code %} or a non-ASCII byte; plain ASCII parses to its {@code name=value} pairs, first one wins. The input
 * read as UTF-8 and percent-encoded, as a browser sends it, comes back as it was, except for the documented
 * repair of UTF-8 that was re-encoded as Latin-1. Numbers are in range or rejected. Seeds:
 * {@code src/test/resources/io/chatda/server/fuzz/StrictQueryFuzzTestInputs/parse/}.
 */
class StrictQueryFuzzTest {

    @FuzzTest
    void parse(@NotNull byte[] input) {
        String raw = new String(input, StandardCharsets.ISO_8859_1);
        boolean plainAscii = raw.chars().allMatch(c -> c < 0x80 && c != '%');
        Throwable thrown = catchThrowable(() -> StrictQuery.parse(raw));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(BadRequestException.class);
            assertThat(plainAscii)
                    .as("rejected without a %% or a non-ASCII byte")
                    .isFalse();
        } else if (plainAscii) {
            StrictQuery query = StrictQuery.parse(raw);
            plainPairs(raw)
                    .forEach((name, value) ->
                            assertThat(query.get(name)).as(name).isEqualTo(value));
            try {
                assertThat(query.intParam("size", 10, 1, 50)).isBetween(1, 50);
            } catch (BadRequestException outOfRangeOrNotANumber) {
                assertThat(query.get("size")).isNotEmpty();
            }
        }

        String typed = new String(input, StandardCharsets.UTF_8);
        String encoded = "q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8) + "&q=second";
        assertThat(StrictQuery.parse(encoded).get("q")).isEqualTo(repaired(typed));
    }

    /** The pairs of an ASCII query string without escapes: split at {@code &} and the first {@code =}. */
    private static Map<String, String> plainPairs(String raw) {
        Map<String, String> pairs = new HashMap<>();
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = (eq < 0 ? pair : pair.substring(0, eq)).replace('+', ' ');
                pairs.putIfAbsent(name, eq < 0 ? "" : pair.substring(eq + 1).replace('+', ' '));
            }
        }
        return pairs;
    }

    /**
     * What the parser makes of a value (StrictQuery's documented repair): text made only of Latin-1 characters,
     * some of them non-ASCII, whose bytes are valid UTF-8, is taken to be UTF-8 the HTTP layer re-encoded.
     */
    private static String repaired(String value) {
        if (value.chars().anyMatch(c -> c > 0xFF) || value.chars().allMatch(c -> c < 0x80)) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }
}
