package io.chatda.suggest;

import io.chatda.hangul.Jamo;
import io.chatda.hangul.KeyboardLayout;
import io.chatda.hangul.TextNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The completion engine's answer computed the slow way, from its documented semantics (docs/suggest.md,
 * {@link CompletionIndex}): every entry is checked against every matching mode, and the answer is sorted whole.
 * A reference for {@code CompletionIndexReferenceTest}; meant for dictionaries of a few dozen entries.
 *
 * <p>Keys are strings of units here, one char per jamo, letter or other character, instead of the engine's
 * bytes; they sort as the engine's bytes do: ASCII, then compatibility jamo, then anything else.
 */
final class BruteForceSuggester {

    /** One expected answer. */
    record Answer(String text, SuggestEntry.Kind kind, String url, String site, double score, Suggestion.Match match) {}

    /** An entry after merging: its key, the keys of its later words and its choseong from each Hangul word. */
    private record Entry(
            int id,
            String text,
            double weight,
            SuggestEntry.Kind kind,
            String url,
            String site,
            String key,
            List<Integer> wordStarts,
            String choseong,
            String choChars,
            List<Integer> choStarts) {}

    /** What an entry matched best, and whether that was a typo. */
    private record Candidate(Entry entry, double score, Suggestion.Match match) {
        boolean typo() {
            return match == Suggestion.Match.TYPO;
        }

        Answer answer() {
            return new Answer(entry.text, entry.kind, entry.url, entry.site, score, match);
        }
    }

    private static final Comparator<String> UNIT_ORDER = BruteForceSuggester::compareKeys;

    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> sites = new HashSet<>();

    BruteForceSuggester(Collection<SuggestEntry> candidates) {
        Map<String, List<SuggestEntry>> byKeyAndSite = new LinkedHashMap<>();
        for (SuggestEntry e : candidates) {
            String text = e.text().strip().replaceAll(" +", " ");
            String key = key(text);
            if (text.isEmpty() || text.length() > CompletionIndex.MAX_TEXT || key.isEmpty()) {
                continue;
            }
            sites.add(e.site());
            byKeyAndSite
                    .computeIfAbsent(key + '\u0000' + e.site(), k -> new ArrayList<>())
                    .add(e);
        }
        List<Entry> merged = new ArrayList<>();
        for (List<SuggestEntry> same : byKeyAndSite.values()) {
            merged.add(merge(same));
        }
        merged.sort(Comparator.comparingDouble(Entry::weight)
                .reversed()
                .thenComparing(Entry::key, UNIT_ORDER)
                .thenComparing(Entry::site));
        for (int id = 0; id < merged.size(); id++) {
            Entry e = merged.get(id);
            entries.add(new Entry(
                    id,
                    e.text,
                    e.weight,
                    e.kind,
                    e.url,
                    e.site,
                    e.key,
                    e.wordStarts,
                    e.choseong,
                    e.choChars,
                    e.choStarts));
        }
    }

    /** Summed weights, the most informative kind, the first document URL, the heaviest contributor's text. */
    private static Entry merge(List<SuggestEntry> same) {
        double weight = 0;
        SuggestEntry.Kind kind = null;
        String url = "";
        SuggestEntry heaviest = same.get(0);
        for (SuggestEntry e : same) {
            weight += e.weight();
            kind = kind == null || e.kind().ordinal() < kind.ordinal() ? e.kind() : kind;
            if (url.isEmpty() && e.kind() != SuggestEntry.Kind.QUERY) {
                url = e.url();
            }
            heaviest = e.weight() > heaviest.weight() ? e : heaviest;
        }
        String text = heaviest.text().strip().replaceAll(" +", " ");
        return new Entry(
                -1,
                text,
                weight,
                kind,
                url,
                heaviest.site(),
                key(text),
                wordStarts(text),
                choseong(text, false),
                choseong(text, true),
                choseongStarts(text));
    }

    /** Each matching entry with its best match, and whether the other keyboard layout was tried. */
    private record Matches(Collection<Candidate> candidates, boolean layoutTried) {}

    /** The answer to {@code typed}, as {@link Suggester#suggest} documents it. */
    List<Answer> suggest(String typed, int limit, String site) {
        return answers(matches(typed, limit, site).candidates, limit).stream()
                .map(Candidate::answer)
                .toList();
    }

    /** Every entry {@code typed} matches, with its best match, in no particular order. */
    List<Answer> everyMatch(String typed, int limit, String site) {
        return matches(typed, limit, site).candidates.stream()
                .map(Candidate::answer)
                .toList();
    }

