package io.chatda.replica;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** A puller's counts, registered in {@code /metrics}: installs, copies, failures by reason, generation and lag. */
final class PullMetrics {

    private final Clock clock;
    private final Supplier<SnapshotManifest> installed;
    private final AtomicLong installs = new AtomicLong();
    private final AtomicLong filesCopied = new AtomicLong();
    private final AtomicLong bytesCopied = new AtomicLong();
    private final Map<PullFailure, AtomicLong> failures = new EnumMap<>(PullFailure.class);

    PullMetrics(Clock clock, Supplier<SnapshotManifest> installed) {
        this.clock = clock;
        this.installed = installed;
        for (PullFailure f : PullFailure.values()) {
            failures.put(f, new AtomicLong());
        }
    }

    void installed(int files, long bytes) {
        installs.incrementAndGet();
        filesCopied.addAndGet(files);
        bytesCopied.addAndGet(bytes);
    }

    void failed(PullFailure failure) {
        failures.get(failure).incrementAndGet();
    }

    void bindTo(MeterRegistry registry) {
        Gauge.builder("chatda.replica.generation", this, m -> generation())
                .tag("role", "replica")
                .description("snapshot generation served (0: none yet)")
                .register(registry);
        Gauge.builder("chatda.replica.lag", this, PullMetrics::lagSeconds)
                .baseUnit("seconds")
                .description("time since the served snapshot was published (NaN: none yet)")
                .register(registry);
        FunctionCounter.builder("chatda.replica.installs", installs, AtomicLong::get)
                .description("snapshots installed")
                .register(registry);
        FunctionCounter.builder("chatda.replica.copied.files", filesCopied, AtomicLong::get)
                .description("files copied from the indexer")
                .register(registry);
        FunctionCounter.builder("chatda.replica.copied", bytesCopied, AtomicLong::get)
                .baseUnit("bytes")
                .description("bytes copied from the indexer")
                .register(registry);
        failures.forEach(
                (failure, count) -> FunctionCounter.builder("chatda.replica.pull.failures", count, AtomicLong::get)
                        .tag("reason", failure.tag())
                        .description("pulls that failed, by reason")
                        .register(registry));
    }

    private double generation() {
        SnapshotManifest current = installed.get();
        return current == null ? 0 : current.generation();
    }

    private double lagSeconds() {
        SnapshotManifest current = installed.get();
        return current == null ? Double.NaN : (clock.millis() - current.publishedAtMillis()) / 1000.0;
    }
}
