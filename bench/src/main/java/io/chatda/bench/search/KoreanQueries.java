package io.chatda.bench.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Queries for a page with a Korean title, as Korean users type them:
 * <ul>
 *   <li>{@code title-variant}: the title with one change picked at random among those that apply —
 *       particles stripped ({@code 레이어를 추가} → {@code 레이어 추가}) or, when the title has none, an
 *       object particle (을/를 by the last syllable) added to the word before an action noun of
 *       {@code terms-ko-en.txt} ({@code 레이어 추가하기} → {@code 레이어를 추가하기}) or else to the last
 *       word; one word dropped (titles of 3+ words); the space between two adjacent Hangul words removed
 *       ({@code 레이어 추가하기} → {@code 레이어추가하기}).</li>
 *   <li>{@code remembered}: 2–3 of the page's 6 most salient body words (tf × idf over the corpus;
 *       Hangul, at least two syllables, at least twice on the page, particles and action-noun endings
 *       removed, seen as a noun in the corpus ({@link KoreanWords#nounForms}), no stop words, none of
 *       the title's words), in random order.</li>
 *   <li>{@code mixed}: the page's title variant or remembered query with one word switched language
 *       through {@code terms-ko-en.txt}: a Korean word to its English term, or an English word to its
 *       Korean one (never to a word the query already has). {@code absent} marks those whose new word
 *       is nowhere on the page.</li>
 * </ul>
 * Word forms come from {@link KoreanWords}, never from chatda's analysers.
 */
final class KoreanQueries {

    private static final Pattern HANGUL_RUN = Pattern.compile("[가-힣]+");
    private static final Pattern ASCII_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9.+#-]*");
    private static final int SALIENT = 6;

    private final Lexicon lexicon;
    private final Map<String, Set<String>> vocab = new HashMap<>();
    private final Map<String, Map<String, Integer>> docFreq = new HashMap<>();
    private final Map<String, Integer> corpusSizes = new HashMap<>();

    /**
     * Learns each corpus's Hangul words and their document frequencies over its pages with Korean
     * text (so that words common to the Korean pages of a half-translated manual rank low).
     */
    KoreanQueries(List<Page> pages, Lexicon lexicon) {
        this.lexicon = lexicon;
        for (Page p : pages) {
            Set<String> words = vocab.computeIfAbsent(p.corpus(), c -> new HashSet<>());
            hangulRuns(p.title() + " " + p.doc().body()).forEach(words::add);
        }
        for (Page p : pages) {
            Set<String> stems = new HashSet<>(stems(p));
            if (!stems.isEmpty()) {
                corpusSizes.merge(p.corpus(), 1, Integer::sum);
            }
            Map<String, Integer> df = docFreq.computeIfAbsent(p.corpus(), c -> new HashMap<>());
            stems.forEach(s -> df.merge(s, 1, Integer::sum));
        }
    }

    /** The page's title variant, remembered and mixed queries (each only when it can be made). */
    List<EvalQuery> queries(Page page, long seed) {
        List<EvalQuery> bases = new ArrayList<>();
        titleVariant(page, random(seed, page, "title-variant")).ifPresent(bases::add);
        remembered(page, random(seed, page, "remembered")).ifPresent(bases::add);
        List<EvalQuery> out = new ArrayList<>(bases);
        mixed(page, bases, random(seed, page, "mixed")).ifPresent(out::add);
        return out;
    }

    static Random random(long seed, Page page, String kind) {
        return new Random(seed * 1_000_003L + EvalQuery.seed(page, kind));
    }

    Optional<EvalQuery> titleVariant(Page page, Random random) {
        List<String> words = Titles.words(page.title());
        Set<String> v = vocab.get(page.corpus());
        List<String> ops = new ArrayList<>();
        if (words.stream().anyMatch(w -> KoreanWords.hasParticle(w, v))) {
            ops.add("particles stripped");
        } else if (KoreanWords.allHangul(words.get(words.size() - 1))) {
            ops.add("particle added");
        }
        if (words.size() >= 3) {
            ops.add("word dropped");
        }
        if (!joinable(words).isEmpty()) {
            ops.add("space removed");
        }
        if (ops.isEmpty()) {
            return Optional.empty();
        }
        String op = ops.get(random.nextInt(ops.size()));
        List<String> out = new ArrayList<>(words);
        switch (op) {
            case "particles stripped" -> out.replaceAll(w -> KoreanWords.stripParticle(w, v));
            case "particle added" -> {
                int i = objectOfAction(words);
                out.set(i, KoreanWords.withObjectParticle(out.get(i)));
            }
            case "word dropped" -> out.remove(random.nextInt(out.size()));
            default -> {
                List<Integer> pairs = joinable(words);
                int i = pairs.get(random.nextInt(pairs.size()));
                out.set(i, out.get(i) + out.remove(i + 1));
            }
        }
        return Optional.of(new EvalQuery(page, "title-variant", String.join(" ", out), op));
    }

    /**
     * The word that takes an object particle: the one before the first action (레이어 + 추가하기 →
     * 레이어를 추가하기), else the last (웹 크롤러 → 웹 크롤러를), as users type half a sentence.
     */
    private int objectOfAction(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (KoreanWords.allHangul(words.get(i)) && lexicon.isKoreanAction(words.get(i + 1))) {
                return i;
            }
        }
        return words.size() - 1;
    }

    /** Indexes {@code i} where words i and i+1 are both all Hangul. */
    private static List<Integer> joinable(List<String> words) {
        List<Integer> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            if (KoreanWords.allHangul(words.get(i)) && KoreanWords.allHangul(words.get(i + 1))) {
                pairs.add(i);
            }
        }
        return pairs;
    }

    Optional<EvalQuery> remembered(Page page, Random random) {
        List<String> salient = salientWords(page);
        if (salient.size() < 2) {
            return Optional.empty();
        }
        List<String> picked = new ArrayList<>(salient);
        Collections.shuffle(picked, random);
        int n = Math.min(picked.size(), 2 + random.nextInt(2));
        return Optional.of(
                new EvalQuery(page, "remembered", String.join(" ", picked.subList(0, n)), "salient " + salient));
    }

    /**
     * The page's top body words by tf × idf, at least twice on the page, none from the title, none
     * part of a higher-ranked one (김프, 김프용).
     */
    List<String> salientWords(Page page) {
        Map<String, Integer> tf = new HashMap<>();
        stems(page).forEach(s -> tf.merge(s, 1, Integer::sum));
        Set<String> v = vocab.get(page.corpus());
        String title = page.title().replace(" ", "");
        List<String> titleStems = Titles.words(page.title()).stream()
                .map(w -> KoreanWords.stem(w, v))
                .filter(s -> KoreanWords.allHangul(s) && s.length() >= 2)
                .toList();
        Map<String, Integer> df = docFreq.get(page.corpus());
        double n = corpusSizes.get(page.corpus());
        Map<String, Double> score = new HashMap<>();
        tf.forEach((word, count) -> {
            boolean fromTitle = title.contains(word) || titleStems.stream().anyMatch(word::contains);
            if (count >= 2 && !fromTitle) {
                score.put(word, count * Math.log(n / df.getOrDefault(word, 1)));
            }
        });
        List<String> salient = new ArrayList<>();
        score.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .filter(w -> salient.stream().noneMatch(s -> s.contains(w) || w.contains(s)))
                .limit(SALIENT)
                .forEach(salient::add);
        return salient;
    }

    /** The candidate words of a page's body, one per occurrence. */
    private List<String> stems(Page page) {
        Set<String> v = vocab.get(page.corpus());
        List<String> stems = new ArrayList<>();
        for (String run : hangulRuns(page.doc().body())) {
            String s = KoreanWords.stem(run, v);
            if (s.length() >= 2
                    && !KoreanWords.STOPWORDS.contains(s)
                    && !KoreanWords.isSuffix(s)
                    && !KoreanWords.STOPWORDS.contains(run)
                    && !KoreanWords.looksVerbal(s)
                    && !KoreanWords.particleLike(s)
                    && KoreanWords.nounForms(s, v) >= 2) {
                stems.add(s);
            }
        }
        return stems;
    }

    private static List<String> hangulRuns(String text) {
        List<String> runs = new ArrayList<>();
        Matcher m = HANGUL_RUN.matcher(text);
        while (m.find()) {
            runs.add(m.group());
        }
        return runs;
    }

    /** One word of a base query switched language; the bases are tried in random order. */
    Optional<EvalQuery> mixed(Page page, List<EvalQuery> bases, Random random) {
        List<EvalQuery> order = new ArrayList<>(bases);
        order.sort(Comparator.comparing(EvalQuery::kind));
        Collections.shuffle(order, random);
        Set<String> v = vocab.get(page.corpus());
        for (EvalQuery base : order) {
            List<String> words = new ArrayList<>(List.of(base.text().split(" ")));
            List<Swap> swaps = swaps(words, v, random);
            if (!swaps.isEmpty()) {
                Swap swap = swaps.get(random.nextInt(swaps.size()));
                words.set(swap.index, swap.to);
                boolean absent = !occurs(page, swap.to);
                String note = base.kind() + ": " + swap.from + " → " + swap.to + (absent ? " (absent)" : "");
                return Optional.of(new EvalQuery(page, "mixed", String.join(" ", words), note, absent));
            }
        }
        return Optional.empty();
    }

    private record Swap(int index, String from, String to) {}

    /** The words that the terms list can switch: Korean (by stem) to English, English to Korean. */
    private List<Swap> swaps(List<String> words, Set<String> v, Random random) {
        List<Swap> swaps = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            int index = i;
            if (KoreanWords.allHangul(w)) {
                lexicon.english(KoreanWords.stem(w, v))
                        .filter(en -> !has(words, en, v))
                        .ifPresent(en -> swaps.add(new Swap(index, w, en)));
            } else if (ASCII_WORD.matcher(w).matches()) {
                List<String> ko = lexicon.korean(w).stream()
                        .filter(k -> !has(words, k, v))
                        .toList();
                if (!ko.isEmpty()) {
                    swaps.add(new Swap(i, w, ko.get(random.nextInt(ko.size()))));
                }
            }
        }
        return swaps;
    }

    /** Whether the query already has the word, ignoring case and particles. */
    private static boolean has(List<String> words, String word, Set<String> v) {
        return words.stream()
                .anyMatch(
                        w -> w.equalsIgnoreCase(word) || KoreanWords.stem(w, v).equals(word));
    }

    /** Whether a word occurs on the page: as a whole word for English, anywhere for Korean. */
    static boolean occurs(Page page, String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        if (KoreanWords.hasHangul(w)) {
            return page.text().contains(w);
        }
        return Pattern.compile("(?<![a-z0-9])" + Pattern.quote(w) + "(?![a-z0-9])")
                .matcher(page.text())
                .find();
    }
}
