package io.chatda.bench.suggest;

import io.chatda.suggest.SuggestEntry;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.util.BytesRef;

/** chatda's candidates as Lucene's suggesters read them: text (lower-cased if asked) and weight times a scale. */
final class LuceneEntries implements InputIterator {
    private final Iterator<SuggestEntry> it;
    private final double scale;
    private final boolean lowerCase;
    private SuggestEntry current;

    LuceneEntries(List<SuggestEntry> entries, double scale, boolean lowerCase) {
        this.it = entries.iterator();
        this.scale = scale;
        this.lowerCase = lowerCase;
    }

    @Override
    public BytesRef next() {
        if (!it.hasNext()) {
            return null;
        }
        current = it.next();
        return new BytesRef(lowerCase ? current.text().toLowerCase(Locale.ROOT) : current.text());
    }

    @Override
    public long weight() {
        return Math.round(current.weight() * scale);
    }

    @Override
    public BytesRef payload() {
        return null;
    }

    @Override
    public boolean hasPayloads() {
        return false;
    }

    @Override
    public Set<BytesRef> contexts() {
        return null;
    }

    @Override
    public boolean hasContexts() {
        return false;
    }
}
