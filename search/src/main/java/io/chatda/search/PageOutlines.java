package io.chatda.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;

/**
 * What suggestion dictionaries are built from, read from the stored fields of every searchable
 * document in index order: outlines with their topics ({@link SearchIndex#outlines}) and page texts
 * ({@link SearchIndex#forEachPageText}).
 */
final class PageOutlines {

    /**
     * Documents whose phrases {@link #outlines} counts at once: each holds all its phrases until added, up to a
     * megabyte for a long page, so enough to keep the threads busy and no more.
     */
    private static final int OUTLINE_BATCH = 32;

    private static final Set<String> PAGE_TEXT_FIELDS =
            Set.of(Fields.URL, Fields.TITLE, Fields.HEADINGS, Fields.SITE, Fields.BODY);
    private static final Set<String> OUTLINE_FIELDS =
            Set.of(Fields.URL, Fields.TITLE, Fields.HEADINGS, Fields.SITE, Fields.TITLE_RUNS, Fields.TEXT_RUNS);

    private final TextAnalysis analysis;
    private final IndexWorkers workers;

    /** Reads and counts documents on this thread and {@code workers}' helpers. */
    PageOutlines(TextAnalysis analysis, IndexWorkers workers) {
        this.analysis = analysis;
        this.workers = workers;
    }

    /** See {@link SearchIndex#outlines}. */
    List<DocumentOutline> outlines(IndexReader reader, int topicsPerDocument) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        long[] live = liveDocuments(reader);
        // each document is read and its phrases counted on this thread and the helpers, then
        // added to the collection's counts in index order; a batch at a time, since a document's
        // counts hold every phrase it has until they are added (which keeps only candidates)
        DocumentOutline[] untopical = new DocumentOutline[live.length];
        TopicExtractor extractor = new TopicExtractor();
        TopicExtractor.PhraseCounts[] counted = new TopicExtractor.PhraseCounts[OUTLINE_BATCH];
        for (int from = 0; from < live.length; from += OUTLINE_BATCH) {
            int first = from;
            int count = Math.min(OUTLINE_BATCH, live.length - from);
            workers.inParallel(count, b -> {
                int n = first + b;
                LeafReader leaf = leaves.get((int) (live[n] >>> 32)).reader();
                int i = (int) live[n];
                StoredFields stored = leaf.storedFields(); // not thread-safe: one per document
                Document d = stored.document(i, OUTLINE_FIELDS);
                counted[b] = phraseCounts(stored, i, d);
                untopical[n] = new DocumentOutline(
                        d.get(Fields.URL),
                        d.get(Fields.TITLE),
                        List.of(d.getValues(Fields.HEADINGS)),
                        d.get(Fields.SITE),
                        List.of());
            });
            for (int b = 0; b < count; b++) {
                extractor.add(untopical[first + b].url(), counted[b]);
                counted[b] = null;
            }
        }
        Map<String, List<TopicExtractor.Topic>> topics = extractor.topics(topicsPerDocument);
        return Arrays.stream(untopical)
                .map(o -> new DocumentOutline(
                        o.url(), o.title(), o.headings(), o.site(), topics.getOrDefault(o.url(), List.of())))
                .toList();
    }

    /** Every live document as leaf ordinal {@code << 32 |} document number, in index order. */
    private static long[] liveDocuments(IndexReader reader) {
        long[] live = new long[reader.numDocs()];
        int liveCount = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            var liveDocs = leaf.reader().getLiveDocs();
            for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                if (liveDocs == null || liveDocs.get(i)) {
                    live[liveCount++] = (long) leaf.ord << 32 | i;
                }
            }
        }
        return live;
    }

    /** The phrases of document {@code i}, from its stored content runs or, written before they were stored, analysed again. */
    private TopicExtractor.PhraseCounts phraseCounts(StoredFields stored, int i, Document d) throws IOException {
        String titleRuns = d.get(Fields.TITLE_RUNS);
        String textRuns = d.get(Fields.TEXT_RUNS);
        if (titleRuns == null || textRuns == null) {
            titleRuns = ContentRuns.of(analysis.perField(), Fields.TITLE, d.get(Fields.TITLE));
            ContentRuns text = new ContentRuns();
            for (String heading : d.getValues(Fields.HEADINGS)) {
                text.analyse(analysis.perField(), Fields.HEADINGS, heading);
            }
            text.analyse(
                    analysis.perField(),
                    Fields.BODY,
                    stored.document(i, Set.of(Fields.BODY)).get(Fields.BODY));
            textRuns = text.encoded();
        }
        return TopicExtractor.count(titleRuns, textRuns);
    }

    /** See {@link SearchIndex#forEachPageText}. */
    void forEachPageText(IndexReader reader, Consumer<SearchIndex.PageText> page) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            var liveDocs = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                if (liveDocs == null || liveDocs.get(i)) {
                    Document d = stored.document(i, PAGE_TEXT_FIELDS);
                    page.accept(new SearchIndex.PageText(
                            d.get(Fields.URL),
                            d.get(Fields.SITE),
                            d.get(Fields.TITLE),
                            List.of(d.getValues(Fields.HEADINGS)),
                            d.get(Fields.BODY)));
                }
            }
        }
    }
}
