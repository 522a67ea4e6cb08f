package io.chatda.suggest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.DictionarySnapshot;
import io.chatda.suggest.SnapshotFormatException;
import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.SuggestEntry.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target of the dictionary snapshot loader: whatever bytes the file holds, loading either returns a
 * dictionary or throws {@link SnapshotFormatException}, never another exception or an error such as running out
 * of memory; an intact snapshot loads. Random bytes seldom get past the magic and engine hash, so the input edits
 * a real snapshot instead: byte 0 holds flags (bit 0: the input past byte 2 is the whole file; bit 1: the
 * trailer's length and CRC32 are recomputed after the edit, so the damage reaches the array checks; bit 2: the
 * file is cut at the edit's end), bytes 1-2 the offset where the rest of the input overwrites the snapshot. Seeds:
 * {@code src/test/resources/io/chatda/suggest/fuzz/DictionarySnapshotFuzzTestInputs/load/}.
 */
class DictionarySnapshotFuzzTest {

    private static final int TRAILER = 12;
    private static Path dir;
    private static byte[] snapshot;

    @BeforeAll
    static void saveOne() throws IOException {
        dir = Files.createTempDirectory("chatda-snapshot-fuzz");
        CompletionIndex index = CompletionIndex.build(List.of(
                new SuggestEntry("검색 엔진", 3, Kind.TITLE, "https://example.org/a", "docs"),
                new SuggestEntry("교착상태 deadlock", 2, Kind.HEADING, "https://example.org/b", "wiki"),
                new SuggestEntry("search engine", 1, Kind.QUERY, ""),
                new SuggestEntry("값이 비싸다", 0.5, Kind.WORD, "", "docs")));
        Path file = dir.resolve("base.bin");
        DictionarySnapshot.save(index, "fingerprint", file);
        snapshot = Files.readAllBytes(file);
    }

    @AfterAll
    static void removeFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @FuzzTest
    void load(@NotNull byte[] input) throws IOException {
        byte[] file = edited(input);
        Path path = dir.resolve("fuzzed.bin");
        Files.write(path, file);

        Throwable thrown = catchThrowable(() -> DictionarySnapshot.load(path));

        if (Arrays.equals(file, snapshot)) {
            assertThat(thrown).isNull();
            assertThat(DictionarySnapshot.load(path).fingerprint()).isEqualTo("fingerprint");
        } else if (thrown != null) {
            assertThat(thrown).isInstanceOf(SnapshotFormatException.class);
        }
    }

    private static byte[] edited(byte[] input) {
        if (input.length < 3) {
            return snapshot.clone();
        }
        int flags = input[0];
        byte[] patch = Arrays.copyOfRange(input, 3, input.length);
        if ((flags & 1) != 0) {
            return patch;
        }
        int at = ((input[1] & 0xFF) << 8 | (input[2] & 0xFF)) % snapshot.length;
        byte[] file = Arrays.copyOf(snapshot, Math.max(snapshot.length, at + patch.length));
        System.arraycopy(patch, 0, file, at, patch.length);
        if ((flags & 4) != 0) {
            file = Arrays.copyOf(file, at + patch.length);
        }
        if ((flags & 2) != 0 && file.length >= TRAILER) {
            int body = file.length - TRAILER;
            CRC32 crc = new CRC32();
            crc.update(file, 0, body);
            ByteBuffer.wrap(file, body, TRAILER)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(body)
                    .putInt((int) crc.getValue());
        }
        return file;
    }
}
