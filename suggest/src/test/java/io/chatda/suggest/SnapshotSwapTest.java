package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Readers keep asking while a writer swaps whole dictionaries: every answer comes from one of them. */
class SnapshotSwapTest {

    private static CompletionIndex dictionary(String tag, int size) {
        List<SuggestEntry> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(new SuggestEntry("검색 " + tag + " " + i, i, SuggestEntry.Kind.QUERY, ""));
        }
        return CompletionIndex.build(entries);
    }

    @Test
    void answersNeverMixTwoDictionaries() throws Exception {
        CompletionIndex a = dictionary("alpha", 2000);
        CompletionIndex b = dictionary("beta", 3000);
        AtomicReference<Suggester> current = new AtomicReference<>(a);
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> problems = ConcurrentHashMap.newKeySet();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Thread> readers = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(3);
        for (int t = 0; t < 3; t++) {
            Thread reader = new Thread(() -> {
                started.countDown();
                while (!stop.get()) {
                    try {
                        List<Suggestion> s = current.get().suggest("검ㅅ", 10);
                        long alpha = s.stream()
                                .filter(x -> x.text().contains("alpha"))
                                .count();
                        if (s.size() != 10 || (alpha != 0 && alpha != 10)) {
                            problems.add("mixed or short: " + s);
                        }
                        seen.add(alpha == 10 ? "alpha" : "beta");
                    } catch (RuntimeException e) {
                        problems.add(e.toString());
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        started.await();
        for (int i = 0; i < 200; i++) {
            current.set(i % 2 == 0 ? b : a);
            Thread.sleep(1);
        }
        stop.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(problems).isEmpty();
        assertThat(seen).containsExactlyInAnyOrder("alpha", "beta");
    }
}
