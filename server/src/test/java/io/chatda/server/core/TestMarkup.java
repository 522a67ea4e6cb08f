package io.chatda.server.core;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/** The document view's markup as the app supplies it (the crawl module's view safelist and slugs), for tests. */
public final class TestMarkup implements DocumentMarkup {

    public static final TestMarkup INSTANCE = new TestMarkup();

    private static final Safelist VIEW = Safelist.relaxed()
            .removeTags("img")
            .addAttributes(":all", "lang", "dir")
            .addProtocols("a", "href", "http", "https", "file");

    private TestMarkup() {}

    @Override
    public String clean(String html, String baseUrl) {
        return Jsoup.clean(html, baseUrl, VIEW);
    }

    @Override
    public String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-|-$", "");
    }
}
