package io.chatda.app;

import io.chatda.search.SearchIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample corpus bundled in the app (Markdown pages on computer-science topics, Korean and English).
 * It is written out to the data directory and imported from there; its fingerprint tells whether a
 * data directory already holds this version of it.
 */
final class DemoCorpus {

    static final String SITE = "demo";
    static final String FINGERPRINT_KEY = "demo.fingerprint";
    private static final String ROOT = "/demo-corpus/";

    private final Map<String, byte[]> pages;

    private DemoCorpus(Map<String, byte[]> pages) {
        this.pages = pages;
    }

    /** Loads the bundled pages listed in the corpus MANIFEST. */
    static DemoCorpus bundled() {
        Map<String, byte[]> pages = new LinkedHashMap<>();
        for (String name : lines(read("MANIFEST"))) {
            pages.put(name, read(name));
        }
        return new DemoCorpus(pages);
    }

    /**
     * Imports the corpus into the library unless this version of it is already there; a changed corpus
     * replaces the older demo documents.
     *
     * @return whether it imported
     */
    boolean importInto(Library library, DataDirectory data, java.io.PrintWriter out, java.io.PrintWriter err) {
        String fingerprint = fingerprint();
        if (fingerprint.equals(library.index().commitData().get(FINGERPRINT_KEY))) {
            out.printf(
                    "demo corpus already imported (%d documents)%n",
                    library.index().size());
            return false;
        }
        Path dir = writeTo(data.demoCorpus());
        library.index().deleteSite(SITE);
        ImportSummary summary = library.importPaths(List.of(dir), SITE, Map.of(FINGERPRINT_KEY, fingerprint), err);
        out.printf("imported the demo corpus: %d files, %d documents%n", summary.files(), summary.documents());
        return true;
    }

    int size() {
        return pages.size();
    }

    /** SHA-256 over the index layout, names and contents: changes whenever any page or the layout does. */
    String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // a new index layout (fields the ranking needs) re-imports the demo like a changed page does
            sha.update(SearchIndex.LAYOUT.getBytes(StandardCharsets.UTF_8));
            pages.forEach((name, bytes) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Writes the pages into {@code dir} (replacing older copies) and returns it. */
    Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (var page : pages.entrySet()) {
                Path target = dir.resolve(page.getKey());
                Path tmp = dir.resolve(page.getKey() + ".tmp");
                Files.write(tmp, page.getValue());
                Files.move(
                        tmp,
                        target,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return dir;
        } catch (IOException e) {
            throw new UsageException("can't write the demo corpus to " + dir + ": " + e.getMessage());
        }
    }

    private static List<String> lines(byte[] manifest) {
        return new String(manifest, StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static byte[] read(String name) {
        try (InputStream in = DemoCorpus.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("demo corpus resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("can't read demo corpus resource " + name, e);
        }
    }
}
