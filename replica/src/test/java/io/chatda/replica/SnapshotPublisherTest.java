package io.chatda.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import io.chatda.search.TextAnalysis;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.DictionarySnapshot;
import io.chatda.suggest.SuggestEntry;
import io.chatda.testing.MovableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher over a real Lucene index: what a manifest says, which generations it holds, and for how long. */
class SnapshotPublisherTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private SnapshotPublisher publisher;
    private SearchIndex index;

    private Path indexDir() {
        return dir.resolve("index");
    }

    private Path dictionaryFile() {
        return dir.resolve("suggest").resolve("dictionary.bin");
    }

    private void open(Retention retention) throws IOException {
        publisher = new SnapshotPublisher(indexDir(), dictionaryFile(), dir.resolve("replica"), retention, clock);
        index = SearchIndex.open(indexDir(), TextAnalysis.standard(), publisher);
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    private void add(String name) {
        index.upsert(new SearchDocument(
                "file:///" + name + ".md",
                "제목 " + name,
                List.of(),
                "본문 " + name + " 내용",
                "test",
                "ko",
                List.of(),
                List.of(),
                ""));
    }

    private void saveDictionary(String text) throws IOException {
        DictionarySnapshot.save(
                CompletionIndex.build(List.of(new SuggestEntry(text, 1, SuggestEntry.Kind.TITLE, ""))),
                "test",
                dictionaryFile());
    }

    @Test
    void eachCommitIsPublishedWithEveryFileItsLengthAndLuceneFooterChecksum() throws IOException {
        open(Retention.DEFAULT);
        assertThat(publisher.current()).isEmpty();
        saveDictionary("교착상태");
        add("a");
        index.commit(Map.of());

        SnapshotManifest manifest = publisher.current().orElseThrow();
        try (Directory lucene = FSDirectory.open(indexDir())) {
            SegmentInfos commit = SegmentInfos.readLatestCommit(lucene);
            assertThat(manifest.segmentsFile()).isEqualTo(commit.getSegmentsFileName());
            assertThat(manifest.indexGeneration()).isEqualTo(commit.getGeneration());
            assertThat(manifest.files())
                    .extracting(SnapshotFile::name)
                    .containsExactlyInAnyOrderElementsOf(commit.files(true));
            for (SnapshotFile f : manifest.files()) {
                try (IndexInput in = lucene.openInput(f.name(), IOContext.READONCE)) {
                    assertThat(f.kind()).isEqualTo(ChecksumKind.LUCENE_FOOTER);
                    assertThat(f.checksum()).isEqualTo(CodecUtil.checksumEntireFile(in));
                    assertThat(f.length()).isEqualTo(in.length());
                }
            }
        }
        assertThat(manifest.dictionary().kind()).isEqualTo(ChecksumKind.CRC32);
        assertThat(manifest.dictionary().checksum()).isEqualTo(Checksums.crc32(dictionaryFile()));
        assertThat(manifest.dictionary().length()).isEqualTo(Files.size(dictionaryFile()));
        assertThat(SnapshotManifest.parse(manifest.toJson())).isEqualTo(manifest);
    }

    @Test
    void aNewDictionaryIsANewGenerationOfTheSameCommitAndAnUnchangedOneIsNot() throws Exception {
        open(Retention.DEFAULT);
        saveDictionary("하나");
        add("a");
        index.commit(Map.of());
        SnapshotManifest first = publisher.current().orElseThrow();

        assertThat(publisher.publish()).contains(first);
        saveDictionary("둘");
        SnapshotManifest second = publisher.publish().orElseThrow();

        assertThat(second.generation()).isEqualTo(first.generation() + 1);
        assertThat(second.indexGeneration()).isEqualTo(first.indexGeneration());
        assertThat(second.dictionary().checksum())
                .isNotEqualTo(first.dictionary().checksum());
        // the first generation's dictionary is still the one it listed, though the data directory's was replaced
        try (HeldFile held = publisher.open(first.generation(), SnapshotManifest.DICTIONARY)) {
            assertThat(Checksums.crc32(held.path()))
                    .isEqualTo(first.dictionary().checksum());
        }
    }

    @Test
    void generationsKeepGrowingAcrossARestart() throws IOException {
        open(Retention.DEFAULT);
        add("a");
        index.commit(Map.of());
        long before = publisher.generation().orElseThrow();
        close();

        open(Retention.DEFAULT);
        assertThat(publisher.publish().orElseThrow().generation()).isEqualTo(before + 1);
    }

    @Test
    void aCommitStaysOnDiskWhileAFileOfItIsSentAndGoesAfter() throws Exception {
        open(new Retention(0, Duration.ZERO));
        add("a");
        index.commit(Map.of());
        SnapshotManifest first = publisher.current().orElseThrow();
        String segment = first.files().stream()
                .map(SnapshotFile::name)
                .filter(n -> !n.startsWith("segments"))
                .findFirst()
                .orElseThrow();

        HeldFile sending = publisher.open(first.generation(), segment);
        for (String name : List.of("b", "c", "d")) {
            add(name);
            index.delete("file:///a.md");
            index.commit(Map.of());
            index.mergeIfSmall(); // rewrites everything: the first commit's segment is no longer used
        }
        assertThat(publisher.current().orElseThrow().files())
                .extracting(SnapshotFile::name)
                .doesNotContain(segment);
        assertThat(indexDir().resolve(segment)).exists();
        assertThat(Checksums.footer(indexDir().resolve(segment)))
                .isEqualTo(first.file(segment).orElseThrow().checksum());
        publisher.open(first.generation(), segment).close(); // still held: a second reader may start

        sending.close();
        add("e");
        index.commit(Map.of()); // Lucene deletes released commits' files at its next commit

        assertThat(indexDir().resolve(segment)).doesNotExist();
        assertThatThrownBy(() -> publisher.open(first.generation(), segment)).isInstanceOf(SnapshotGoneException.class);
    }

    @Test
    void theLastPublishedCommitsAreHeldForTheGracePeriod() throws Exception {
        open(new Retention(1, Duration.ofMinutes(1)));
        List<SnapshotManifest> published = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            add(name);
            index.commit(Map.of());
            published.add(publisher.current().orElseThrow());
        }
        clock.advance(Duration.ofMinutes(2));
        add("d");
        index.commit(Map.of());

        // the newest superseded one is kept whatever its age, older ones once their grace is over
        SnapshotManifest first = published.get(0);
        SnapshotManifest last = published.get(2);
        publisher.open(last.generation(), last.segmentsFile()).close();
        assertThatThrownBy(() -> publisher.open(first.generation(), first.segmentsFile()))
                .isInstanceOf(SnapshotGoneException.class);
        assertThatThrownBy(() -> publisher.open(last.generation() + 5, last.segmentsFile()))
                .isInstanceOf(UnknownSnapshotFileException.class);
        assertThatThrownBy(() -> publisher.open(last.generation(), "write.lock"))
                .isInstanceOf(UnknownSnapshotFileException.class);
    }

    @Test
    void aLongPollIsAnsweredByTheNextPublication() throws IOException {
        open(Retention.DEFAULT);
        add("a");
        index.commit(Map.of());
        long current = publisher.generation().orElseThrow();
        CompletableFuture<SnapshotManifest> next = publisher.newerThan(current);
        assertThat(next).isNotDone();
        assertThat(publisher.newerThan(current - 1))
                .isCompletedWithValue(publisher.current().orElseThrow());

        add("b");
        index.commit(Map.of());

        assertThat(next).isCompleted();
        assertThat(next.join().generation()).isEqualTo(current + 1);
    }
}
