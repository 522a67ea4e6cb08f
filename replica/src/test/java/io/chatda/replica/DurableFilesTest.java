package io.chatda.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

    @TempDir
    Path dir;

    /**
     * A commit point being copied in sits in the index directory under its temporary name while the replica's
     * searchers refresh. Named {@code segments_N} plus a suffix, Lucene took it for a commit and failed to parse
     * its generation, and a search answered 500.
     */
    @Test
    void aCommitPointBeingWrittenIsInvisibleToReadersOfTheIndex() throws Exception {
        try (FSDirectory index = FSDirectory.open(dir)) {
            try (IndexWriter writer = new IndexWriter(index, new IndexWriterConfig(new StandardAnalyzer()))) {
                Document doc = new Document();
                doc.add(new StringField("id", "1", Field.Store.NO));
                writer.addDocument(doc);
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(index)) {
                Files.write(DurableFiles.temporary(dir.resolve("segments_9")), new byte[] {1, 2, 3});

                assertThat(DirectoryReader.openIfChanged(reader)).isNull();
                try (DirectoryReader again = DirectoryReader.open(index)) {
                    assertThat(again.numDocs()).isEqualTo(1);
                }
            }
        }
        assertThat(SnapshotFile.isValidName(DurableFiles.temporary(dir.resolve("segments_9"))
                        .getFileName()
                        .toString()))
                .as("never a snapshot file's name")
                .isFalse();
    }
}
