package io.chatda.bench.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Queries for a page with an English title:
 * <ul>
 *   <li>{@code title}: the title ({@link Titles#clean}: no site suffix, no section number);</li>
 *   <li>{@code partial}: a third of the title's words dropped, the rest shuffled (two-word titles
 *       reversed);</li>
 *   <li>{@code body}: eight consecutive words from around the middle of the body (bodies of at least
 *       40 words);</li>
 *   <li>{@code loanword}: the Korean query a Korean user would type for it: each title word (or
 *       two-word phrase) replaced by its Korean term or Hangul spelling from {@code terms-ko-en.txt}
 *       and {@code loanwords-en-ko.txt} (one picked at random where there are several), English
 *       function words dropped, unmapped words and numbers kept as they are, and a leading action
 *       ({@code Delete Layer}) moved to the end, as Korean puts it ({@code 레이어 삭제}). Only titles
 *       where at least half of the words (not counting function words and numbers) map.</li>
 * </ul>
 */
final class EnglishQueries {

    /** English function words, which a Korean query leaves out. */
    static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "from", "by", "as", "at", "into",
            "is", "are", "be", "how", "what", "what’s", "what's", "your", "its", "it", "this", "that", "about", "other",
            "some", "when", "if", "you", "not", "can", "do", "does", "why", "which", "there", "has", "have", "will",
            "all", "more", "than", "via", "trying", "i", "my");

    private final Lexicon lexicon;

    EnglishQueries(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The page's title, partial, body and loanword queries (each only when it can be made). */
    List<EvalQuery> queries(Page page, long seed) {
        List<EvalQuery> out = new ArrayList<>();
        out.add(new EvalQuery(page, "title", page.title(), ""));
        partial(page, KoreanQueries.random(seed, page, "partial")).ifPresent(out::add);
        body(page, KoreanQueries.random(seed, page, "body")).ifPresent(out::add);
        loanword(page, KoreanQueries.random(seed, page, "loanword")).ifPresent(out::add);
        return out;
    }

    static Optional<EvalQuery> partial(Page page, Random random) {
        List<String> words = new ArrayList<>(Titles.words(page.title()));
        if (words.size() == 2) {
            return Optional.of(new EvalQuery(page, "partial", words.get(1) + " " + words.get(0), "reversed"));
        }
        if (words.size() < 3) {
            return Optional.empty();
        }
        int drop = Math.max(1, words.size() / 3);
        for (int i = 0; i < drop; i++) {
            words.remove(random.nextInt(words.size()));
        }
        Collections.shuffle(words, random);
        return Optional.of(new EvalQuery(page, "partial", String.join(" ", words), drop + " dropped"));
    }

    static Optional<EvalQuery> body(Page page, Random random) {
        String[] body = page.doc().body().split("\\s+");
        if (body.length < 40) {
            return Optional.empty();
        }
        int from = body.length / 2 - 8 + random.nextInt(9);
        return Optional.of(new EvalQuery(
                page, "body", String.join(" ", List.of(body).subList(from, from + 8)), ""));
    }

    Optional<EvalQuery> loanword(Page page, Random random) {
        List<String> words = Titles.words(page.title());
        List<String> out = new ArrayList<>();
        String action = null;
        int content = 0;
        int mapped = 0;
        for (int i = 0; i < words.size(); i++) {
            String lower = words.get(i).toLowerCase(Locale.ROOT);
            if (FUNCTION_WORDS.contains(lower)) {
                continue;
            }
            if (lower.chars().noneMatch(Character::isLetter)) {
                out.add(words.get(i));
                continue;
            }
            Mapped m = map(words, i, random);
            if (m.korean != null && content == 0 && m.span == 1 && words.size() > 1 && lexicon.isAction(lower)) {
                action = m.korean;
            } else {
                out.add(m.korean != null ? m.korean : words.get(i));
            }
            content += m.span;
            mapped += m.korean != null ? m.span : 0;
            i += m.span - 1;
        }
        if (mapped == 0 || mapped * 2 < content) {
            return Optional.empty();
        }
        if (action != null) {
            out.add(action);
        }
        return Optional.of(new EvalQuery(page, "loanword", String.join(" ", out), mapped + "/" + content + " mapped"));
    }

    /** The Korean for the title words from {@code i}: {@code span} 2 for a listed two-word phrase; null if unmapped. */
    private record Mapped(String korean, int span) {}

    private Mapped map(List<String> words, int i, Random random) {
        if (i + 1 < words.size()) {
            List<String> phrase = lexicon.hangul(words.get(i) + " " + words.get(i + 1));
            if (!phrase.isEmpty()) {
                return new Mapped(pick(phrase, random), 2);
            }
        }
        return new Mapped(single(words.get(i), random), 1);
    }

    /** A word's Korean: the word itself, or every part of a hyphenated word; null if it doesn't map. */
    private String single(String word, Random random) {
        List<String> ko = lexicon.hangul(word);
        if (!ko.isEmpty()) {
            return pick(ko, random);
        }
        if (!word.contains("-")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : word.split("-")) {
            List<String> p = lexicon.hangul(part);
            if (p.isEmpty()) {
                return null;
            }
            parts.add(pick(p, random));
        }
        return String.join(" ", parts);
    }

    private static String pick(List<String> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }
}
