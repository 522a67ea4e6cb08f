package io.chatda.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Saves a {@link CompletionIndex} to one file and loads it back, so a restart needn't rebuild the
 * dictionary. The file holds the index's arrays as they are in memory, read back in bulk through a
 * {@link FileChannel}, plus a caller's <em>fingerprint</em> of the inputs it was built from, which the
 * caller compares before trusting it.
 *
 * <p>Layout (little-endian): the magic {@code CHATDASG}, the {@link #FORMAT_VERSION}, a hash of the
 * engine's build code and key table (so a snapshot written by another version of the engine, whose
 * keys may differ, is refused), the fingerprint, the arrays (each as its length then its elements),
 * and a trailer: the length of everything before it and the CRC32 of it. Saving writes a temporary
 * file in the same directory and renames it over the old one, so a crash leaves the old snapshot or
 * the new one, never half of one. Loading refuses a missing trailer, a length or checksum mismatch,
 * another magic, format or engine version with {@link SnapshotFormatException}.
 */
public final class DictionarySnapshot {

    /** Version of the file layout; a snapshot of another version is refused. */
    public static final int FORMAT_VERSION = 1;

    /** What a snapshot holds. */
    public record Loaded(CompletionIndex index, String fingerprint) {}

    /** Fields of {@link CompletionIndex} written to the file. */
    static final Set<String> SAVED_INDEX_FIELDS = Set.of(
            "texts",
            "textEnds",
            "keys",
            "keyEnds",
            "choseong",
            "choChars",
            "choEnds",
            "weights",
            "kinds",
            "siteIds",
            "sites",
            "urls",
            "byKey",
            "byWord",
            "byChoseong",
            "bySecondSkipped",
            "byThirdSkipped");
    /** Fields of {@link CompletionIndex} its constructor derives from the saved ones, or shared tables. */
    static final Set<String> DERIVED_INDEX_FIELDS = Set.of("codec", "n", "siteNumbers", "mixedChoseong");
    /** Fields of {@link SortedKeys} written to the file. */
    static final Set<String> SAVED_KEYS_FIELDS = Set.of("start", "tree");
    /**
     * Fields of {@link SortedKeys} shared with the index ({@code arena}, {@code ends}) or derived by
     * {@link SortedKeys#restore} ({@code n}, {@code heads}; {@code shape} is fixed per array).
     */
    static final Set<String> DERIVED_KEYS_FIELDS = Set.of("arena", "ends", "n", "heads", "samples", "shape");

    private static final byte[] MAGIC = "CHATDASG".getBytes(StandardCharsets.US_ASCII);
    private static final int TRAILER = 12;
    private static final int MAX_FINGERPRINT = 64 * 1024;
    private static final int BUFFER = 1 << 20;
    /** Hash of the code and tables that decide what an index holds; computed once, never changes. */
    private static final int ENGINE = engineHash();

    private DictionarySnapshot() {}

