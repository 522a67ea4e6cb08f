package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentOutlineTest {

    private static final String TITLE = "교착상태 (Deadlock)";
    private static final List<String> HEADINGS = List.of("교착상태의 조건", "교착상태 예방");
    private static final String BODY = "교착상태는 두 프로세스가 서로의 자원을 기다리며 멈추는 상황이다. 교착상태를 피하려면 "
            + "자원 할당 순서를 정한다. Deadlock needs four conditions; deadlock prevention breaks one.";

    @TempDir
    Path dir;

    @Test
    void outlinesCarryTitleHeadingsSiteAndTopicsInIndexOrder() {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.upsert(new SearchDocument("u:1", TITLE, HEADINGS, BODY, "demo", "mixed"));
            index.upsert(
                    new SearchDocument("u:2", "페이지 교체", List.of(), "페이지 교체 알고리즘은 페이지를 고른다. 페이지 교체 비용.", "os", "ko"));
            index.commit(Map.of());
            List<DocumentOutline> outlines = index.outlines(3);
            assertThat(outlines).extracting(DocumentOutline::url).containsExactly("u:1", "u:2");
            DocumentOutline first = outlines.get(0);
            assertThat(first.title()).isEqualTo(TITLE);
            assertThat(first.headings()).isEqualTo(HEADINGS);
            assertThat(first.site()).isEqualTo("demo");
            assertThat(first.topics()).extracting(TopicExtractor.Topic::phrase).contains("교착상태", "deadlock");
            assertThat(outlines.get(1).topics())
                    .extracting(TopicExtractor.Topic::phrase)
                    .first()
                    .isEqualTo("페이지 교체");
        }
    }

    @Test
    void aDocumentWrittenBeforeRunsWereStoredGetsTheSameTopicsByAnalysis() throws Exception {
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document legacy = new Document();
            legacy.add(new StringField(Fields.URL, "u:old", Field.Store.YES));
            legacy.add(new StringField(Fields.SITE, "demo", Field.Store.YES));
            legacy.add(new SortedDocValuesField(Fields.SITE, new BytesRef("demo")));
            legacy.add(new TextField(Fields.TITLE, TITLE, Field.Store.YES));
            HEADINGS.forEach(h -> legacy.add(new TextField(Fields.HEADINGS, h, Field.Store.YES)));
            FieldType withOffsets = new FieldType(TextField.TYPE_STORED);
            withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
            legacy.add(new Field(Fields.BODY, BODY, withOffsets));
            writer.addDocument(legacy);
        }
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.upsert(new SearchDocument("u:new", TITLE, HEADINGS, BODY, "demo", "mixed"));
            index.upsert(new SearchDocument("u:other", "페이지 교체", List.of(), "페이지 교체 비용.", "os", "ko"));
            index.commit(Map.of());
            Map<String, List<TopicExtractor.Topic>> topics = new java.util.HashMap<>();
            index.outlines(5).forEach(o -> topics.put(o.url(), o.topics()));
            assertThat(topics.get("u:new")).isNotEmpty().isEqualTo(topics.get("u:old"));
        }
    }
}
