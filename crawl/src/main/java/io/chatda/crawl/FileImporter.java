package io.chatda.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns local Markdown, HTML and plain-text files (or folders of them) into {@link SourceDocument}s.
 * A Markdown file with several level-1 ({@code #}) sections becomes one document per section,
 * addressed as {@code file:///path.md#section-slug}; everything goes through {@link HtmlExtractor}.
 * A folder's symbolic links are followed only while they stay inside it (a link to {@code /etc/passwd} is
 * not read), and only regular files are read (never a FIFO or a device, which could block or never end).
 */
public final class FileImporter {

    private static final Set<String> MARKDOWN = Set.of("md", "markdown");
    private static final Set<String> HTML = Set.of("html", "htm");
    private static final Set<String> TEXT = Set.of("txt", "text");

    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final HtmlExtractor extractor;

    public FileImporter(HtmlExtractor extractor) {
        this.extractor = extractor;
    }

    /** Whether the importer understands files with this name. */
    public static boolean supports(Path file) {
        String ext = extension(file);
        return MARKDOWN.contains(ext) || HTML.contains(ext) || TEXT.contains(ext);
    }

    /**
     * What a folder scan found: the supported files to read, in a stable order, and one line per entry
     * refused (a link leading out of the folder, a special file), saying why.
     */
    public record Scan(List<Path> files, List<String> refused) {
        public Scan {
            files = List.copyOf(files);
            refused = List.copyOf(refused);
        }
    }

    /**
     * The supported files at or under {@code path}, in a stable order.
     *
     * @throws ImportException if the path doesn't exist, or is a file of an unsupported type or not a regular file
     */
    public List<Path> files(Path path) {
        return scan(path).files();
    }

    /**
     * {@link #files(Path)} with what was refused: under a folder, links whose target lies outside it and
     * entries that are not regular files (FIFOs, devices, sockets).
     *
     * @throws ImportException if the path doesn't exist, or is a file of an unsupported type or not a regular file
     */
    public Scan scan(Path path) {
        if (!Files.exists(path)) {
            throw new ImportException("no such file or folder: " + path);
        }
        if (!Files.isDirectory(path)) {
            if (!supports(path)) {
                throw new ImportException("unsupported file type (use .md, .html or .txt): " + path);
            }
            requireRegular(path);
            return new Scan(List.of(path), List.of());
        }
        List<Path> files = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            Path root = path.toRealPath();
            for (Path entry : walk.sorted().toList()) {
                String problem = problem(entry, root);
                if (problem != null) {
                    refused.add(entry + ": " + problem);
                } else if (Files.isRegularFile(entry) && supports(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException("can't read folder " + path + ": " + e.getMessage(), e);
        }
        return new Scan(files, refused);
    }

    /** Why a folder entry is refused, or null: a link leading out of {@code root}, or a special file. */
    private static String problem(Path entry, Path root) throws IOException {
        if (Files.isSymbolicLink(entry)) {
            Path target;
            try {
                target = entry.toRealPath();
            } catch (IOException e) {
                return null; // a dangling link reads nothing
            }
            if (!target.startsWith(root)) {
                return "a link to " + target + ", outside the imported folder: not followed";
            }
        }
        BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isOther() && supports(entry)) {
            return "not a regular file (a FIFO, device or socket): not read";
        }
        return null;
    }

    private static void requireRegular(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ImportException("not a regular file (a FIFO, device or socket): " + file);
        }
    }

    /**
     * Reads one file into documents.
     *
     * @param site the collection name the documents belong to
     * @throws ImportException if the file can't be read, isn't a regular file or isn't valid UTF-8
     */
    public List<SourceDocument> read(Path file, String site) {
        requireRegular(file);
        String content = readUtf8(file);
        String url = file.toAbsolutePath().normalize().toUri().toString();
        String ext = extension(file);
        if (MARKDOWN.contains(ext)) {
            return readMarkdown(content, url, fileTitle(file), site);
        }
        if (HTML.contains(ext)) {
            return List.of(toDocument(extractor.extract(content, url), url, fileTitle(file), site));
        }
        return List.of(readText(content, url, fileTitle(file), site));
    }

    private List<SourceDocument> readMarkdown(String content, String url, String fallbackTitle, String site) {
        Node root = markdown.parse(content);
        List<List<Node>> sections = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h && h.getLevel() == 1 && hasContent(current)) {
                sections.add(current);
                current = new ArrayList<>();
            }
            current.add(node);
        }
        if (hasContent(current)) {
            sections.add(current);
        }
        boolean split = sections.size() > 1;
        List<SourceDocument> docs = new ArrayList<>();
        List<String> usedAnchors = new ArrayList<>();
        for (List<Node> section : sections) {
            StringBuilder html = new StringBuilder();
            for (Node node : section) {
                html.append(renderer.render(node));
            }
            HtmlExtractor.Extracted extracted = extractor.extract(html.toString(), url);
            String sectionUrl = url;
            if (split) {
                String anchor = uniqueAnchor(Slugs.slug(extracted.title()), usedAnchors);
                sectionUrl = url + "#" + anchor;
            }
            docs.add(toDocument(extracted, sectionUrl, fallbackTitle, site));
        }
        return docs;
    }

    private static boolean hasContent(List<Node> nodes) {
        // a section of only thematic breaks ("---") or blank text is not a document
        for (Node node : nodes) {
            if (!(node instanceof org.commonmark.node.ThematicBreak)
                    && !(node instanceof Text t && t.getLiteral().isBlank())) {
                return true;
            }
        }
        return false;
    }

    private static String uniqueAnchor(String anchor, List<String> used) {
        String base = anchor.isEmpty() ? "section" : anchor;
        String candidate = base;
        for (int i = 2; used.contains(candidate); i++) {
            candidate = base + "-" + i;
        }
        used.add(candidate);
        return candidate;
    }

    private SourceDocument readText(String content, String url, String fallbackTitle, String site) {
        String stripped = content.strip();
        int newline = stripped.indexOf('\n');
        String firstLine = (newline < 0 ? stripped : stripped.substring(0, newline)).strip();
        String title = firstLine.isEmpty() || firstLine.length() > 200 ? fallbackTitle : firstLine;
        String rest = newline < 0 ? "" : stripped.substring(newline + 1);
        String body = rest.replaceAll("\\s+", " ").strip();
        StringBuilder html = new StringBuilder();
        for (String paragraph : rest.strip().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>")
                        .append(org.jsoup.nodes.Entities.escape(paragraph.strip()))
                        .append("</p>\n");
            }
        }
        return new SourceDocument(url, title, List.of(), body, List.of(), null, site, html.toString());
    }

    private static SourceDocument toDocument(HtmlExtractor.Extracted e, String url, String fallbackTitle, String site) {
        String title = e.title().isBlank() ? fallbackTitle : e.title();
        return new SourceDocument(url, title, e.headings(), e.body(), e.links(), null, site, e.html());
    }

    private static String readUtf8(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ImportException("not valid UTF-8: " + file, e);
        } catch (IOException e) {
            throw new ImportException("can't read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String fileTitle(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