    /**
     * Writes {@code index} with {@code fingerprint} to {@code file} (its directory created if needed),
     * replacing any previous snapshot atomically.
     *
     * @throws IOException if the file can't be written; the previous snapshot, if any, is left as it was
     */
    public static void save(CompletionIndex index, String fingerprint, Path file) throws IOException {
        Objects.requireNonNull(index, "index");
        byte[] fp = fingerprint.getBytes(StandardCharsets.UTF_8);
        if (fp.length > MAX_FINGERPRINT) {
            throw new IllegalArgumentException("fingerprint longer than " + MAX_FINGERPRINT + " bytes");
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                Out out = new Out(channel);
                out.raw(MAGIC);
                out.putInt(FORMAT_VERSION);
                out.putInt(ENGINE);
                out.bytes(fp);
                out.bytes(index.texts);
                out.ints(index.textEnds);
                out.bytes(index.keys);
                out.ints(index.keyEnds);
                out.bytes(index.choseong);
                out.chars(index.choChars);
                out.ints(index.choEnds);
                out.floats(index.weights);
                out.bytes(index.kinds);
                out.chars(index.siteIds);
                out.strings(index.sites);
                out.strings(index.urls);
                // byChoseong indexes the choseong arena, the others the key arena (see IndexBuilder)
                for (SortedKeys keys : new SortedKeys[] {
                    index.byKey, index.byWord, index.byChoseong, index.bySecondSkipped, index.byThirdSkipped
                }) {
                    out.ints(keys.start());
                    out.ints(keys.tree());
                }
                out.finish();
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads only the fingerprint, to decide whether loading is worth it; the checksum is verified by
     * {@link #load}.
     *
     * @throws java.nio.file.NoSuchFileException if there is no snapshot
     * @throws SnapshotFormatException if the file is not a snapshot of this format and engine version
     */
    public static String readFingerprint(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return header(new In(channel, channel.size()));
        }
    }

    /**
     * Loads a snapshot.
     *
     * @throws java.nio.file.NoSuchFileException if there is no snapshot
     * @throws SnapshotFormatException if the file is truncated, damaged, or of another format or engine version
     */
    public static Loaded load(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < MAGIC.length + 8 + TRAILER) {
                throw new SnapshotFormatException(file + " is not a dictionary snapshot: " + size + " bytes");
            }
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN);
            while (trailer.hasRemaining()) {
                if (channel.read(trailer, size - TRAILER + trailer.position()) < 0) {
                    throw new SnapshotFormatException(file + " shrank while being read");
                }
            }
            trailer.flip();
            long body = trailer.getLong();
            int crc = trailer.getInt();
            In in = new In(channel, size - TRAILER);
            String fingerprint = header(in);
            if (body != size - TRAILER) {
                throw new SnapshotFormatException(
                        file + " is truncated or damaged: " + size + " bytes, its trailer says " + (body + TRAILER));
            }
            CompletionIndex index;
            try {
                index = body(in);
            } catch (RuntimeException e) {
                throw new SnapshotFormatException(file + " is damaged: " + e, e);
            }
            if (!in.atEnd()) {
                throw new SnapshotFormatException(file + " is damaged: bytes left over after the dictionary");
            }
            if (in.crc() != crc) {
                throw new SnapshotFormatException(file + " is damaged: checksum mismatch");
            }
            return new Loaded(index, fingerprint);
        }
    }

    private static String header(In in) throws IOException {
        byte[] magic = in.raw(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new SnapshotFormatException("not a dictionary snapshot");
        }
        int version = in.getInt();
        if (version != FORMAT_VERSION) {
            throw new SnapshotFormatException(
                    "snapshot format " + version + ", this version reads format " + FORMAT_VERSION);
        }
        int engine = in.getInt();
        if (engine != ENGINE) {
            throw new SnapshotFormatException("snapshot written by another version of the engine ("
                    + Integer.toHexString(engine) + ", this one is " + Integer.toHexString(ENGINE) + ")");
        }
        int length = in.getInt();
        if (length < 0 || length > MAX_FINGERPRINT) {
            throw new SnapshotFormatException("damaged snapshot header");
        }
        return new String(in.raw(length), StandardCharsets.UTF_8);
    }

    private static CompletionIndex body(In in) throws IOException {
        byte[] texts = in.bytes();
        int[] textEnds = in.ints();
        byte[] keys = in.bytes();
        int[] keyEnds = in.ints();
        byte[] choseong = in.bytes();
        char[] choChars = in.chars();
        int[] choEnds = in.ints();
        float[] weights = in.floats();
        byte[] kinds = in.bytes();
        char[] siteIds = in.chars();
        String[] sites = in.strings();
        String[] urls = in.strings();
        int n = weights.length;
        check(textEnds.length == n + 1
                && keyEnds.length == n + 1
                && choEnds.length == n + 1
                && kinds.length == n
                && siteIds.length == n
                && urls.length == n
                && sites.length > 0
                && choChars.length == choseong.length);
        SortedKeys byKey = sortedKeys(in, keys, keyEnds, SortedKeys.Shape.HEADED);
        SortedKeys byWord = sortedKeys(in, keys, keyEnds, SortedKeys.Shape.HEADED);
        SortedKeys byChoseong = sortedKeys(in, choseong, choEnds, SortedKeys.Shape.PLAIN);
        SortedKeys bySecondSkipped = sortedKeys(in, keys, keyEnds, SortedKeys.Shape.SKIP_SECOND);
        SortedKeys byThirdSkipped = sortedKeys(in, keys, keyEnds, SortedKeys.Shape.SKIP_THIRD);
        return new CompletionIndex(
                KeyCodec.INSTANCE,
                texts,
                textEnds,
                keys,
                keyEnds,
                choseong,
                choChars,
                choEnds,
                weights,
                kinds,
                siteIds,
                sites,
                urls,
                byKey,
                byWord,
                byChoseong,
                bySecondSkipped,
                byThirdSkipped);
    }

    private static SortedKeys sortedKeys(In in, byte[] arena, int[] ends, SortedKeys.Shape shape) throws IOException {
        int[] start = in.ints();
        int[] tree = in.ints();
        check(tree.length == SortedKeys.treeLength(start.length));
        return SortedKeys.restore(arena, ends, start, tree, shape);
    }

    private static void check(boolean consistent) throws SnapshotFormatException {
        if (!consistent) {
            throw new SnapshotFormatException("damaged snapshot: array lengths disagree");
        }
    }

    /**
     * CRC32 of the bytecode of the classes that decide an index's contents and of the key table: a
     * snapshot is only as good as the code that built it.
     */
    private static int engineHash() {
        CRC32 crc = new CRC32();
        addBytecode(
                crc,
                CompletionIndex.class,
                IndexBuilder.class,
                SortedKeys.class,
                KeyCodec.class,
                DictionarySnapshot.class);
        KeyCodec codec = KeyCodec.INSTANCE;
        for (int c = 0; c <= 0xD7A3; c++) {
            if (c < 0x80 || (c >= KeyCodec.JAMO_FIRST && c <= KeyCodec.JAMO_LAST) || KeyCodec.isSyllable(c)) {
                crc.update(codec.unitsOf(c));
                crc.update(codec.initialOf(c));
            }
        }
        return (int) crc.getValue();
    }

    /**
     * Hex CRC32 of the bytecode of {@code types}: what else decides a saved dictionary's contents (the
     * code that gathers its entries) goes into the fingerprint with this, so other code means a rebuild.
     */
    public static String bytecodeHash(Class<?>... types) {
        CRC32 crc = new CRC32();
        addBytecode(crc, types);
        return Long.toHexString(crc.getValue());
    }

    /** Adds each type's class file to {@code crc}, or its name where the class file can't be read. */
    private static void addBytecode(CRC32 crc, Class<?>... types) {
        for (Class<?> type : types) {
            try (InputStream code = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                crc.update(code == null ? type.getName().getBytes(StandardCharsets.UTF_8) : code.readAllBytes());
            } catch (IOException e) {
                crc.update(type.getName().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Buffered little-endian writer that checksums what it writes. */
    private static final class Out {
        private final FileChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32 crc = new CRC32();
        private long written;

        Out(FileChannel channel) {
            this.channel = channel;
        }

        void putInt(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void raw(byte[] a) throws IOException {
            for (int off = 0; off < a.length; ) {
                room(1);
                int k = Math.min(buf.remaining(), a.length - off);
                buf.put(a, off, k);
                off += k;
            }
        }

        void bytes(byte[] a) throws IOException {
            putInt(a.length);
            raw(a);
        }

        void ints(int[] a) throws IOException {
            putInt(a.length);
            for (int off = 0; off < a.length; ) {
                room(4);
                int k = Math.min(buf.remaining() / 4, a.length - off);
                buf.asIntBuffer().put(a, off, k);
                buf.position(buf.position() + 4 * k);
                off += k;
            }
        }

        void floats(float[] a) throws IOException {
            putInt(a.length);
            for (int off = 0; off < a.length; ) {
                room(4);
                int k = Math.min(buf.remaining() / 4, a.length - off);
                buf.asFloatBuffer().put(a, off, k);
                buf.position(buf.position() + 4 * k);
                off += k;
            }
        }

        void chars(char[] a) throws IOException {
            putInt(a.length);
            for (int off = 0; off < a.length; ) {
                room(2);
                int k = Math.min(buf.remaining() / 2, a.length - off);
                buf.asCharBuffer().put(a, off, k);
                buf.position(buf.position() + 2 * k);
                off += k;
            }
        }

        /** Lengths (-1 for null) then the UTF-8 bytes of all the strings. */
        void strings(String[] a) throws IOException {
            int[] lengths = new int[a.length];
            byte[][] encoded = new byte[a.length][];
            long total = 0;
            for (int i = 0; i < a.length; i++) {
                encoded[i] = a[i] == null ? null : a[i].getBytes(StandardCharsets.UTF_8);
                lengths[i] = a[i] == null ? -1 : encoded[i].length;
                total += Math.max(0, lengths[i]);
            }
            ints(lengths);
            putLongCount(total);
            for (byte[] e : encoded) {
                if (e != null) {
                    raw(e);
                }
            }
        }

        private void putLongCount(long v) throws IOException {
            room(8);
            buf.putLong(v);
        }

        /** Writes the buffer out and the trailer: the length written and its checksum. */
        void finish() throws IOException {
            drain();
            long body = written;
            int sum = (int) crc.getValue();
            buf.putLong(body).putInt(sum);
            buf.flip();
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        }

        private void room(int bytes) throws IOException {
            if (buf.remaining() < bytes) {
                drain();
            }
        }

        private void drain() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            written += buf.remaining();
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            buf.clear();
        }
    }

    /** Buffered little-endian reader of the first {@code length} bytes of a file, checksumming them. */
    private static final class In {
        private final FileChannel channel;
        private final ByteBuffer buf =
                ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN).limit(0);
        private final CRC32 crc = new CRC32();
        /** Bytes of the body not read from the channel yet. */
        private long left;

        In(FileChannel channel, long length) {
            this.channel = channel;
            this.left = length;
        }

        int getInt() throws IOException {
            need(4);
            return buf.getInt();
        }

        byte[] raw(int length) throws IOException {
            byte[] a = new byte[length];
            for (int off = 0; off < length; ) {
                need(1);
                int k = Math.min(buf.remaining(), length - off);
                buf.get(a, off, k);
                off += k;
            }
            return a;
        }

        byte[] bytes() throws IOException {
            return raw(count(1));
        }

        int[] ints() throws IOException {
            int[] a = new int[count(4)];
            for (int off = 0; off < a.length; ) {
                need(4);
                int k = Math.min(buf.remaining() / 4, a.length - off);
                buf.asIntBuffer().get(a, off, k);
                buf.position(buf.position() + 4 * k);
                off += k;
            }
            return a;
        }

        float[] floats() throws IOException {
            float[] a = new float[count(4)];
            for (int off = 0; off < a.length; ) {
                need(4);
                int k = Math.min(buf.remaining() / 4, a.length - off);
                buf.asFloatBuffer().get(a, off, k);
                buf.position(buf.position() + 4 * k);
                off += k;
            }
            return a;
        }

        char[] chars() throws IOException {
            char[] a = new char[count(2)];
            for (int off = 0; off < a.length; ) {
                need(2);
                int k = Math.min(buf.remaining() / 2, a.length - off);
                buf.asCharBuffer().get(a, off, k);
                buf.position(buf.position() + 2 * k);
                off += k;
            }
            return a;
        }

        String[] strings() throws IOException {
            int[] lengths = ints();
            need(8);
            long total = buf.getLong();
            if (total < 0 || total > remaining()) {
                throw new SnapshotFormatException("damaged snapshot: a length runs past the end");
            }
            byte[] all = raw((int) total);
            String[] out = new String[lengths.length];
            int at = 0;
            for (int i = 0; i < lengths.length; i++) {
                if (lengths[i] >= 0) {
                    out[i] = new String(all, at, lengths[i], StandardCharsets.UTF_8);
                    at += lengths[i];
                }
            }
            return out;
        }

        boolean atEnd() {
            return left == 0 && !buf.hasRemaining();
        }

        int crc() {
            return (int) crc.getValue();
        }

        private long remaining() {
            return buf.remaining() + left;
        }

        /** Reads an element count and checks that the elements can be in what is left of the file. */
        private int count(int size) throws IOException {
            int count = getInt();
            if (count < 0 || (long) count * size > remaining()) {
                throw new SnapshotFormatException("damaged snapshot: a length runs past the end");
            }
            return count;
        }

        /** Makes at least {@code bytes} bytes available in the buffer. */
        private void need(int bytes) throws IOException {
            if (buf.remaining() >= bytes) {
                return;
            }
            buf.compact();
            while (buf.position() < bytes) {
                if (left == 0) {
                    throw new SnapshotFormatException("truncated snapshot");
                }
                int from = buf.position();
                buf.limit((int) Math.min(buf.capacity(), from + left));
                int read = channel.read(buf);
                if (read < 0) {
                    throw new SnapshotFormatException("truncated snapshot");
                }
                crc.update(buf.duplicate().limit(buf.position()).position(from));
                left -= read;
            }
            buf.flip();
        }
    }
}
