package io.chatda.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How chatda turns text into index terms. Every text field is analysed twice: by nori for Korean
 * (mixed decompounding, particles and endings dropped by part of speech, hanja read as hangul) and
 * by an English chain (standard tokenisation, possessives, stop words, Porter stemming) in a
 * {@code .en} subfield, so mixed Korean-English text is searchable both ways. Technical words that
 * either chain would split ({@code C++}, {@code HTTP/2}, {@code node.js}, listed in
 * {@code tech-terms.txt} plus the user dictionary) stay whole. Thread-safe; one per index.
 */
public final class TextAnalysis {

    /** Suffix of the English-analysed subfield of every text field. */
    static final String EN = ".en";
    /**
     * Suffix of the Hangul-bigram subfield of the title, headings and body: the recall backoff for
     * words nori breaks apart (unknown loanwords, new compounds), as CJK search usually does it.
     */
    static final String BIGRAMS = ".bi";

    /**
     * nori's default stop tags without {@code MAG}: nori tags nouns such as 현재 and 모두 as adverbs
     * in context, and a title word must stay searchable; IDF keeps real adverbs from mattering.
     */
    private static final Set<POS.Tag> STOP_TAGS = stopTags();

    private static final Pattern KEEP_UNSTEMMED = Pattern.compile(".*[^a-z].*");

    private final Analyzer korean;
    private final Analyzer english;
    private final Analyzer urlWords;
    private final Analyzer bigrams;
    private final Analyzer loanwords;
    private final Analyzer perField;
    private final Synonyms synonyms;

