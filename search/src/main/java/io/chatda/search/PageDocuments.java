package io.chatda.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * How a page becomes a Lucene document and back: every field of the index layout
 * ({@link SearchIndex#LAYOUT}, docs/ranking.md), including the derived ones (anchors, authority) and
 * the bridge fields (title key, loanword spellings, glosses). Pure functions.
 */
final class PageDocuments {

    private static final FieldType BODY_TYPE = bodyType();

    private PageDocuments() {}

    /** The Lucene document of a page with the anchor text of its inbound links and its authority. */
    static Document toLucene(SearchDocument doc, List<String> anchors, double authority, TextAnalysis analysis) {
        Document d = new Document();
        d.add(new StringField(Fields.URL, doc.url(), Field.Store.YES));
        d.add(new StringField(Fields.SITE, doc.site(), Field.Store.YES));
        d.add(new SortedDocValuesField(Fields.SITE, new BytesRef(doc.site())));
        d.add(new StringField(Fields.LANGUAGE, doc.language(), Field.Store.YES));
        ContentRuns titleRuns = new ContentRuns();
        ContentRuns textRuns = new ContentRuns();
        d.add(titleRuns.field(Fields.TITLE, doc.title(), TextField.TYPE_STORED));
        d.add(new TextField(Fields.TITLE + TextAnalysis.EN, doc.title(), Field.Store.NO));
        d.add(new TextField(Fields.TITLE + TextAnalysis.BIGRAMS, doc.title(), Field.Store.NO));
        for (String heading : doc.headings()) {
            d.add(textRuns.field(Fields.HEADINGS, heading, TextField.TYPE_STORED));
            d.add(new TextField(Fields.HEADINGS + TextAnalysis.EN, heading, Field.Store.NO));
            d.add(new TextField(Fields.HEADINGS + TextAnalysis.BIGRAMS, heading, Field.Store.NO));
        }
        for (String topic : doc.topics()) {
            text(d, Fields.TOPICS, topic, true);
        }
        for (String anchor : anchors) {
            text(d, Fields.ANCHORS, anchor, false);
        }
        d.add(textRuns.field(Fields.BODY, doc.body(), BODY_TYPE));
        d.add(new TextField(Fields.BODY + TextAnalysis.EN, doc.body(), Field.Store.NO));
        d.add(new TextField(Fields.BODY + TextAnalysis.BIGRAMS, doc.body(), Field.Store.NO));
        addBridgeFields(d, doc, analysis);
        // the runs are noted as nori analyses the title, headings and body for the index: so stored after them
        d.add(titleRuns.storedField(Fields.TITLE_RUNS));
        d.add(textRuns.storedField(Fields.TEXT_RUNS));
        d.add(new TextField(Fields.URL_WORDS, urlWords(doc.url()), Field.Store.NO));
        for (String link : encodeLinks(doc.links())) {
            d.add(new StoredField(Fields.LINKS, link));
        }
        d.add(new StoredField(Fields.ANCHORS_HASH, anchors.hashCode()));
        if (!doc.html().isEmpty()) {
            d.add(new StoredField(Fields.VIEW, doc.html()));
        }
        d.add(new NumericDocValuesField(Fields.AUTHORITY, AuthorityBoost.encode(authority)));
        return d;
    }

    /** The whole-title key, the Hangul spellings of the English words, and the glosses the page states. */
    private static void addBridgeFields(Document d, SearchDocument doc, TextAnalysis analysis) {
        String key = TitleKey.of(analysis.perField(), doc.title());
        if (!key.isEmpty()) {
            d.add(new StringField(Fields.TITLE_KEY, key, Field.Store.NO));
        }
        String text = doc.title() + "\n" + String.join("\n", doc.headings()) + "\n" + doc.body();
        d.add(new TextField(Fields.LOANWORDS, LoanwordField.fieldText(text), Field.Store.NO));
        d.add(new TextField(Fields.TITLE_LOANWORDS, LoanwordField.fieldText(doc.title()), Field.Store.NO));
        for (Glosses.Gloss gloss : Glosses.find(text)) {
            for (String term : Glosses.terms(gloss)) {
                d.add(new StringField(Fields.GLOSSES, term, Field.Store.NO));
            }
        }
    }

    private static void text(Document d, String field, String value, boolean store) {
        d.add(new TextField(field, value, store ? Field.Store.YES : Field.Store.NO));
        d.add(new TextField(field + TextAnalysis.EN, value, Field.Store.NO));
    }

    static String urlWords(String url) {
        String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*:/*", "");
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private static List<String> encodeLinks(List<SearchDocument.Link> links) {
        List<String> out = new ArrayList<>(links.size());
        for (SearchDocument.Link link : links) {
            out.add(link.url().replace("\t", "%09") + "\t" + link.anchorText().replace('\t', ' '));
        }
        return out;
    }

    static List<SearchDocument.Link> decodeLinks(String[] values) {
        List<SearchDocument.Link> links = new ArrayList<>(values.length);
        for (String v : values) {
            int tab = v.indexOf('\t');
            links.add(
                    tab < 0
                            ? new SearchDocument.Link(v, "")
                            : new SearchDocument.Link(v.substring(0, tab), v.substring(tab + 1)));
        }
        return links;
    }

    /** The document a stored Lucene document was written from (its stored fields). */
    static SearchDocument fromLucene(Document d) {
        return new SearchDocument(
                d.get(Fields.URL),
                d.get(Fields.TITLE),
                List.of(d.getValues(Fields.HEADINGS)),
                d.get(Fields.BODY),
                d.get(Fields.SITE),
                d.get(Fields.LANGUAGE),
                List.of(d.getValues(Fields.TOPICS)),
                decodeLinks(d.getValues(Fields.LINKS)),
                d.get(Fields.VIEW));
    }

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
