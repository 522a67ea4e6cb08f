package io.chatda.bench.suggest;

import io.chatda.app.SuggestionSources;
import io.chatda.hangul.Choseong;
import io.chatda.hangul.Jamo;
import io.chatda.hangul.KeyboardLayout;
import io.chatda.search.SearchIndex;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.Suggestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Typed input against real corpora (issue 17): from each index's own suggestion candidates (the app's
 * {@link SuggestionSources#entries}, no query log) it draws target words, phrases and titles and types them as people
 * do: IME states (whole syllables, a syllable cut mid-way), initials, the English keyboard layout, one jamo or letter
 * mistyped, the second word of a phrase, English prefixes. Each input succeeds when its target is in the top 10.
 * chatda's {@link CompletionIndex} and Lucene's {@link AnalyzingInfixSuggester} and {@link FuzzySuggester}
 * (StandardAnalyzer, as in {@link SuggestCompare}) get the same candidates, weights scaled by 1,000, in the same run.
 *
 * <pre>
 * java -cp ... io.chatda.bench.suggest.TypedInputEval name=dataDir [name=dataDir...]
 * </pre>
 * {@code bench/scripts/suggest-typed.sh} imports the corpora and runs it.
 */
public final class TypedInputEval {

    private static final int TOP = 10;
    private static final long SEED = 42;

    /** One typed input and the text it should reach. */
    record Input(String kind, String typed, String target) {}

    private interface Engine {
        List<String> top(String typed) throws IOException;
    }

    private TypedInputEval() {}

    public static void main(String[] args) throws Exception {
        Map<String, int[]> total = new LinkedHashMap<>();
        for (String arg : args) {
            String name = arg.substring(0, arg.indexOf('='));
            Path data = Path.of(arg.substring(arg.indexOf('=') + 1));
            List<SuggestEntry> entries;
            int pages;
            long t = System.nanoTime();
            try (SearchIndex index = SearchIndex.openReadOnly(data.resolve("index"))) {
                pages = index.size();
                entries = SuggestionSources.entries(index, List.of());
            }
            long sourcesMillis = (System.nanoTime() - t) / 1_000_000;
            t = System.nanoTime();
            CompletionIndex built = CompletionIndex.build(entries);
            long buildMillis = (System.nanoTime() - t) / 1_000_000;
            Map<SuggestEntry.Kind, Integer> perKind = new java.util.EnumMap<>(SuggestEntry.Kind.class);
            entries.forEach(e -> perKind.merge(e.kind(), 1, Integer::sum));
            List<Input> inputs = inputs(entries, new Random(SEED));
            System.out.printf(
                    "%n== %s: %,d pages, %,d candidates %s -> %,d entries; sources read in %,d ms, index built in %,d ms,"
                            + " %.1f B/entry in arrays; %d inputs%n",
                    name,
                    pages,
                    entries.size(),
                    perKind,
                    built.size(),
                    sourcesMillis,
                    buildMillis,
                    (double) built.memoryBytes() / built.size(),
                    inputs.size());
            evaluate(name, entries, inputs, total);
        }
        System.out.printf("%n== all corpora%n");
        total.forEach((k, v) -> System.out.printf("  %-40s %4d/%4d  %5.1f %%%n", k, v[0], v[1], 100.0 * v[0] / v[1]));
    }

    private static void evaluate(
            String corpus, List<SuggestEntry> entries, List<Input> inputs, Map<String, int[]> total)
            throws IOException {
        Path tmp = Files.createTempDirectory("suggest-typed");
        try {
            CompletionIndex chatda = CompletionIndex.build(entries);
            Analyzer analyzer = new StandardAnalyzer();
            AnalyzingInfixSuggester infix = new AnalyzingInfixSuggester(
                    FSDirectory.open(tmp.resolve("infix")),
                    analyzer,
                    analyzer,
                    AnalyzingInfixSuggester.DEFAULT_MIN_PREFIX_CHARS,
                    true);
            infix.build(new LuceneEntries(entries, 1000, true));
            FuzzySuggester fuzzy = new FuzzySuggester(
                    FSDirectory.open(tmp),
                    "fuzzy",
                    analyzer,
                    analyzer,
                    FuzzySuggester.EXACT_FIRST | FuzzySuggester.PRESERVE_SEP,
                    256,
                    -1,
                    true,
                    FuzzySuggester.DEFAULT_MAX_EDITS,
                    FuzzySuggester.DEFAULT_TRANSPOSITIONS,
                    FuzzySuggester.DEFAULT_NON_FUZZY_PREFIX,
                    FuzzySuggester.DEFAULT_MIN_FUZZY_LENGTH,
                    true);
            fuzzy.build(new LuceneEntries(entries, 1000, true));
            Map<String, Engine> engines = new LinkedHashMap<>();
            engines.put(
                    "chatda",
                    q -> chatda.suggest(q, TOP).stream().map(Suggestion::text).toList());
            engines.put("Lucene AnalyzingInfix", q -> texts(infix.lookup(q, (Set<BytesRef>) null, TOP, true, false)));
            engines.put("Lucene Fuzzy", q -> texts(fuzzy.lookup(q, false, TOP)));
            Set<String> kinds = new LinkedHashSet<>();
            inputs.forEach(i -> kinds.add(i.kind()));
            System.out.printf("  %-22s %s%n", "kind (n)", String.join("  ", engines.keySet()));
            Map<String, int[]> all = new LinkedHashMap<>();
            List<String> misses = new ArrayList<>();
            for (String kind : kinds) {
                List<Input> ofKind =
                        inputs.stream().filter(i -> i.kind().equals(kind)).toList();
                StringBuilder line = new StringBuilder(String.format("  %-22s", kind + " (" + ofKind.size() + ")"));
                for (Map.Entry<String, Engine> engine : engines.entrySet()) {
                    int hits = 0;
                    for (Input in : ofKind) {
                        boolean hit = found(engine.getValue().top(in.typed()), in.target());
                        hits += hit ? 1 : 0;
                        if (!hit && engine.getKey().equals("chatda")) {
                            misses.add(in.kind() + ": " + in.typed() + " -> " + in.target());
                        }
                    }
                    all.computeIfAbsent(engine.getKey(), k -> new int[2])[0] += hits;
                    all.get(engine.getKey())[1] += ofKind.size();
                    total.computeIfAbsent(engine.getKey(), k -> new int[2])[0] += hits;
                    total.get(engine.getKey())[1] += ofKind.size();
                    line.append(String.format("  %5.1f %%", 100.0 * hits / ofKind.size()));
                }
                System.out.println(line);
            }
            all.forEach((k, v) ->
                    System.out.printf("  success@10 %-24s %4d/%4d  %5.1f %%%n", k, v[0], v[1], 100.0 * v[0] / v[1]));
            misses.stream().limit(15).forEach(m -> System.out.println("    chatda miss  " + m));
            infix.close();
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean found(List<String> top, String target) {
        return top.stream().anyMatch(t -> t.strip().equalsIgnoreCase(target.strip()));
    }

    /** The inputs typed for targets drawn from {@code entries}, deterministically. */
    static List<Input> inputs(List<SuggestEntry> entries, Random random) {
        List<String> korean = new ArrayList<>();
        List<String> english = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        double common = io.chatda.suggest.Vocabulary.WORD_WEIGHT * 1.5; // in two documents or more
        for (SuggestEntry e : entries) {
            String t = e.text();
            if (e.kind() == SuggestEntry.Kind.WORD && e.weight() >= common && t.matches("[가-힣]{3,8}")) {
                korean.add(t);
            } else if (e.kind() == SuggestEntry.Kind.WORD && e.weight() >= common && t.matches("[a-z]{6,16}")) {
                english.add(t);
            } else if (e.kind() == SuggestEntry.Kind.PHRASE
                    && t.matches("[가-힣]{2,8} [가-힣]{2,8}|[a-z]{3,12} [a-z]{3,12}")) {
                phrases.add(t);
            } else if (e.kind() == SuggestEntry.Kind.TITLE && t.matches("[가-힣]{3,}.*")) {
                titles.add(t);
            }
        }
        List<Input> out = new ArrayList<>();
        for (String w : sample(korean, 40, random)) {
            String keys = Jamo.disassemble(w);
            int syllables = w.length();
            out.add(new Input("IME, whole syllables", w.substring(0, Math.max(2, (syllables + 1) / 2)), w));
            int cut = Math.max(3, keys.length() * 2 / 3);
            if (cut < keys.length()) {
                out.add(new Input("IME, cut mid-syllable", Jamo.assemble(keys.substring(0, cut)), w));
            }
            out.add(new Input("initials", Choseong.of(w.substring(0, Math.min(3, syllables))), w));
            out.add(new Input("English layout", KeyboardLayout.toQwerty(w.substring(0, Math.min(3, syllables))), w));
            String head = Jamo.disassemble(w.substring(0, Math.min(3, syllables)));
            out.add(new Input("one jamo mistyped", Jamo.assemble(mistype(head, random)), w));
        }
        for (String w : sample(english, 20, random)) {
            out.add(new Input("English prefix", w.substring(0, Math.max(3, w.length() * 3 / 5)), w));
            out.add(new Input("English typo", mistype(w.substring(0, Math.max(5, w.length() * 3 / 4)), random), w));
        }
        for (String p : sample(phrases, 30, random)) {
            String second = p.substring(p.indexOf(' ') + 1);
            int typed = second.charAt(0) >= 0xAC00 ? 1 : 2;
            out.add(new Input("second word", p.substring(0, p.indexOf(' ') + 1) + second.substring(0, typed), p));
        }
        for (String t : sample(titles, 20, random)) {
            out.add(new Input(
                    "title, IME state", Jamo.assemble(Jamo.disassemble(t).substring(0, 5)), t));
            out.add(new Input("title, initials", Choseong.of(t.substring(0, 3)), t));
        }
        return out;
    }

    private static final String VOWELS = "ㅐㅔㅓㅗㅜㅡㅣㅏ";

    /** One unit after the first replaced by a neighbour: a vowel by a similar vowel, a letter by the next letter. */
    static String mistype(String units, Random random) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 1; i < units.length(); i++) {
            char c = units.charAt(i);
            if (VOWELS.indexOf(c) >= 0 || (c >= 'a' && c <= 'z')) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return units;
        }
        int at = positions.get(random.nextInt(positions.size()));
        char c = units.charAt(at);
        int v = VOWELS.indexOf(c);
        char to = v >= 0 ? VOWELS.charAt(v ^ 1) : (char) (c == 'z' ? 'y' : c + 1);
        return units.substring(0, at) + to + units.substring(at + 1);
    }

    private static List<String> sample(List<String> from, int n, Random random) {
        List<String> copy = new ArrayList<>(new LinkedHashSet<>(from));
        copy.sort(Comparator.naturalOrder());
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private static List<String> texts(List<Lookup.LookupResult> results) {
        return results.stream().map(r -> r.key.toString()).toList();
    }
}
