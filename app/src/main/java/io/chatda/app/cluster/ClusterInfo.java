package io.chatda.app.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * How to reach a running local cluster, kept in its directory (readable by its owner only, as it holds
 * the admin token) for {@code chatda cluster import}.
 */
public record ClusterInfo(String url, String indexerUrl, String adminToken) {

    static final String FILE = "cluster.properties";

    static void write(Path root, ClusterInfo info) throws IOException {
        Path file = root.resolve(FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties p = new Properties();
        p.setProperty("url", info.url);
        p.setProperty("indexer", info.indexerUrl);
        p.setProperty("token", info.adminToken);
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "the running chatda cluster");
        }
    }

    /** The cluster running in {@code root}, or empty when none is. */
    public static Optional<ClusterInfo> read(Path root) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(root.resolve(FILE))) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new ClusterInfo(p.getProperty("url"), p.getProperty("indexer"), p.getProperty("token")));
    }

    static void remove(Path root) {
        try {
            Files.deleteIfExists(root.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
