package io.chatda.suggest;

import io.chatda.hangul.TextNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's blocked phrases: one a line, {@code #} starts a comment line, compared after the same
 * normalisation as queries; a query containing one is never suggested. Bytes that aren't UTF-8 are read as
 * replacement characters (the rest of the file still counts).
 */
record Blocklist(List<String> phrases) {

    private static final Logger LOG = LoggerFactory.getLogger(Blocklist.class);
    private static final Blocklist NONE = new Blocklist(List.of());

    /** The phrases of {@code file}; none for a null or missing file, or one that can't be read (logged). */
    static Blocklist read(Path file) {
        if (file == null) {
            return NONE;
        }
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return new Blocklist(text.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(TextNormalizer::normalize)
                    .filter(l -> !l.isEmpty())
                    .distinct()
                    .toList());
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException e) {
            LOG.warn("can't read the suggestion blocklist {}", file, e);
            return NONE;
        }
    }

    boolean matches(String normalizedQuery) {
        for (String phrase : phrases) {
            if (normalizedQuery.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
