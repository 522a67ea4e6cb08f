package io.chatda.replica;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/** Takes the checksums of snapshot files: Lucene's footer where there is one (read, not recomputed), else a CRC32. */
final class Checksums {

    private static final int BUFFER = 64 * 1024;

    private Checksums() {}

    /**
     * The entry of index file {@code name} in {@code dir}: its footer checksum, or for a file without a codec
     * footer the CRC32 of all of it.
     */
    static SnapshotFile indexFile(Directory dir, String name, Path path) throws IOException {
        long length = dir.fileLength(name);
        try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
            return new SnapshotFile(name, length, CodecUtil.retrieveChecksum(in), ChecksumKind.LUCENE_FOOTER);
        } catch (CorruptIndexException e) {
            return new SnapshotFile(name, length, crc32(path), ChecksumKind.CRC32);
        }
    }

    /**
     * The checksum a Lucene codec footer at the end of {@code file} holds, or -1 if it has none (too short, another
     * magic or algorithm): the last 16 bytes are the footer magic, algorithm 0 and the CRC32, big-endian.
     */
    static long footer(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < CodecUtil.footerLength()) {
                return -1;
            }
            ByteBuffer footer = ByteBuffer.allocate(CodecUtil.footerLength());
            while (footer.hasRemaining()) {
                if (channel.read(footer, size - footer.remaining()) < 0) {
                    return -1;
                }
            }
            boolean valid = footer.getInt(0) == CodecUtil.FOOTER_MAGIC && footer.getInt(4) == 0;
            return valid ? footer.getLong(8) : -1;
        }
    }

    /** The CRC32 of the whole file. */
    static long crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    /**
     * Whether {@code file} holds {@code expected}: its length, and its checksum taken the way {@code expected} was
     * (for a footer, the stored value only: a file copied whole and verified once is trusted to stay so).
     */
    static boolean matches(Path file, SnapshotFile expected) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != expected.length()) {
            return false;
        }
        return switch (expected.kind()) {
            case LUCENE_FOOTER -> footer(file) == expected.checksum();
            case CRC32 -> crc32(file) == expected.checksum();
        };
    }

    /**
     * Checks bytes as they arrive against the entry they should be: the CRC32 over what the entry's kind covers, the
     * footer's stored checksum, and the length.
     */
    static final class Check {
        private static final int FOOTER_CRC = 8;

        private final SnapshotFile expected;
        private final CRC32 crc = new CRC32();
        private final ByteBuffer tail = ByteBuffer.allocate(FOOTER_CRC);
        private final long covered;
        private long position;

        Check(SnapshotFile expected) {
            this.expected = expected;
            this.covered =
                    expected.kind() == ChecksumKind.LUCENE_FOOTER ? expected.length() - FOOTER_CRC : expected.length();
        }

        void update(byte[] bytes, int offset, int length) {
            int inCrc = (int) Math.max(0, Math.min(length, covered - position));
            crc.update(bytes, offset, inCrc);
            for (int i = inCrc; i < length && tail.hasRemaining(); i++) {
                tail.put(bytes[offset + i]);
            }
            position += length;
        }

        /** @throws PullException (checksum mismatch) unless exactly the expected bytes arrived */
        void verify() throws PullException {
            if (position != expected.length()) {
                throw new PullException(
                        PullFailure.CHECKSUM_MISMATCH,
                        expected.name() + ": " + position + " bytes arrived, the manifest says " + expected.length(),
                        null);
            }
            boolean footerAgrees = expected.kind() != ChecksumKind.LUCENE_FOOTER
                    || (tail.position() == FOOTER_CRC && tail.getLong(0) == expected.checksum());
            if (crc.getValue() != expected.checksum() || !footerAgrees) {
                throw new PullException(
                        PullFailure.CHECKSUM_MISMATCH,
                        expected.name() + ": checksum " + Long.toHexString(crc.getValue()) + " instead of "
                                + Long.toHexString(expected.checksum()),
                        null);
            }
        }
    }
}
