package io.chatda.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Manifests as JSON, and the file names a manifest may carry: never a path. */
class SnapshotManifestTest {

    private static final SnapshotFile SEGMENTS = new SnapshotFile("segments_2", 100, 7, ChecksumKind.LUCENE_FOOTER);
    private static final SnapshotFile SEGMENT = new SnapshotFile("_0.cfs", 1000, 8, ChecksumKind.LUCENE_FOOTER);

    @Test
    void aManifestSurvivesJson() throws IOException {
        SnapshotManifest manifest = new SnapshotManifest(
                3,
                2,
                "segments_2",
                List.of(SEGMENTS, SEGMENT),
                new SnapshotFile(SnapshotManifest.DICTIONARY, 50, 9, ChecksumKind.CRC32),
                1234);

        SnapshotManifest read = SnapshotManifest.parse(manifest.toJson());

        assertThat(read).isEqualTo(manifest);
        assertThat(read.file("_0.cfs")).contains(SEGMENT);
        assertThat(read.file(SnapshotManifest.DICTIONARY)).isPresent();
        assertThat(read.file("../_0.cfs")).isEmpty();
    }

    @Test
    void namesThatArePathsOrHiddenAreRefused() {
        for (String name :
                List.of("../segments_2", "/etc/passwd", "a/b", "a\\b", "..", ".", ".hidden", "", "x y", "세그먼트")) {
            assertThat(SnapshotFile.isValidName(name)).as(name).isFalse();
            assertThatThrownBy(() -> new SnapshotFile(name, 1, 1, ChecksumKind.CRC32))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SnapshotFile.isValidName("_0_Lucene99_0.tip")).isTrue();
        assertThat(SnapshotFile.isValidName("segments_a")).isTrue();
    }

    @Test
    void aManifestNamingAPathOrLackingItsCommitPointIsNotAManifest() {
        String traversal = "{\"generation\":1,\"indexGeneration\":1,\"segmentsFile\":\"segments_1\",\"files\":["
                + "{\"name\":\"segments_1\",\"length\":1,\"checksum\":1,\"kind\":\"LUCENE_FOOTER\"},"
                + "{\"name\":\"../../etc/cron.d/x\",\"length\":1,\"checksum\":1,\"kind\":\"CRC32\"}],"
                + "\"dictionary\":null,\"publishedAtMillis\":0}";
        String noCommitPoint = "{\"generation\":1,\"indexGeneration\":1,\"segmentsFile\":\"segments_1\",\"files\":[],"
                + "\"dictionary\":null,\"publishedAtMillis\":0}";

        for (String json : List.of(traversal, noCommitPoint, "null", "[]", "{")) {
            assertThatThrownBy(() -> SnapshotManifest.parse(json.getBytes(StandardCharsets.UTF_8)))
                    .as(json)
                    .isInstanceOf(IOException.class);
        }
    }
}
