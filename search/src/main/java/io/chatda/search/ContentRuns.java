package io.chatda.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StoredValue;

/**
 * The runs of content words (nouns, foreign words, hanja, roots) of some texts, noted while the index's Korean
 * chain analyses them: the raw material of {@link TopicExtractor}. Each page is analysed by nori once, for the
 * index, and its runs are stored with it, so building suggestions reads them instead of analysing every page
 * again (docs/suggest.md).
 *
 * <p>A word is the token's original text, lower-cased; a compound counts whole (its parts, which the index's
 * mixed decompounding adds inside its span, are skipped). A run ends at any other token, at text between
 * tokens that isn't white space (punctuation, or a particle the chain dropped), and at the end of a text:
 * 교착상태가 and 교착상태를 both give the run 교착상태, "검색 엔진은" gives 검색 엔진.
 *
 * <p>Encoded as one string: each run ends with a newline; inside a run a space separates words that had white
 * space between them and {@value #JOINED_NAME} words that touched. Not thread-safe: one per document.
 */
final class ContentRuns {

    /** Separates two words of a run that touched in the text (a space separates spaced ones). */
    static final char JOINED = '\u001f';

    static final String JOINED_NAME = "U+001F";
    private static final Set<POS.Tag> CONTENT = Set.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.SL, POS.Tag.SH, POS.Tag.XR);

    private final StringBuilder encoded = new StringBuilder();
    private int recording;
    private int finished;

    /** The runs of {@code text} as the analyzer's chain for {@code field} (a Korean one) tokenises it. */
    static String of(Analyzer analyzer, String field, String text) {
        ContentRuns runs = new ContentRuns();
        runs.analyse(analyzer, field, text);
        return runs.encoded();
    }

    /** Analyses {@code text} with the chain for {@code field} only to note its runs. */
    void analyse(Analyzer analyzer, String field, String text) {
        try (TokenStream tokens = record(analyzer.tokenStream(field, text), text)) {
            tokens.reset();
            while (tokens.incrementToken()) {
                // the recorder notes each token
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A text field of this type, analysed by the index's analyzer as any text field is, whose runs are noted
     * here as IndexWriter analyses it.
     */
    Field field(String name, String value, FieldType type) {
        recording++;
        return new Field(name, value, type) {
            @Override
            public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
                return record(super.tokenStream(analyzer, reuse), value);
            }
        };
    }

    /**
     * A stored field holding the runs of the fields made by {@link #field}. Its value is read when IndexWriter
     * stores it, which it does field by field in document order after analysing each one: add it after them.
     *
     * @throws IllegalStateException when stored before those fields were analysed
     */
    Field storedField(String name) {
        return new StoredField(name, "") {
            @Override
            public String stringValue() {
                if (finished != recording) {
                    throw new IllegalStateException("runs of " + name + " read before the fields were analysed");
                }
                return encoded();
            }

            @Override
            public StoredValue storedValue() {
                return new StoredValue(stringValue());
            }
        };
    }

    String encoded() {
        return encoded.toString();
    }

    private TokenStream record(TokenStream tokens, String text) {
        return new Recorder(tokens, text);
    }

    /** Notes the runs of one text as its tokens pass, unchanged. */
    private final class Recorder extends TokenFilter {
        private final String text;
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PartOfSpeechAttribute pos = addAttribute(PartOfSpeechAttribute.class);
        private int lastEnd;
        private int words;

        Recorder(TokenStream input, String text) {
            super(input);
            this.text = text;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            lastEnd = -1;
            words = 0;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            int start = offset.startOffset();
            int end = offset.endOffset();
            if (start < lastEnd || end > text.length()) {
                return true; // a part of the compound just noted
            }
            String word = isContent() ? text.substring(start, end).toLowerCase(Locale.ROOT) : null;
            if (word != null && (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word) || hasSeparator(word))) {
                word = null;
            }
            boolean touching = start == lastEnd;
            if (word == null || lastEnd >= 0 && !isBlank(lastEnd, start)) {
                endRun();
            }
            if (word != null) {
                if (words > 0) {
                    encoded.append(touching ? JOINED : ' ');
                }
                encoded.append(word);
                words++;
            }
            lastEnd = end;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            endRun();
            finished++;
        }

        private boolean isContent() {
            POS.Tag left = pos.getLeftPOS();
            return left != null && left == pos.getRightPOS() && CONTENT.contains(left);
        }

        private boolean isBlank(int from, int to) {
            for (int i = from; i < to; i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private void endRun() {
            if (words > 0) {
                encoded.append('\n');
                words = 0;
            }
        }
    }

    private static boolean hasSeparator(String word) {
        return word.indexOf(JOINED) >= 0 || word.indexOf('\n') >= 0 || word.indexOf(' ') >= 0;
    }
}
