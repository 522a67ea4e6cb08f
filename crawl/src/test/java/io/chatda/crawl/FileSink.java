package io.chatda.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A checkpointing sink that stands in for a Lucene index: accepted URLs are held in memory and appended
 * to a file only on commit, so a killed process loses everything since its last commit.
 */
final class FileSink implements CheckpointingSink {
    private final Path file;
    private final List<String> uncommitted = new ArrayList<>();

    FileSink(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void accept(SourceDocument document) {
        uncommitted.add(document.url());
    }

    @Override
    public synchronized void delete(String url) {
        throw new UnsupportedOperationException("no deletes expected");
    }

    @Override
    public synchronized void commit() {
        try {
            Files.write(
                    file,
                    uncommitted,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
            uncommitted.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> committed(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
