package io.chatda.bench.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluation's hand-written bilingual ground truth: {@code terms-ko-en.txt} (Korean ↔ English
 * terms, with the action nouns marked) and {@code loanwords-en-ko.txt} (Hangul spellings of English
 * words). Both are resources of this module, never chatda's own glosses.
 */
final class Lexicon {

    private final Map<String, List<String>> koToEn = new LinkedHashMap<>();
    private final Map<String, Set<String>> enToKo = new LinkedHashMap<>();
    private final Map<String, Set<String>> enToHangul = new LinkedHashMap<>();
    private final Set<String> actions = new HashSet<>();
    private final Set<String> koreanActions = new HashSet<>();

    private Lexicon() {}

    /** Reads both lists from the class path. */
    static Lexicon load() {
        Lexicon lexicon = new Lexicon();
        lexicon.readTerms(lines("terms-ko-en.txt"));
        lexicon.readLoanwords(lines("loanwords-en-ko.txt"));
        return lexicon;
    }

    private void readTerms(List<String> lines) {
        boolean inActions = false;
        for (String line : lines) {
            if (line.startsWith("[")) {
                inActions = line.equals("[actions]");
                continue;
            }
            String[] kv = line.split("=", 2);
            String ko = kv[0].strip();
            List<String> en = alternatives(kv[1]);
            koToEn.put(ko, en);
            if (inActions) {
                koreanActions.add(ko);
            }
            for (String e : en) {
                enToKo.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(ko);
                enToHangul.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(ko);
                if (inActions) {
                    actions.add(e);
                }
            }
        }
    }

    private void readLoanwords(List<String> lines) {
        for (String line : lines) {
            String[] kv = line.split("=", 2);
            String en = kv[0].strip().toLowerCase(Locale.ROOT);
            enToHangul.computeIfAbsent(en, k -> new LinkedHashSet<>()).addAll(spellings(kv[1]));
        }
    }

    private static List<String> alternatives(String text) {
        return List.of(text.split("\\|")).stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Hangul alternatives as written (a Latin part such as the B of B트리 keeps its case). */
    private static List<String> spellings(String text) {
        return List.of(text.split("\\|")).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#") && (l.startsWith("[") || l.contains("="))) {
                    lines.add(l);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of Korean ↔ English term pairs (lines of terms-ko-en.txt). */
    int termCount() {
        return koToEn.size();
    }

    /** The English word a mixed query puts in place of a Korean word, if the terms list has it. */
    Optional<String> english(String korean) {
        List<String> en = koToEn.get(korean);
        return en == null ? Optional.empty() : Optional.of(en.get(0));
    }

    /** The Korean words of the terms list for an English word (plural forms tried too). */
    List<String> korean(String english) {
        return find(enToKo, english);
    }

    /** The Korean words of both lists (translations and Hangul spellings) for an English word or phrase. */
    List<String> hangul(String english) {
        return find(enToHangul, english);
    }

    /** Whether the English word is an action (delete, add, install), which Korean puts last. */
    boolean isAction(String english) {
        return forms(english).stream().anyMatch(actions::contains);
    }

    /** Whether a Korean word is an action noun of the list, or one followed by 하기 (추가, 추가하기). */
    boolean isKoreanAction(String korean) {
        return koreanActions.contains(korean) || korean.endsWith("하기") && korean.length() > 2;
    }

    private static List<String> find(Map<String, Set<String>> map, String english) {
        for (String form : forms(english)) {
            Set<String> found = map.get(form);
            if (found != null) {
                return List.copyOf(found);
            }
        }
        return List.of();
    }

    /** The word lower-cased, then without a possessive, then singular guesses (layers, classes, libraries). */
    private static List<String> forms(String english) {
        String w = english.toLowerCase(Locale.ROOT).replaceAll("['’]s$", "");
        List<String> forms = new ArrayList<>(List.of(w));
        if (w.endsWith("ies") && w.length() > 4) {
            forms.add(w.substring(0, w.length() - 3) + "y");
        }
        if (w.endsWith("es") && w.length() > 3) {
            forms.add(w.substring(0, w.length() - 2));
        }
        if (w.endsWith("s") && w.length() > 2) {
            forms.add(w.substring(0, w.length() - 1));
        }
        return forms;
    }
}
