package io.chatda.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checking copied bytes against a manifest entry, on a real Lucene file with a codec footer. */
class SnapshotChecksumsTest {

    @TempDir
    Path dir;

    private SnapshotFile luceneFile(String name) throws Exception {
        try (Directory lucene = FSDirectory.open(dir);
                IndexOutput out = lucene.createOutput(name, IOContext.DEFAULT)) {
            CodecUtil.writeHeader(out, "test", 1);
            for (int i = 0; i < 10_000; i++) {
                out.writeInt(i * 31);
            }
            CodecUtil.writeFooter(out);
        }
        try (Directory lucene = FSDirectory.open(dir)) {
            return Checksums.indexFile(lucene, name, dir.resolve(name));
        }
    }

    private static void feed(Checksums.Check check, byte[] bytes) {
        for (int at = 0; at < bytes.length; at += 1000) { // in pieces, as they arrive
            check.update(bytes, at, Math.min(1000, bytes.length - at));
        }
    }

    @Test
    void theFileAsWrittenPassesAndAnyChangedByteOrLengthFails() throws Exception {
        SnapshotFile entry = luceneFile("_0.test");
        byte[] bytes = Files.readAllBytes(dir.resolve("_0.test"));
        assertThat(entry.kind()).isEqualTo(ChecksumKind.LUCENE_FOOTER);
        assertThat(Checksums.footer(dir.resolve("_0.test"))).isEqualTo(entry.checksum());
        assertThat(Checksums.matches(dir.resolve("_0.test"), entry)).isTrue();

        Checksums.Check whole = new Checksums.Check(entry);
        feed(whole, bytes);
        whole.verify();

        for (int at : new int[] {0, bytes.length / 2, bytes.length - 12, bytes.length - 1}) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x40;
            Checksums.Check check = new Checksums.Check(entry);
            feed(check, damaged);
            assertThatThrownBy(check::verify)
                    .as("byte %d", at)
                    .isInstanceOf(PullException.class)
                    .extracting(e -> ((PullException) e).failure())
                    .isEqualTo(PullFailure.CHECKSUM_MISMATCH);
        }
        Checksums.Check truncated = new Checksums.Check(entry);
        feed(truncated, Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(truncated::verify).isInstanceOf(PullException.class);
    }

    @Test
    void aFileWithoutFooterIsCheckedByTheCrcOfAllOfIt() throws Exception {
        Files.write(dir.resolve("_1.raw"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17});
        SnapshotFile entry;
        try (Directory lucene = FSDirectory.open(dir)) {
            entry = Checksums.indexFile(lucene, "_1.raw", dir.resolve("_1.raw"));
        }

        assertThat(entry.kind()).isEqualTo(ChecksumKind.CRC32);
        assertThat(Checksums.footer(dir.resolve("_1.raw"))).isEqualTo(-1);
        assertThat(Checksums.matches(dir.resolve("_1.raw"), entry)).isTrue();
        Files.write(dir.resolve("_1.raw"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18});
        assertThat(Checksums.matches(dir.resolve("_1.raw"), entry)).isFalse();
    }
}
