package io.chatda.hangul;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * About 11,000 common English words and computing terms (resource {@code english-lexicon.txt}:
 * SCOWL sizes 10 and 20 plus chatda's own list). A Latin token found here is English, whatever
 * its 2-set reading looks like: {@code go} reads as 해 and {@code today} as 생묘, both well-formed
 * Korean. Loaded once, on first use, into an unmodifiable set.
 */
final class EnglishLexicon {
    private EnglishLexicon() {}

    private static final class Holder {
        static final Set<String> WORDS = load();
    }

    /** Whether a lower-case a–z word is in the lexicon. */
    static boolean contains(String lowerCaseWord) {
        return Holder.WORDS.contains(lowerCaseWord);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        try (InputStream in = EnglishLexicon.class.getResourceAsStream("english-lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource io/chatda/hangul/english-lexicon.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    words.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/chatda/hangul/english-lexicon.txt", e);
        }
        return Set.copyOf(words);
    }
}
