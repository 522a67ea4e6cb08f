import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Prints the URL of every live document in a chatda Lucene index, sorted, one a line, so benchmarks can
 * compare what the search index holds (not just what the crawl store says).
 * Run: {@code java -cp 'app/target/lib/*' bench/scripts/crawl-index-urls.java DATA/index}.
 */
public final class CrawlIndexUrls {
    public static void main(String[] args) throws Exception {
        List<String> urls = new ArrayList<>();
        try (var dir = FSDirectory.open(Path.of(args[0])); var reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (live == null || live.get(i)) {
                        urls.add(stored.document(i, Set.of("url")).get("url"));
                    }
                }
            }
        }
        Collections.sort(urls);
        urls.forEach(System.out::println);
    }
}