    /** Whether {@code typed} is also read in the other keyboard layout. */
    boolean triesLayout(String typed, int limit, String site) {
        return matches(typed, limit, site).layoutTried;
    }

    /** Each matching entry with its best match ({@code limit} decides whether the layout mode is tried). */
    private Matches matches(String typed, int limit, String site) {
        String text =
                typed.length() > CompletionIndex.MAX_TYPED ? typed.substring(0, CompletionIndex.MAX_TYPED) : typed;
        String key = key(text);
        if (key.isEmpty() || (!site.isEmpty() && !sites.contains(site))) {
            return new Matches(List.of(), false);
        }
        Map<Entry, Candidate> best = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (!site.isEmpty() && !e.site.equals(site)) {
                continue;
            }
            consider(best, e, Suggestion.Match.PREFIX, e.key.startsWith(key));
            consider(best, e, Suggestion.Match.WORD, e.wordStarts.stream().anyMatch(p -> e.key.startsWith(key, p)));
            consider(best, e, Suggestion.Match.CHOSEONG, choseongMatches(e, text, key));
        }
        boolean latin = text.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
        boolean hangul = text.chars().anyMatch(c -> isJamo(c) || isSyllable(c));
        boolean layout = latin != hangul && (answers(best.values(), limit).size() < limit || mistyped(text, latin));
        if (layout) {
            String converted = key(latin ? KeyboardLayout.toHangul(text) : KeyboardLayout.toQwerty(text));
            for (Entry e : entries) {
                if (!converted.isEmpty() && (site.isEmpty() || e.site.equals(site))) {
                    consider(
                            best,
                            e,
                            Suggestion.Match.LAYOUT,
                            e.key.startsWith(converted)
                                    || e.wordStarts.stream().anyMatch(p -> e.key.startsWith(converted, p)));
                }
            }
        }
        if (key.length() >= CompletionIndex.MIN_TYPO_UNITS) {
            for (Entry e : entries) {
                if (site.isEmpty() || e.site.equals(site)) {
                    consider(best, e, Suggestion.Match.TYPO, oneEditAway(e.key, key));
                }
            }
        }
        return new Matches(best.values(), layout);
    }

    /**
     * The top {@code limit}: by score, an exact match before a typo, then the heavier entry; one per key across
     * sites; shown by score, then the heavier entry.
     */
    private static List<Candidate> answers(Collection<Candidate> candidates, int limit) {
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble(Candidate::score)
                .reversed()
                .thenComparing(Candidate::typo)
                .thenComparingInt(c -> c.entry.id));
        Set<String> keys = new HashSet<>();
        List<Candidate> top = new ArrayList<>();
        for (Candidate c : ranked) {
            if (top.size() < limit && keys.add(c.entry.key)) {
                top.add(c);
            }
        }
        top.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(c -> c.entry.id));
        return top;
    }

    /** Keeps the better of the entry's matches: higher score, then the mode listed first. */
    private static void consider(Map<Entry, Candidate> best, Entry e, Suggestion.Match match, boolean matches) {
        if (!matches) {
            return;
        }
        double score = (float) e.weight * match.quality();
        Candidate old = best.get(e);
        if (old == null || score > old.score || (score == old.score && match.ordinal() < old.match.ordinal())) {
            best.put(e, new Candidate(e, score, match));
        }
    }

    /**
     * Initials typed alone match the choseong from a Hangul word start; initials mixed with whole syllables
     * (검ㅅ엔) also need each typed syllable where its initial is, the last one possibly unfinished.
     */
    private static boolean choseongMatches(Entry e, String text, String key) {
        if (key.chars().allMatch(c -> isJamo(c) && c <= 0x314E)) {
            return e.choStarts.stream().anyMatch(s -> e.choseong.startsWith(key, s));
        }
        StringBuilder kept = new StringBuilder();
        text.chars().filter(c -> !Character.isWhitespace(c)).forEach(c -> kept.append((char) c));
        String typed = kept.toString();
        boolean syllable = typed.chars().anyMatch(BruteForceSuggester::isSyllable);
        boolean consonant = typed.chars().anyMatch(c -> !isSyllable(c));
        if (!syllable || !consonant || typed.length() < 2 || typed.chars().anyMatch(c -> initial(c) == 0)) {
            return false;
        }
        for (int s : e.choStarts) {
            if (s + typed.length() <= e.choseong.length() && mixedMatchAt(e, typed, s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mixedMatchAt(Entry e, String typed, int s) {
        for (int t = 0; t < typed.length(); t++) {
            char q = typed.charAt(t);
            char c = e.choChars.charAt(s + t);
            if (e.choseong.charAt(s + t) != initial(q)) {
                return false;
            }
            boolean last = t == typed.length() - 1;
            if (isSyllable(q) && (last ? !key(String.valueOf(c)).startsWith(key(String.valueOf(q))) : c != q)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether one unit substituted, missing, extra, or two neighbours swapped, never at the first unit, makes
     * {@code typed} a prefix of {@code key}.
     */
    private static boolean oneEditAway(String key, String typed) {
        int m = typed.length();
        for (int i = 1; i < m; i++) {
            String head = typed.substring(0, i);
            if (!key.startsWith(head)) {
                return false;
            }
            String rest = typed.substring(i + 1);
            boolean extraTyped = key.startsWith(head + rest);
            boolean substituted = key.length() > i && key.charAt(i) != typed.charAt(i) && key.startsWith(rest, i + 1);
            boolean missing = key.length() > i && key.startsWith(typed.substring(i), i + 1);
            boolean swapped = i + 1 < m
                    && typed.charAt(i) != typed.charAt(i + 1)
                    && key.startsWith(head + typed.charAt(i + 1) + typed.charAt(i) + typed.substring(i + 2));
            if (extraTyped || substituted || missing || swapped) {
                return true;
            }
        }
        return false;
    }

    private static boolean mistyped(String text, boolean latin) {
        return latin
                ? KeyboardLayout.detectMistypedKorean(text).mistyped()
                : KeyboardLayout.detectMistypedEnglish(text).mistyped();
    }

    // ---- keys, word starts and choseong, one character at a time

    /** Each character normalised and split into the keys a 2-set keyboard types; whitespace makes none. */
    static String key(String text) {
        StringBuilder key = new StringBuilder();
        text.codePoints().forEach(cp -> key.append(units(cp)));
        return key.toString();
    }

    private static String units(int codePoint) {
        return Jamo.disassemble(TextNormalizer.normalize(Character.toString(codePoint)))
                .replaceAll("\\s", "");
    }

    /**
     * Where later words start in the key: a Hangul or a letter-or-digit character after a character of another
     * kind (a separator, or Latin after Hangul and back).
     */
    private static List<Integer> wordStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        int at = 0;
        int previous = 0;
        for (int cp : text.codePoints().toArray()) {
            int type = type(cp);
            String units = units(cp);
            if (type != 0 && type != previous && !units.isEmpty() && at > 0) {
                starts.add(at);
            }
            at += units.length();
            previous = type;
        }
        return starts;
    }

    /** The initials of the text's syllables and lone consonants, or ({@code chars}) the characters they come from. */
    private static String choseong(String text, boolean chars) {
        StringBuilder out = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            if (initial(cp) != 0) {
                out.append(chars ? (char) cp : initial(cp));
            }
        }
        return out.toString();
    }

    /** The choseong positions of Hangul word starts. */
    private static List<Integer> choseongStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        int at = 0;
        int previous = 0;
        for (int cp : text.codePoints().toArray()) {
            int type = type(cp);
            if (type == 1 && type != previous && !units(cp).isEmpty() && initial(cp) != 0) {
                starts.add(at);
            }
            at += initial(cp) != 0 ? 1 : 0;
            previous = type;
        }
        return starts;
    }

    /** A syllable's initial consonant, a lone consonant that is one key, else 0. */
    private static char initial(int cp) {
        if (isSyllable(cp)) {
            return units(cp).charAt(0);
        }
        return isJamo(cp) && cp <= 0x314E && units(cp).length() == 1 ? (char) cp : 0;
    }

    /** 1 for Hangul, 2 for other letters and digits, 0 for the rest. */
    private static int type(int cp) {
        return isJamo(cp) || isSyllable(cp) ? 1 : Character.isLetterOrDigit(cp) ? 2 : 0;
    }

    private static boolean isJamo(int c) {
        return c >= 0x3131 && c <= 0x3163;
    }

    private static boolean isSyllable(int c) {
        return c >= 0xAC00 && c <= 0xD7A3;
    }

    private static int unitClass(char c) {
        return c < 0x80 ? 0 : isJamo(c) ? 1 : 2;
    }

    private static int compareKeys(String a, String b) {
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                int c = Integer.compare(unitClass(x), unitClass(y));
                return c != 0 ? c : Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
