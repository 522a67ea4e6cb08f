package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small index becomes one segment when asked, however many commits and writer threads made it. */
class SegmentMergeTest {

    @TempDir
    Path dir;

    @Test
    void aSmallIndexIsMergedIntoOneSegmentKeepingItsCommitData() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir)) {
            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 100; i++) {
                    String url = "u:" + batch + ":" + i;
                    index.upsert(new SearchDocument(url, "page " + i, List.of(), "deadlock " + i, "demo", "en"));
                }
                index.commit(Map.of("batch", String.valueOf(batch)));
            }
            assertThat(index.mergeIfSmall()).isTrue();
            assertThat(index.mergeIfSmall()).as("already one segment").isFalse();
            assertThat(index.search("deadlock", 1, 10).totalHits()).isEqualTo(300);
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            assertThat(reader.leaves()).hasSize(1);
            assertThat(reader.numDocs()).isEqualTo(300);
            assertThat(reader.getIndexCommit().getUserData()).containsEntry("batch", "2");
        }
    }
}
