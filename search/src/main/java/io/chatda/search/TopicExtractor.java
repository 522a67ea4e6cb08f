package io.chatda.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.AttributeFactory;

/**
 * Finds each document's topics: distinctive phrases of one to four words, scored by TF-IDF against
 * the whole collection. Phrases are runs of nori content tokens (nouns, foreign words, hanja, roots)
 * with compounds kept whole, so particles and endings fall away: 교착상태가 and 교착상태를 both give
 * 교착상태, and "검색 엔진은" gives "검색 엔진". English stop words, punctuation and any other part of
 * speech end a phrase.
 *
 * <p>Two passes: {@link #add} analyses one document and keeps only its phrase counts (not its text);
 * {@link #topics} scores them once the document frequencies of the whole collection are known. Not
 * thread-safe; one extractor per dictionary build.
 */
public final class TopicExtractor {

    /** A topic of a document and its TF-IDF score. */
    public record Topic(String phrase, double score) {
    }

    private static final int MAX_WORDS = 4;
    private static final int TITLE_BOOST = 3;
    private static final Set<POS.Tag> CONTENT = Set.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.SL, POS.Tag.SH, POS.Tag.XR);

    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static final int AHEAD_PER_THREAD = 4;

    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
    private ThreadPoolExecutor pool;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Map<String, Integer> words = new HashMap<>();

    /**
     * Analyses a document: phrases of its title count {@value #TITLE_BOOST} times, of its text once.
     * Adding the same id again replaces nothing: ids are expected to be unique. The nori analysis runs
     * on helper threads (one per core, a few documents ahead at most) and is merged in the order added,
     * so the result is the same as one thread's.
     */
    public void add(String id, String title, String text) {
        if (THREADS == 1) {
            merge(id, new Analysed(tokenRuns(title), tokenRuns(text)));
            return;
        }
        if (pool == null) {
            pool = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "chatda-topics");
                t.setDaemon(true);
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
        }
        inFlight.add(new Pending(id, pool.submit(() -> new Analysed(tokenRuns(title), tokenRuns(text)))));
        while (inFlight.size() > THREADS * AHEAD_PER_THREAD) {
            mergeOldest();
        }
    }

    private void mergeOldest() {
        Pending p = inFlight.remove();
        try {
            merge(p.id(), p.analysed().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting topics", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void merge(String id, Analysed analysed) {
        Map<String, Integer> tf = new HashMap<>();
        for (Phrase phrase : analysed.title()) {
            tf.merge(phrase.text(), TITLE_BOOST, Integer::sum);
            words.put(phrase.text(), phrase.words());
        }
        for (Phrase phrase : analysed.text()) {
            tf.merge(phrase.text(), 1, Integer::sum);
            words.put(phrase.text(), phrase.words());
        }
        tf.keySet().forEach(p -> documentFrequency.merge(p, 1, Integer::sum));
        // only phrases seen at least twice can be topics (see topics): the rest count for df only, and
        // keeping them for every document of a large collection would cost gigabytes
        tf.values().removeIf(count -> count < 2);
        counts.put(id, Map.copyOf(tf));
    }

    /**
     * The best {@code perDocument} topics of every document added, by id: phrases seen at least
     * twice in it (title phrases count three times), scored {@code tf * log(N / df) * (1 + 0.5 *
     * (tokens - 1))}, a phrase that is part of a better one left out.
     */
    public Map<String, List<Topic>> topics(int perDocument) {
        while (!inFlight.isEmpty()) {
            mergeOldest();
        }
        if (pool != null) {
            pool.shutdown();
            pool = null;
        }
        int n = counts.size();
        Map<String, List<Topic>> out = new LinkedHashMap<>();
        counts.forEach((id, tf) -> {
            List<Topic> scored = new ArrayList<>();
            tf.forEach((phrase, count) -> {
                int df = documentFrequency.get(phrase);
                if (count >= 2 && df < n || n == 1 && count >= 2) {
                    double idf = Math.log((n + 1.0) / df);
                    scored.add(new Topic(phrase, count * idf * (1 + 0.5 * (words.get(phrase) - 1))));
                }
            });
            scored.sort(Comparator.comparingDouble(Topic::score).reversed().thenComparing(Topic::phrase));
            List<Topic> chosen = new ArrayList<>();
            for (Topic t : scored) {
                if (chosen.size() == perDocument) {
                    break;
                }
                if (chosen.stream().noneMatch(c -> c.phrase().contains(t.phrase()) || t.phrase().contains(c.phrase()))) {
                    chosen.add(t);
                }
            }
            out.put(id, chosen);
        });
        return out;
    }

    /** A document's phrases, analysed. */
    private record Analysed(List<Phrase> title, List<Phrase> text) {
    }

    /** A document whose analysis is under way. */
    private record Pending(String id, Future<Analysed> analysed) {
    }

    /** A phrase and how many nori tokens it joins. */
    private record Phrase(String text, int words) {
    }

    /** All phrases of one to four content words in {@code text}, once per occurrence. */
    static List<String> phrases(String text) {
        return tokenRuns(text).stream().map(Phrase::text).toList();
    }

    private static List<Phrase> tokenRuns(String text) {
        List<Phrase> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        List<Boolean> spaced = new ArrayList<>();
        try (KoreanTokenizer tokens = new KoreanTokenizer(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, null,
                KoreanTokenizer.DecompoundMode.NONE, false, true)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            PartOfSpeechAttribute pos = tokens.addAttribute(PartOfSpeechAttribute.class);
            tokens.setReader(new StringReader(text));
            tokens.reset();
            int lastEnd = -1;
            while (tokens.incrementToken()) {
                String word = term.toString().toLowerCase(Locale.ROOT);
                boolean content = CONTENT.contains(pos.getLeftPOS()) && pos.getLeftPOS() == pos.getRightPOS()
                        && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word);
                String gap = lastEnd < 0 ? "" : text.substring(lastEnd, offset.startOffset());
                if (!content || !gap.isBlank()) {
                    emit(run, spaced, out);
                }
                if (content) {
                    run.add(word);
                    spaced.add(!gap.isEmpty());
                }
                lastEnd = offset.endOffset();
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        emit(run, spaced, out);
        return out;
    }

    private static void emit(List<String> run, List<Boolean> spaced, List<Phrase> out) {
        for (int i = 0; i < run.size(); i++) {
            StringBuilder phrase = new StringBuilder();
            for (int j = i; j < Math.min(run.size(), i + MAX_WORDS); j++) {
                if (j > i && spaced.get(j)) {
                    phrase.append(' ');
                }
                phrase.append(run.get(j));
                if (phrase.codePointCount(0, phrase.length()) >= 2) {
                    out.add(new Phrase(phrase.toString(), j - i + 1));
                }
            }
        }
        run.clear();
        spaced.clear();
    }
}
