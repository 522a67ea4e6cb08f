package io.chatda.crawl;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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

    /** What a page yields before it becomes a {@link SourceDocument}. */
    public record Extracted(String title, List<String> headings, String body, List<SourceDocument.Link> links) {
    }

    /**
     * Extracts the page.
     *
     * @param html    the page source
     * @param baseUrl the page's address, used to resolve relative links
     */
    public Extracted extract(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl);
        List<SourceDocument.Link> links = new ArrayList<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (!href.isEmpty()) {
                links.add(new SourceDocument.Link(stripFragment(href), a.text()));
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
        return new Extracted(title, headings, content.text(), links);
    }

    private static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
