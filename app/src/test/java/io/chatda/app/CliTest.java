package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it: real files, a real index in a temporary data directory. */
class CliTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run chatda(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void importMakesOneSearchableDocumentPerMarkdownSection() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.md"), """
                # 프로세스와 스레드

                프로세스는 독립된 메모리 공간을 가진다. 스레드는 그 안에서 실행 흐름을 나눈다.

                ---

                # 교착상태

                두 스레드가 서로의 락을 기다리며 멈추는 상황을 deadlock 이라고 한다.

                ---

                # Closures

                A closure captures variables from the scope where it was defined.
                """);
        String data = dir.resolve("data").toString();

        Run imported = chatda("import", notes.toString(), "--data", data);

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 1 files: 3 documents indexed, 0 skipped; index holds 3");
        Run deadlock = chatda("search", "--data", data, "교착상태");
        assertThat(deadlock.exit()).isZero();
        assertThat(deadlock.out())
                .contains("1 results")
                .contains("notes.md#교착상태")
                .contains("*교착*");
        Run closures = chatda("search", "--data", data, "closure");
        assertThat(closures.out()).contains("1 results").contains("notes.md#closures");
        Run suggest = chatda("suggest", "--data", data, "교");
        assertThat(suggest.exit()).isZero();
        assertThat(suggest.out()).contains("title    교착상태");
    }

    @Test
    void importWithABaseUrlLinksResultsToWhereTheFilesArePublished() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes").resolve("os"));
        Files.writeString(notes.resolve("locks.md"), "# Locks\n\nmutex zebralock semaphore\n");
        String data = dir.resolve("data").toString();

        Run imported = chatda(
                "import",
                dir.resolve("notes").toString(),
                "--base-url",
                "https://docs.example.com/notes",
                "--data",
                data);

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(chatda("search", "--data", data, "zebralock").out())
                .contains("https://docs.example.com/notes/os/locks.md")
                .doesNotContain("file:");
        Run bad = chatda("import", notes.toString(), "--base-url", "javascript:alert(1)", "--data", data);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--base-url must be an http(s) URL");
    }

    @Test
    void importDoesNotFollowALinkOutOfTheFolderAndSaysSo() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("mine.md"), "# Mine\n\nmy own notes\n");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "Secret\nhunter2 zebrapassword\n");
        Files.createSymbolicLink(notes.resolve("secret.txt"), secret);
        String data = dir.resolve("data").toString();

        Run imported = chatda("import", notes.toString(), "--data", data);

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 1 files: 1 documents indexed, 0 skipped, 1 refused");
        assertThat(imported.err()).contains("refused: ").contains("secret.txt").contains("outside the imported folder");
        assertThat(chatda("search", "--data", data, "zebrapassword").out()).contains("0 results");
    }

    @Test
    void anIndexWithoutItsCommitPointIsReportedNotReplaced() throws Exception {
        Path page = Files.writeString(dir.resolve("page.md"), "# Hash maps\n\nbuckets and hashing\n");
        String data = dir.resolve("data").toString();
        assertThat(chatda("import", page.toString(), "--data", data).exit()).isZero();
        Path index = dir.resolve("data").resolve("index");
        try (var files = Files.list(index)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_"))
                    .toList()) {
                Files.delete(f);
            }
        }
        long before;
        try (var files = Files.list(index)) {
            before = files.count();
        }

        Run again = chatda("import", page.toString(), "--data", data);

        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err().strip().lines()).hasSize(1);
        assertThat(again.err()).contains("no segments_N commit point");
        try (var files = Files.list(index)) {
            assertThat(files.count()).isEqualTo(before); // nothing deleted
        }
    }

    @Test
    void reimportReplacesInsteadOfDuplicating() throws Exception {
        Path page = Files.writeString(dir.resolve("page.md"), "# Hash maps\n\nbuckets and hashing\n");
        String data = dir.resolve("data").toString();
        chatda("import", page.toString(), "--data", data);

        Run again = chatda("import", page.toString(), "--data", data);

        assertThat(again.out()).contains("index holds 1");
    }

    @Test
    void badUsageIsOneLineAndExitCode2() {
        String data = dir.resolve("data").toString();
        for (String[] args : new String[][] {
            {"bogus"},
            {"search"},
            {"import"},
            {"import", dir.resolve("missing.md").toString(), "--data", data},
            {"search", "--data", dir.resolve("empty").toString(), "x"},
            {"demo", "--port", "99999", "--data", data},
            {"search", "--size", "500", "--data", data, "x"},
            {"suggest", "--limit", "x", "--data", data, "y"},
            {"serve", "--port", "0", "--data", data, "--admin-token", "aaaaaaaaaaaaaaaa"},
            {"serve", "--port", "0", "--data", data, "--admin-token", "abababababababab"},
            {"serve", "--port", "0", "--data", data, "--suggest-min-clients", "0"}
        }) {
            Run run = chatda(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void helpAndVersion() {
        for (String command : new String[] {"demo", "serve", "import", "search", "suggest", "version"}) {
            Run help = chatda(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: chatda " + command);
        }
        assertThat(chatda("version").out()).startsWith("chatda ");
    }

    @Test
    void helpWithoutACommandListsThemAllAndHelpOfOneShowsIt() {
        Run all = chatda("--help");
        assertThat(all.exit()).isZero();
        assertThat(all.out())
                .contains(
                        "demo", "serve", "import", "crawl", "search", "suggest", "status", "analyze", "version",
                        "help");
        Run crawl = chatda("help", "crawl");
        assertThat(crawl.exit()).isZero();
        assertThat(crawl.out()).contains("Usage: chatda crawl");
        Run unknown = chatda("crawlz");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("crawlz");
    }
}
