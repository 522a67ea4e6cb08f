package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.WebClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 item 9: a damaged crawl.db takes the crawl jobs down, not search; one of a newer chatda is left alone. */
class DamagedCrawlStoreTest {

    @TempDir
    Path dir;

    @Test
    void searchIsServedAndTheDamageIsReported() throws Exception {
        DataDirectory data = new DataDirectory(dir).create();
        PrintWriter quiet = new PrintWriter(new StringWriter());
        Library library = Library.open(data);
        DemoCorpus.bundled().importInto(library, data, quiet, quiet);
        Files.write(
                data.crawlStore(),
                "this is not an SQLite database, it is what a bad disk left"
                        .repeat(100)
                        .getBytes());
        ServeOptions options = new ServeOptions();
        options.searchRate = "off";
        options.suggestRate = "off";
        options.adminRate = "off";
        options.adminToken = "k3Jx9-Qw7Lm2Zp4V";
        StringWriter out = new StringWriter();
        try (Serving serving = Serving.start(library, data, 0, options, new PrintWriter(out, true))) {
            WebClient client = WebClient.of("http://127.0.0.1:" + serving.port());
            assertThat(client.get("/api/search?q=deadlock")
                            .aggregate()
                            .join()
                            .status()
                            .code())
                    .isEqualTo(200);
            assertThat(client.get("/ready").aggregate().join().status().code()).isEqualTo(200);
            assertThat(client.get("/api/admin/crawl/1")
                            .aggregate()
                            .join()
                            .status()
                            .code())
                    .isEqualTo(404);
        }
        assertThat(out.toString()).contains("crawl jobs unavailable").contains("crawl.db");
    }

    @Test
    void aCrawlStoreOfANewerSchemaIsAOneLineErrorAndStaysAsItWas() throws Exception {
        DataDirectory data = new DataDirectory(dir).create();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.crawlStore());
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 7");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "status", "--data", dir.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .startsWith("chatda status: crawl store " + data.crawlStore())
                .contains("schema version 7, newer than this chatda knows (2)");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.crawlStore());
                Statement s = c.createStatement();
                var rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
    }
}
