package io.chatda.bench.suggest;

import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@link Vocabulary} at the scale of a 100,000-page crawl, without the crawl: pages of Zipf-distributed words
 * (wamerican and hunspell-ko, half Korean words with a particle), time to count and build, entries, heap after, and
 * the engine's build over the result. Measures the vocabulary pass only; reading the stored texts of a real index
 * comes on top ({@link TypedInputEval} reports both on real corpora).
 *
 * <pre>
 * java -Xmx3g -cp ... io.chatda.bench.suggest.VocabularyScale [pages] [wordsPerPage]
 * </pre>
 */
public final class VocabularyScale {

    private static final String[] PARTICLES = {"", "", "", "을", "를", "이", "가", "은", "는", "의", "에서", "으로", "하는"};

    private VocabularyScale() {}

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perPage = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<String> english = words(Path.of("/usr/share/dict/american-english"));
        List<String> korean = words(Path.of("/usr/share/hunspell/ko.dic"));
        Random random = new Random(42);
        Vocabulary vocabulary = new Vocabulary();
        long start = System.nanoTime();
        StringBuilder page = new StringBuilder();
        for (int p = 0; p < pages; p++) {
            page.setLength(0);
            for (int w = 0; w < perPage; w++) {
                boolean ko = random.nextBoolean();
                List<String> lexicon = ko ? korean : english;
                page.append(lexicon.get(zipf(random, lexicon.size())));
                if (ko) {
                    page.append(PARTICLES[random.nextInt(PARTICLES.length)]);
                }
                page.append(random.nextInt(12) == 0 ? ". " : " ");
            }
            vocabulary.add("site" + (p % 20), List.of(page.toString()));
        }
        long counted = System.nanoTime();
        List<SuggestEntry> entries = vocabulary.build().entries();
        long built = System.nanoTime();
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long words =
                entries.stream().filter(e -> e.kind() == SuggestEntry.Kind.WORD).count();
        long t = System.nanoTime();
        CompletionIndex index = CompletionIndex.build(entries);
        long indexed = System.nanoTime() - t;
        System.out.printf(
                "%,d pages x %d words (20 sites): counted in %,d ms, vocabulary built in %,d ms; %,d words + %,d phrases;"
                        + " heap after (vocabulary and entries live) %,d MB; engine build %,d ms, %,d entries, %.1f B/entry%n",
                pages,
                perPage,
                (counted - start) / 1_000_000,
                (built - counted) / 1_000_000,
                words,
                entries.size() - words,
                heap >> 20,
                indexed / 1_000_000,
                index.size(),
                (double) index.memoryBytes() / index.size());
    }

    /** A rank in [0, n) with probability about 1 / (rank + 1). */
    private static int zipf(Random random, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(n + 1.0)) - 1));
    }

    private static List<String> words(Path file) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String w = Normalizer.normalize(line.split("/", 2)[0].strip(), Normalizer.Form.NFC);
            if (w.length() >= 2 && w.chars().allMatch(Character::isLetter)) {
                out.add(w);
            }
        }
        return out;
    }
}
