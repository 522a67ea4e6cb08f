package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 item 5: an imported folder's links don't lead out of it, and special files are refused. */
class ImportLinksTest {

    private final FileImporter importer = new FileImporter(new HtmlExtractor());

    @TempDir
    Path tmp;

    @Test
    void linksLeavingTheFolderAreNotFollowedAndSaidSo() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("notes"));
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(tmp.resolve("elsewhere/other.md"), "# Other\n\nnot mine\n");
        Files.writeString(root.resolve("a.md"), "# A\n\nmine\n");
        Files.createSymbolicLink(root.resolve("passwd.txt"), outside);
        Files.createSymbolicLink(root.resolve("etc-passwd.txt"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(root.resolve("dir-out"), tmp.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("alias.md"), root.resolve("a.md"));

        FileImporter.Scan scan = importer.scan(root);

        assertThat(scan.files()).extracting(p -> p.getFileName().toString()).containsExactly("a.md", "alias.md");
        assertThat(scan.refused())
                .hasSize(3)
                .anySatisfy(r -> assertThat(r).contains("passwd.txt").contains("outside"))
                .anySatisfy(r -> assertThat(r).contains("etc-passwd.txt").contains("outside"))
                .anySatisfy(r -> assertThat(r).contains("dir-out").contains("outside"));
        assertThat(importer.files(root)).isEqualTo(scan.files());
    }

    @Test
    void specialFilesAreRefusedInAFolderAndByName() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(root.resolve("a.md"), "# A\n\nmine\n");
        Path fifo = root.resolve("pipe.txt");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();

        FileImporter.Scan scan = importer.scan(root);

        assertThat(scan.files()).extracting(p -> p.getFileName().toString()).containsExactly("a.md");
        assertThat(scan.refused())
                .singleElement()
                .asString()
                .contains("pipe.txt")
                .contains("not a regular file");
        // named directly, it is refused rather than read (reading a FIFO would wait forever)
        assertThatThrownBy(() -> importer.read(fifo, "s"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> importer.files(fifo))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not a regular file");
    }
}
