package io.chatda.bench.suggest;

import io.chatda.hangul.Choseong;
import io.chatda.hangul.Jamo;
import io.chatda.hangul.KeyboardLayout;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.Suggestion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookup latency of the completion engine over a 1,000,000-entry dictionary, all matching modes on,
 * single-threaded, with a query stream of IME states, choseong, wrong-layout and one-typo inputs.
 * The dictionary is built from real word lists: wamerican ({@code /usr/share/dict/american-english})
 * and, if installed, hunspell-ko ({@code /usr/share/hunspell/ko.dic}); single words plus two-word
 * phrases of them, with Zipf-like weights. Setup prints the build time, heap bytes per entry and
 * how many queries of each kind find their expected entry in the top 10. Run (see docs/performance.md):
 *
 * <pre>
 * java -cp bench/target/classes:$(cat /tmp/bench.cp) org.openjdk.jmh.Main SuggestBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx3g"})
public class SuggestBench {

    static final int ENTRIES = 1_000_000;

    CompletionIndex index;
    /** The candidates the index was built from (read by SuggestCompare). */
    List<SuggestEntry> entries;

    String[] queries;
    /** The entry each query was made from, parallel to {@link #queries}. */
    String[] targets;

    private int next;

    @Setup(Level.Trial)
    public void build() throws IOException {
        List<String> english = words(Path.of("/usr/share/dict/american-english"));
        List<String> korean = words(Path.of("/usr/share/hunspell/ko.dic"));
        if (korean.isEmpty()) {
            korean = syntheticKorean(english.size());
        }
        Random random = new Random(42);
        List<SuggestEntry> entries = new ArrayList<>(ENTRIES);
        List<String> all = new ArrayList<>(english);
        all.addAll(korean);
        for (String w : all) {
            entries.add(new SuggestEntry(w, weight(random), SuggestEntry.Kind.TOPIC, ""));
        }
        while (entries.size() < ENTRIES) {
            List<String> lang = random.nextBoolean() ? english : korean;
            String phrase = lang.get(random.nextInt(lang.size())) + " " + lang.get(random.nextInt(lang.size()));
            entries.add(new SuggestEntry(phrase, weight(random), SuggestEntry.Kind.QUERY, ""));
        }
        this.entries = entries;
        System.gc();
        long before = usedHeap();
        long start = System.nanoTime();
        index = CompletionIndex.build(entries);
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long after = usedHeap();
        System.out.printf(
                "%nbuild: %d candidates -> %d entries in %d ms; arrays %.1f bytes/entry; heap delta %.1f bytes/entry%n",
                entries.size(),
                index.size(),
                buildMillis,
                (double) index.memoryBytes() / index.size(),
                (double) (after - before) / index.size());
        queries = queries(random, korean, english, entries);
    }

    private String[] queries(Random random, List<String> korean, List<String> english, List<SuggestEntry> entries) {
        List<String> out = new ArrayList<>();
        List<String> made = new ArrayList<>();
        int[] found = new int[4];
        int[] asked = new int[4];
        for (int i = 0; i < 2000; i++) {
            String target = entries.get(random.nextInt(entries.size())).text();
            boolean hangul = target.chars().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
            String keys = Jamo.disassemble(target);
            String q;
            int kind = i % 4;
            if (kind == 0) { // IME state: a key-sequence prefix, as the input method shows it
                q = Jamo.assemble(keys.substring(0, Math.max(1, Math.min(keys.length(), 2 + random.nextInt(8)))));
            } else if (kind == 1 && hangul) { // choseong of the first syllables
                String cho = Choseong.of(target).replace(" ", "");
                q = cho.substring(0, Math.min(cho.length(), 2 + random.nextInt(3)));
            } else if (kind == 2) { // wrong keyboard layout
                String prefix = target.substring(0, Math.min(target.length(), 3 + random.nextInt(4)));
                q = hangul ? KeyboardLayout.toQwerty(prefix) : KeyboardLayout.toHangul(prefix);
            } else { // one typo (substituted unit, not the first) in a prefix of at least 5 units
                String prefix = keys.substring(0, Math.min(keys.length(), 5 + random.nextInt(4)));
                if (prefix.length() < 5) {
                    q = prefix;
                } else {
                    int at = 1 + random.nextInt(prefix.length() - 1);
                    char sub = hangul ? 'ㅇ' : 'x';
                    q = Jamo.assemble(prefix.substring(0, at) + sub + prefix.substring(at + 1));
                }
            }
            out.add(q);
            made.add(target);
            asked[kind]++;
            final String t = target;
            if (index.suggest(q, 10).stream().map(Suggestion::text).anyMatch(t::equals)) {
                found[kind]++;
            }
        }
        System.out.printf(
                "expected entry in top 10: IME %d/%d, choseong %d/%d, layout %d/%d, typo %d/%d%n",
                found[0], asked[0], found[1], asked[1], found[2], asked[2], found[3], asked[3]);
        targets = made.toArray(String[]::new);
        return out.toArray(String[]::new);
    }

    @Benchmark
    public List<Suggestion> lookup() {
        String q = queries[next++ % queries.length];
        return index.suggest(q, 10);
    }

    private static double weight(Random random) {
        return Math.floor(1000.0 / (1 + random.nextInt(1000)));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static List<String> words(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            // ko.dic spells Hangul as conjoining jamo (NFD); titles and typed text are NFC
            String w = Normalizer.normalize(line.split("/", 2)[0].strip(), Normalizer.Form.NFC);
            if (!w.isEmpty() && !w.chars().allMatch(Character::isDigit) && !w.contains("'")) {
                out.add(w);
            }
        }
        return out;
    }

    /** Korean-looking words when hunspell-ko is missing: frequent syllables combined. */
    private static List<String> syntheticKorean(int n) {
        String syllables = "가나다라마바사아자차카타파하검색엔진교착상태데이터베이스서버네트워크프로그램개발자운영체제";
        Random random = new Random(7);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            for (int k = 2 + random.nextInt(3); k > 0; k--) {
                w.append(syllables.charAt(random.nextInt(syllables.length())));
            }
            out.add(w.toString());
        }
        return out;
    }
}
