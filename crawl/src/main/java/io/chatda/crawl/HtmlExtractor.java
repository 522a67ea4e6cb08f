package io.chatda.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Elements;

/**
 * Pulls the searchable parts out of an HTML page with jsoup: title, headings, readable main text
 * (without navigation, header, footer, scripts and styles) and links with their anchor text.
 * Used for crawled pages and for imported HTML and Markdown (rendered to HTML first), so every
 * source goes through the same extraction.
 */
public final class HtmlExtractor {

    /** Elements that carry no main content. */
    private static final String BOILERPLATE =
            "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, "
                    + "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";

    /**
     * Separates a body's main text from the text of its link-dense blocks (related-links lists, tables of
     * contents, navigation the page didn't mark up as such), which follows it: snippets prefer what comes before.
     */
    public static final char LINK_LISTS = '\u2029';

    /** Blocks that are link lists when most of their text is link text. */
    private static final String BLOCKS = "ul, ol, dl, table, p, div, section";

    private static final double LINK_DENSE = 0.6;
    private static final int MIN_LINKS = 2;
    /** Larger content is kept as text only: the document view falls back to the body. */
    private static final int MAX_HTML_CHARS = 512 * 1024;
    /** Links kept per page: a large index page (Python's genindex-all has about 9,000) is within it. */
    static final int MAX_LINKS = 10_000;
    /** A longer URL is dropped: the sitemap protocol's limit, and more than many servers accept. */
    static final int MAX_URL_CHARS = 2_048;
    /**
     * The characters of all of a page's links together (URLs and anchor texts). Without it a hostile page's
     * links grow with the square of its size: jsoup re-opens an {@code <a href>} in every following paragraph,
     * and every relative link repeats a long {@code <base href>} (a 21 KB page gave 5 MB of URLs).
     */
    static final long MAX_LINK_CHARS = 2L * 1024 * 1024;
    /** What a document view may show: structure and text, links, never script, style, images or forms. */
    public static final Safelist VIEW = Safelist.relaxed()
            .removeTags("img")
            .addAttributes(":all", "lang", "dir")
            .addProtocols("a", "href", "http", "https", "file");

    /**
     * What a page yields before it becomes a {@link SourceDocument}.
     *
     * @param body main text, then {@link #LINK_LISTS} and the text of link-dense blocks when there are any
     * @param html the main content as sanitised HTML ({@link #VIEW}), or empty when it is too large
     */
    public record Extracted(
            String title, List<String> headings, String body, List<SourceDocument.Link> links, String html) {}

    /**
     * Extracts the page.
     *
     * @param html    the page source
     * @param baseUrl the page's address, used to resolve relative links
     */
    public Extracted extract(String html, String baseUrl) {
        return extract(Jsoup.parse(html, baseUrl), new ArrayList<>());
    }

    /**
     * What a crawled page says about itself besides its content.
     *
     * @param content   title, headings, main text and every link (resolved against {@code <base href>})
     * @param canonical the absolute {@code rel=canonical} URL, or null
     * @param noindex   {@code <meta name=robots|robotsAgent content=noindex>} (or {@code none}; tokens,
     *                  not substrings)
     * @param nofollow  {@code <meta name=robots|robotsAgent content=nofollow>} (or {@code none})
     * @param baseHref  the absolute {@code <base href>}, or null
     * @param language  {@code ko}, {@code en} or {@code mixed}, from the text
     * @param followable links that may be followed: without {@code rel=nofollow}, http(s) only
     */
    public record Page(
            Extracted content,
            String canonical,
            boolean noindex,
            boolean nofollow,
            String baseHref,
            String language,
            List<SourceDocument.Link> followable) {}