    private TextAnalysis(
            UserDictionary dictionary,
            NormalizeCharMap techForKorean,
            NormalizeCharMap techForEnglish,
            Synonyms synonyms) {
        this.korean = new KoreanChain(dictionary, techForKorean);
        this.english = new EnglishChain(techForEnglish);
        this.urlWords = new UrlChain(techForEnglish);
        this.bigrams = new BigramChain();
        this.loanwords = new WhitespaceAnalyzer();
        this.synonyms = synonyms;
        this.perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String field) {
                if (field.equals(Fields.URL_WORDS)) {
                    return urlWords;
                }
                if (field.equals(Fields.LOANWORDS) || field.equals(Fields.TITLE_LOANWORDS)) {
                    return loanwords;
                }
                if (field.endsWith(BIGRAMS)) {
                    return bigrams;
                }
                return field.endsWith(EN) ? english : korean;
            }
        };
    }

    /**
     * Analysis with the built-in technical words plus, if the file exists, a nori user dictionary:
     * one word per line, optionally followed by its parts ({@code 챗다검색 챗다 검색}); {@code #}
     * starts a comment. Changing the dictionary needs a re-import to affect indexed documents.
     *
     * @throws SearchIndexException if the file exists but can't be read or parsed
     */
    public static TextAnalysis withUserDictionary(Path userDictionary) {
        return of(userDictionary, null);
    }

    /**
     * Analysis with the built-in technical words, the nori user dictionary and the synonym file of a
     * data directory, each used only if its file exists (see {@link Synonyms#load} for the format).
     *
     * @throws SearchIndexException if a file exists but can't be read or parsed
     */
    public static TextAnalysis of(Path userDictionary, Path synonymFile) {
        List<String> lines = new ArrayList<>(builtInTerms());
        if (userDictionary != null && Files.isRegularFile(userDictionary)) {
            try {
                for (String line : Files.readAllLines(userDictionary, StandardCharsets.UTF_8)) {
                    lines.add(line.strip().toLowerCase(Locale.ROOT));
                }
            } catch (IOException | UncheckedIOException e) {
                throw new SearchIndexException(
                        "can't read user dictionary " + userDictionary + ": " + e.getMessage(), e);
            }
        }
        List<String> entries = lines.stream()
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.replace("#", "sharp"))
                .distinct()
                .toList();
        try {
            UserDictionary dictionary = UserDictionary.open(new StringReader(String.join("\n", entries)));
            return new TextAnalysis(
                    dictionary,
                    techForKorean(builtInTerms()),
                    techForEnglish(builtInTerms()),
                    Synonyms.load(synonymFile));
        } catch (IOException | RuntimeException e) {
            throw new SearchIndexException("bad user dictionary " + userDictionary + ": " + e.getMessage(), e);
        }
    }

    /** Analysis with the built-in technical words only. */
    public static TextAnalysis standard() {
        return withUserDictionary(null);
    }

    /**
     * The terms each analysis chain makes of {@code text}, for debugging relevance ({@code chatda
     * analyze}): {@code korean} (title, headings, body, anchors, topics), {@code english} (their
     * {@code .en} subfields) and {@code url} (URL words).
     */
    public Map<String, List<String>> analyze(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("korean", terms(korean, Fields.BODY, text));
        out.put("english", terms(english, Fields.BODY + EN, text));
        out.put("url", terms(urlWords, Fields.URL_WORDS, text));
        out.put("bigrams", terms(bigrams, Fields.BODY + BIGRAMS, text));
        out.put("loanwords", LoanwordField.terms(text));
        return out;
    }

    /**
     * The words of {@code text} that nori breaks into fragments ({@link DictionaryProposals#broken}),
     * with their pieces: candidates for the user dictionary ({@code chatda analyze} shows them).
     */
    public List<DictionaryProposal> brokenWords(String text) {
        List<DictionaryProposal> out = new ArrayList<>();
        for (String word : text.split("\\s+")) {
            String stem = KoreanWords.stem(word);
            if (stem.length() >= 2 && KoreanWords.allSyllables(stem)) {
                DictionaryProposal p = new DictionaryProposal(stem, terms(korean, Fields.BODY, stem), 0);
                if (p.pieces().size() > 1 && DictionaryProposals.broken(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** The analyzer for every field of the index, chosen by field name. */
    Analyzer perField() {
        return perField;
    }

    /** The operator's synonym groups. */
    Synonyms synonyms() {
        return synonyms;
    }

    private static Set<POS.Tag> stopTags() {
        Set<POS.Tag> tags = EnumSet.noneOf(POS.Tag.class);
        tags.addAll(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
        tags.remove(POS.Tag.MAG);
        return Set.copyOf(tags);
    }

    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static List<String> builtInTerms() {
        try (var in = TextAnalysis.class.getResourceAsStream("tech-terms.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** nori's dictionary format treats {@code #} as a comment: {@code c#} → {@code csharp} before it. */
    private static NormalizeCharMap techForKorean(List<String> terms) {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (String term : terms) {
            if (term.contains("#")) {
                map.add(term, term.replace("#", "sharp"));
            }
        }
        return map.build();
    }

    /**
     * The standard tokenizer splits at {@code +}, {@code #} and {@code /}; map those inside
     * technical words to letters or {@code _}, which it keeps inside a word ({@code c++} → {@code cpp},
     * {@code c#} → {@code csharp}, {@code http/2} → {@code http_2}). Dots already stay inside words.
     */
    private static NormalizeCharMap techForEnglish(List<String> terms) {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (String term : terms) {
            String mapped = term.replace("++", "pp").replace("#", "sharp").replace('/', '_');
            if (!mapped.equals(term)) {
                map.add(term, mapped);
            }
        }
        return map.build();
    }

    /** Every chain first lower-cases ASCII and protects tech words (C++, HTTP/2) with a char map. */
    private abstract static class TechWordsAnalyzer extends Analyzer {
        private final NormalizeCharMap tech;

        TechWordsAnalyzer(NormalizeCharMap tech) {
            this.tech = tech;
        }

        @Override
        protected final Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(tech, new LowerAsciiCharFilter(reader));
        }
    }

    /** nori: mixed decompounding, POS stop filter, reading form, lower case; input lower-cased first so the dictionary matches. */
    private static final class KoreanChain extends TechWordsAnalyzer {
        private final UserDictionary dictionary;

        KoreanChain(UserDictionary dictionary, NormalizeCharMap tech) {
            super(tech);
            this.dictionary = dictionary;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new KoreanTokenizer(
                    TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
                    dictionary,
                    KoreanTokenizer.DecompoundMode.MIXED,
                    false,
                    true);
            TokenStream stream = new KoreanPartOfSpeechStopFilter(tokenizer, STOP_TAGS);
            stream = new KoreanReadingFormFilter(stream);
            stream = new LowerCaseFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /** Standard tokenizer, possessives, lower case, stop words, Porter stemming (words with digits or dots unstemmed). */
    private static final class EnglishChain extends TechWordsAnalyzer {
        EnglishChain(NormalizeCharMap tech) {
            super(tech);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(tokenizer);
            stream = new LowerCaseFilter(stream);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            stream = new PatternKeywordMarkerFilter(stream, KEEP_UNSTEMMED);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /**
     * Hangul bigrams: the standard tokenizer's Hangul words cut into overlapping two-syllable terms
     * (a one-syllable word stays a unigram); everything that is not Hangul is dropped.
     */
    private static final class BigramChain extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new TypeTokenFilter(tokenizer, HANGUL_TYPES, true);
            stream = new CJKBigramFilter(stream, CJKBigramFilter.HANGUL);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }

    private static final Set<String> HANGUL_TYPES = Set.of(StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL]);

    /** URL words: letters and digits runs, lower-cased ({@code /docs/gimp-tool-crop.html} → docs gimp tool crop html). */
    private static final class UrlChain extends TechWordsAnalyzer {
        UrlChain(NormalizeCharMap tech) {
            super(tech);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new PatternTokenizer(Pattern.compile("[\\p{L}\\p{N}]+"), 0);
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }
    }
}
