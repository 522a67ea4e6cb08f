package io.chatda.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatda.shared.MissingProgramException;
import io.chatda.shared.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaproxyConfigTest {

    @Test
    void everyReplicaIsAServerCheckedOnReadyAndA503IsNeverRetried() {
        String text = new HaproxyConfig(8080, List.of(9001, 9002, 9003), "/tmp/h.sock").render();
        assertThat(text)
                .contains("bind 127.0.0.1:8080")
                .contains(
                        "server replica-1 127.0.0.1:9001",
                        "server replica-2 127.0.0.1:9002",
                        "server replica-3 127.0.0.1:9003")
                .contains("http-check send meth GET uri /ready", "http-check expect status 200")
                .contains("retry-on conn-failure empty-response junk-response");
        assertThat(text.lines().filter(l -> l.contains("retry-on"))).noneMatch(l -> l.contains("503"));
        assertThat(text).doesNotContain("observe layer7");
    }

    @Test
    void haproxyItselfAcceptsTheConfiguration(@TempDir Path dir) throws Exception {
        Path haproxy;
        try {
            haproxy = Programs.find("haproxy", "haproxy");
        } catch (MissingProgramException e) {
            Assumptions.abort(e.getMessage());
            return;
        }
        Path file = Files.writeString(
                dir.resolve("haproxy.cfg"),
                new HaproxyConfig(
                                18080,
                                List.of(19001, 19002),
                                dir.resolve("h.sock").toString())
                        .render());
        Process check = new ProcessBuilder(haproxy.toString(), "-c", "-f", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor()).as(output).isZero();
    }

    @Test
    void aClusterWithoutReplicasIsRefused() {
        assertThatThrownBy(() -> new HaproxyConfig(8080, List.of(), "/tmp/h.sock"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
