package io.chatda.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures of the work that runs off the request path, so none is silent: each is logged with its stack
 * trace and counted per task, in {@code /metrics} as {@code chatda_background_failures_total{task=...}}.
 * The task itself carries on (its schedule, its loop); this class only makes the failure seen.
 */
final class BackgroundFailures implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(BackgroundFailures.class);

    /** The background work that can fail, with its {@code task} tag. */
    enum Task {
        SUGGEST_REBUILD("suggest-rebuild"),
        CRAWL_WORKER("crawl-worker");

        final String tag;

        Task(String tag) {
            this.tag = tag;
        }
    }

    private final Map<Task, AtomicLong> counts = new EnumMap<>(Task.class);

    BackgroundFailures() {
        for (Task task : Task.values()) {
            counts.put(task, new AtomicLong());
        }
    }

    /** Logs {@code failure} of {@code task} with its stack trace, then counts it (so what is counted was logged). */
    void record(Task task, Throwable failure) {
        log.error("background task {} failed", task.tag, failure);
        counts.get(task).incrementAndGet();
    }

    /** Failures of {@code task} so far. */
    long count(Task task) {
        return counts.get(task).get();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counts.forEach((task, count) -> FunctionCounter.builder("chatda.background.failures", count, AtomicLong::get)
                .tag("task", task.tag)
                .description("failures of background work (logged with their stack trace; the work carries on)")
                .register(registry));
    }
}
