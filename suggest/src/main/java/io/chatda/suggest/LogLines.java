package io.chatda.suggest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Reads a log file line by line where a line may be damaged: bytes that are not UTF-8 (a write cut short by a
 * full disk or a crash), a last line without its newline, fields that don't parse. Damaged lines are skipped
 * and counted, never fatal.
 */
final class LogLines {

    private LogLines() {}

    /**
     * Hands each complete, well-formed UTF-8 line of {@code file} (none if it doesn't exist) to {@code line},
     * which answers whether it could use it.
     *
     * @return how many lines were damaged: not UTF-8, without a final newline, or refused by {@code line}
     */
    static int read(Path file, Predicate<String> line) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        int damaged = 0;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            try {
                String text =
                        utf8.decode(ByteBuffer.wrap(bytes, start, i - start)).toString();
                if (!text.isEmpty() && !line.test(text)) {
                    damaged++;
                }
            } catch (CharacterCodingException e) {
                damaged++;
            }
            start = i + 1;
        }
        return start < bytes.length ? damaged + 1 : damaged;
    }
}
