package io.chatda.server.web;

import io.chatda.search.SearchDocument;
import io.chatda.server.core.DocumentMarkup;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Renders a stored document as a page of this site: its content HTML cleaned once more by the app's
 * {@link DocumentMarkup} (no script, style, handler, image or form survives; links keep only
 * http, https and file URLs), headings given ids (the import's slugs), the query's words in {@code <mark>}, and an empty
 * {@code #match} target before the section of the first match (at the top of the page when that is the
 * opening section). Links to other imported files lead to their
 * views, web links stay web links, anything else becomes plain text. A document stored without HTML
 * shows its text.
 */
final class DocumentRenderer {

    /** The fragment a view scrolls to: the section of the first match. */
    static final String MATCH = "match";

    private final ResultsRenderer pages;
    private final DocumentMarkup markup;

    DocumentRenderer(ResultsRenderer pages, DocumentMarkup markup) {
        this.pages = pages;
        this.markup = markup;
    }

    /**
     * The view of {@code doc}, highlighting {@code query} (may be empty).
     *
     * @param stored whether another document is stored under a URL, so file links lead to a view only when one exists
     */
    String render(SearchDocument doc, String query, Predicate<String> stored) {
        Document page = pages.page(query);
        page.title(doc.title() + " – chatda");
        Element main = page.getElementById("main");
        Element article = main.appendElement("article").addClass("document");
        Element head = article.appendElement("header").addClass("doc-head");
        Element body = article.appendElement("div").addClass("doc-body");
        if (doc.html().isBlank()) {
            body.appendElement("p").text(doc.mainText());
        } else {
            Document clean = Jsoup.parseBodyFragment(markup.clean(doc.html(), doc.url()), doc.url());
            for (org.jsoup.nodes.Node child : clean.body().childNodesCopy()) {
                body.appendChild(child);
            }
        }
        if (body.selectFirst("h1") == null) {
            // the content's own h1 (a Markdown title) is the page's heading; otherwise the stored title is
            head.appendElement("h1").text(doc.title());
        }
        source(head, doc.url(), query);
        headingIds(body, fragment(doc.url()));
        links(body, doc.url(), stored);
        Element first = QueryTerms.of(query).mark(body);
        if (first != null) {
            Element target = sectionOf(first, body);
            Element anchor = new Element("span").attr("id", MATCH);
            if (target == body.firstElementChild()) {
                page.body().prependChild(anchor); // a match in the opening section: the page opens at its top
            } else {
                target.before(anchor);
            }
        }
        return page.outerHtml();
    }

    /** The page's address: the original as a link for web pages, the file's path as text for imported files. */
    private static void source(Element head, String url, String query) {
        Element p = head.appendElement("p").addClass("doc-source");
        if (web(url)) {
            p.appendText("원본 페이지: ");
            p.appendElement("a")
                    .attr("href", url)
                    .attr("rel", "noopener noreferrer")
                    .text(url);
        } else {
            p.appendText("가져온 파일: ").appendElement("span").text(url);
        }
        if (!query.isBlank()) {
            head.appendElement("p")
                    .addClass("doc-source")
                    .appendElement("a")
                    .attr("href", ResultsRenderer.searchHref(query, 1))
                    .text("‘" + query + "’ 검색결과로 돌아가기");
        }
    }

    /** Every heading gets a slug id (once per page); a section document's own heading gets its URL's fragment. */
    private void headingIds(Element body, Optional<String> fragment) {
        Set<String> used = new HashSet<>();
        used.add(MATCH);
        for (Element h : body.select("h1, h2, h3, h4, h5, h6")) {
            String base = h.id().isEmpty() ? markup.slug(h.text()) : h.id();
            String id = base.isEmpty() ? "section" : base;
            for (int i = 2; used.contains(id); i++) {
                id = base + "-" + i;
            }
            used.add(id);
            h.attr("id", id);
        }
        fragment.ifPresent(f -> {
            if (body.getElementById(f) == null) {
                Element first = body.selectFirst("h1, h2, h3, h4, h5, h6");
                if (first != null) {
                    first.attr("id", f);
                }
            }
        });
    }

    private static void links(Element body, String docUrl, Predicate<String> stored) {
        String page = withoutFragment(docUrl);
        for (Element a : body.select("a")) {
            String href = a.attr("abs:href");
            a.removeAttr("href");
            a.removeAttr("rel");
            if (href.isEmpty()) {
                continue;
            }
            String scheme = scheme(href);
            if (scheme.equals("http") || scheme.equals("https")) {
                a.attr("href", href).attr("rel", "noopener noreferrer nofollow");
            } else if (scheme.equals("file")) {
                String target = fileUrl(href);
                Optional<String> fragment = fragment(target);
                if (withoutFragment(target).equals(page) && fragment.isPresent()) {
                    a.attr("href", "#" + fragment.get());
                } else if (stored.test(target)) {
                    a.attr("href", DocumentIds.href(target, "", null));
                } else if (fragment.isPresent() && stored.test(withoutFragment(target))) {
                    a.attr("href", DocumentIds.href(withoutFragment(target), "", fragment.get()));
                }
            }
        }
    }

    /** The heading that opens the section of {@code el}, or the block holding it. */
    private static Element sectionOf(Element el, Element body) {
        Element block = el;
        while (block.parent() != null && block.parent() != body) {
            block = block.parent();
        }
        for (Element e = block; e != null; e = e.previousElementSibling()) {
            if (e.nameIs("h1")
                    || e.nameIs("h2")
                    || e.nameIs("h3")
                    || e.nameIs("h4")
                    || e.nameIs("h5")
                    || e.nameIs("h6")) {
                return e;
            }
        }
        return block;
    }

    /** {@code file:/x} (as jsoup resolves) written {@code file:///x}, as imported documents are keyed. */
    private static String fileUrl(String href) {
        try {
            URI uri = new URI(href);
            return "file://" + uri.getRawPath() + (uri.getFragment() == null ? "" : "#" + uri.getFragment());
        } catch (URISyntaxException e) {
            return href;
        }
    }

    static boolean web(String url) {
        String scheme = scheme(url);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static Optional<String> fragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 || hash == url.length() - 1 ? Optional.empty() : Optional.of(url.substring(hash + 1));
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