    /**
     * Parses a fetched page, detecting its charset from {@code charset} (the Content-Type's, may be null),
     * a byte order mark or {@code <meta charset>}, in that order, falling back to UTF-8.
     *
     * @param robotsAgent the crawler's robots name, so {@code <meta name=chatda>} counts like {@code robots}
     */
    public Page extractPage(byte[] html, String charset, String url, String robotsAgent) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html), charset, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.nio.charset.IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            return extractPage(html, null, url, robotsAgent);
        }
        RobotsDirectives robots = RobotsDirectives.NONE;
        for (Element meta : doc.select("meta[name][content]")) {
            String name = meta.attr("name").toLowerCase(Locale.ROOT);
            if (name.equals("robots") || name.equals(robotsAgent)) {
                robots = robots.or(RobotsDirectives.ofMeta(meta.attr("content")));
            }
        }
        Element canonicalLink = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
        String canonical = canonicalLink == null ? null : emptyToNull(canonicalLink.absUrl("href"));
        Element base = doc.selectFirst("base[href]");
        String baseHref = base == null ? null : emptyToNull(base.absUrl("href"));
        List<SourceDocument.Link> followable = new ArrayList<>();
        Extracted content = extract(doc, followable);
        String language = Language.detect(content.title() + " " + content.body());
        return new Page(content, canonical, robots.noindex(), robots.nofollow(), baseHref, language, followable);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private Extracted extract(Document doc, List<SourceDocument.Link> followable) {
        List<SourceDocument.Link> links = new ArrayList<>();
        URL base = parsedBase(doc.baseUri());
        long budget = MAX_LINK_CHARS;
        for (Element a : doc.select("a[href]")) {
            String href = absoluteHref(a, base);
            if (!href.isEmpty() && href.length() <= MAX_URL_CHARS) {
                SourceDocument.Link link = new SourceDocument.Link(stripFragment(href), a.text());
                budget -= link.url().length() + link.anchorText().length();
                if (budget < 0 || links.size() == MAX_LINKS) {
                    break;
                }
                links.add(link);
                String rel = a.attr("rel").toLowerCase(Locale.ROOT);
                if (!rel.contains("nofollow") && (href.startsWith("http://") || href.startsWith("https://"))) {
                    followable.add(link);
                }
            }
        }
        String title = doc.title().strip();
        Element firstH1 = doc.selectFirst("h1");
        if (title.isEmpty() && firstH1 != null) {
            title = firstH1.text().strip();
        }
        doc.select(BOILERPLATE).remove();
        Element main = doc.selectFirst("main, article, [role=main]");
        Element content = main != null ? main : doc.body();
        List<String> headings = new ArrayList<>();
        for (Element h : content.select("h1, h2, h3, h4, h5, h6")) {
            String text = h.text().strip();
            if (!text.isEmpty() && !text.equals(title)) {
                headings.add(text);
            }
        }
        String html = content.html();
        html = html.length() > MAX_HTML_CHARS ? "" : Jsoup.clean(html, content.baseUri(), VIEW);
        return new Extracted(title, headings, bodyText(content), links, html);
    }

    /** The content's text with its link-dense blocks moved after {@link #LINK_LISTS}. */
    private static String bodyText(Element content) {
        List<Element> dense = new ArrayList<>();
        for (Element block : content.select(BLOCKS)) {
            if (dense.stream().noneMatch(d -> block.parents().contains(d)) && linkDense(block)) {
                dense.add(block);
            }
        }
        if (dense.isEmpty()) {
            return strip(content.text());
        }
        StringBuilder lists = new StringBuilder();
        for (Element block : dense) {
            lists.append(' ').append(block.text());
            block.remove();
        }
        return strip(content.text()) + " " + LINK_LISTS + strip(lists.toString());
    }

    private static boolean linkDense(Element block) {
        Elements links = block.select("a[href]");
        if (links.size() < MIN_LINKS) {
            return false;
        }
        int all = block.text().length();
        int linked = links.stream().mapToInt(a -> a.text().length()).sum();
        return all > 0 && linked >= LINK_DENSE * all;
    }

    private static String strip(String text) {
        return text.replace(LINK_LISTS, ' ').strip();
    }

    /** The page's base URL parsed once for all its links, or null to let jsoup resolve each link alone. */
    private static URL parsedBase(String baseUri) {
        for (int i = 0; i < baseUri.length(); i++) {
            if (baseUri.charAt(i) < 0x20) {
                return null;
            }
        }
        try {
            return new URL(baseUri);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    /**
     * {@code a.absUrl("href")} with the base URL parsed once per page instead of once per link (the same
     * resolution as jsoup's; anything unusual goes to {@code absUrl} itself).
     */
    private static String absoluteHref(Element a, URL base) {
        if (base == null) {
            return a.absUrl("href");
        }
        try {
            return resolve(base, a.attr("href")).toExternalForm();
        } catch (MalformedURLException | IllegalArgumentException e) {
            return a.absUrl("href");
        }
    }

    private static final Pattern CONTROL_CHARS = Pattern.compile("[\\x00-\\x1f]");
    private static final Pattern LEADING_DOT_SEGMENTS = Pattern.compile("^/(?>(?>\\.\\.?/)+)");

    /**
     * A relative URL resolved against {@code base} as {@code absUrl} does (jsoup's resolution, which its public API
     * offers only with the base as text, parsed again for every link): control characters dropped, a bare
     * {@code ?query} kept on the base's path, and dot segments left at the root removed.
     */
    private static URL resolve(URL base, String relative) throws MalformedURLException {
        String rel = CONTROL_CHARS.matcher(relative).replaceAll("");
        if (rel.startsWith("?")) {
            rel = base.getPath() + rel;
        }
        URL url = new URL(base, rel);
        String file = LEADING_DOT_SEGMENTS.matcher(url.getFile()).replaceFirst("/");
        if (url.getRef() != null) {
            file = file + "#" + url.getRef();
        }
        return new URL(url.getProtocol(), url.getHost(), url.getPort(), file);
    }

    private static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
