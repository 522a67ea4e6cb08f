package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 item 2: what a full disk leaves in the query log, and a disk that is still full. */
class QueryLogDamageTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void tornLinesAreSkippedCountedAndTheRestIsKept() throws IOException {
        long now = clock.millis();
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        events.write((now + "\tS\t4\traft\n").getBytes(StandardCharsets.UTF_8));
        events.write((now + "\tS\t4\t").getBytes(StandardCharsets.UTF_8));
        events.write(new byte[] {(byte) 0xea, (byte) 0xb2}); // the first two bytes of 검: cut by a full disk
        events.write('\n');
        events.write((now + "\tS\t2\tpaxos\n").getBytes(StandardCharsets.UTF_8));
        events.write((now + "\tS\t2\tpax").getBytes(StandardCharsets.UTF_8)); // no newline: torn at the end
        Files.write(dir.resolve("events.log"), events.toByteArray());
        ByteArrayOutputStream counts = new ByteArrayOutputStream();
        counts.write((now / (double) QueryLog.DEFAULT_HALF_LIFE.toMillis() + "\t3\tgossip\n")
                .getBytes(StandardCharsets.UTF_8));
        counts.write(new byte[] {'1', '\t', '3', '\t', (byte) 0xff, (byte) 0xfe, '\n'});
        Files.write(dir.resolve("counts.tsv"), counts.toByteArray());

        try (QueryLog log = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock)) {
            assertThat(log.count("raft")).isCloseTo(1.0, within(1e-9));
            assertThat(log.count("paxos")).isCloseTo(1.0, within(1e-9));
            assertThat(log.count("gossip")).isCloseTo(1.0, within(1e-9));
            assertThat(log.damagedLines()).isEqualTo(3);
        }
        // compacted: the damage is gone, what was readable stays
        try (QueryLog log = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock)) {
            assertThat(log.damagedLines()).isZero();
            assertThat(log.count("raft")).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void aFullDiskNeverFailsARecordAndIsCounted() {
        // /dev/full answers every write with ENOSPC, as a full disk does
        try (QueryLog log = QueryLog.open(
                dir,
                QueryLog.DEFAULT_HALF_LIFE,
                clock,
                QueryPolicy.personal(),
                file -> Files.newBufferedWriter(Path.of("/dev/full"), StandardCharsets.UTF_8))) {
            assertThatCode(() -> {
                        log.recordSearch("raft", 3);
                        log.recordSearch("raft", 3);
                        log.recordPick("raft");
                    })
                    .doesNotThrowAnyException();
            log.flushed().join();
            assertThat(log.failedWrites()).isEqualTo(3);
            assertThat(log.count("raft")).isCloseTo(3.0, within(1e-9)); // still counted in memory
        }
    }
}
