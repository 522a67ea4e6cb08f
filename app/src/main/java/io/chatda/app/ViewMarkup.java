package io.chatda.app;

import io.chatda.crawl.HtmlExtractor;
import io.chatda.crawl.Slugs;
import io.chatda.server.core.DocumentMarkup;
import org.jsoup.Jsoup;

/**
 * The server's document view treats stored HTML by the crawl module's rules: the extractor's view safelist
 * and its heading slugs, so a view shows what import kept and its heading ids match section URLs.
 */
final class ViewMarkup implements DocumentMarkup {

    @Override
    public String clean(String html, String baseUrl) {
        return Jsoup.clean(html, baseUrl, HtmlExtractor.VIEW);
    }

    @Override
    public String slug(String heading) {
        return Slugs.slug(heading);
    }
}
