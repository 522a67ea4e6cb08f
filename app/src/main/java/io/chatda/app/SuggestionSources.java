package io.chatda.app;

import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import io.chatda.search.TopicExtractor;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.SuggestEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds the suggestion dictionary from what the index holds (document titles, headings and topics)
 * plus the query log's popular queries. Topics are computed here, over the whole collection, at each
 * build (see docs/suggest.md for why not at import time).
 */
final class SuggestionSources {

    static final double TITLE_WEIGHT = 3;
    static final double HEADING_WEIGHT = 1;
    static final double TOPIC_WEIGHT = 1;
    static final int TOPICS_PER_DOCUMENT = 5;

    /** Hash of this class's and the topic extractor's code: a dictionary built by other code is stale. */
    private static final String CODE = codeHash();

    private SuggestionSources() {
    }

    /**
     * What a dictionary built now would be built from, as a string that changes whenever the inputs
     * do: the last commit of the index in {@code indexDir} (its generation and Lucene's random commit
     * id, so a re-created index never passes for the old one), the query log's {@code logState} and
     * the building code. Taken <em>before</em> reading the inputs, so a change in between makes a
     * saved dictionary look stale, never current.
     *
     * @throws IOException if the index's commit can't be read
     */
    static String fingerprint(Path indexDir, long logState) throws IOException {
        String commit;
        try (Directory directory = FSDirectory.open(indexDir)) {
            SegmentInfos infos = SegmentInfos.readLatestCommit(directory);
            commit = infos.getGeneration() + "-" + HexFormat.of().formatHex(infos.getId());
        } catch (IndexNotFoundException | NoSuchFileException e) {
            commit = "none";
        }
        return "index=" + commit + ";log=" + Long.toHexString(logState) + ";code=" + CODE;
    }

    private static String codeHash() {
        CRC32 crc = new CRC32();
        for (Class<?> type : new Class<?>[] {SuggestionSources.class, TopicExtractor.class}) {
            try (InputStream code = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                crc.update(code == null ? type.getName().getBytes(StandardCharsets.UTF_8) : code.readAllBytes());
            } catch (IOException e) {
                crc.update(type.getName().getBytes(StandardCharsets.UTF_8));
            }
        }
        return Long.toHexString(crc.getValue());
    }

    /** The dictionary of {@code index} and {@code queries} (query-log entries, already weighted). */
    static CompletionIndex build(SearchIndex index, List<SuggestEntry> queries) {
        List<SuggestEntry> entries = new ArrayList<>(queries);
        TopicExtractor topics = new TopicExtractor();
        List<SearchDocument> docs = new ArrayList<>();
        index.forEach(doc -> {
            entries.add(new SuggestEntry(doc.title(), TITLE_WEIGHT, SuggestEntry.Kind.TITLE, doc.url(), doc.site()));
            for (String heading : doc.headings()) {
                entries.add(new SuggestEntry(heading, HEADING_WEIGHT, SuggestEntry.Kind.HEADING, doc.url(), doc.site()));
            }
            topics.add(doc.url(), doc.title(), String.join("\n", doc.headings()) + "\n" + doc.body());
            docs.add(new SearchDocument(doc.url(), doc.title(), List.of(), "", doc.site(), ""));
        });
        Map<String, List<TopicExtractor.Topic>> byDocument = topics.topics(TOPICS_PER_DOCUMENT);
        for (SearchDocument doc : docs) {
            for (TopicExtractor.Topic topic : byDocument.getOrDefault(doc.url(), List.of())) {
                entries.add(new SuggestEntry(topic.phrase(), TOPIC_WEIGHT, SuggestEntry.Kind.TOPIC, "", doc.site()));
            }
        }
        return CompletionIndex.build(entries);
    }
}
