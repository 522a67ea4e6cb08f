package io.chatda.server.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns a document URL into what a reader scans: {@code host › path › segments}, and decides if it may be a link. */
final class ReadableUrl {

    private static final Set<String> LINKABLE = Set.of("http", "https", "file");
    private static final int MAX_SEGMENTS = 3;

    private ReadableUrl() {}

    /** The URL as breadcrumbs: host (or scheme), the last path segments decoded, and the section. */
    static List<String> crumbs(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return List.of(url);
        }
        List<String> crumbs = new ArrayList<>();
        String host = uri.getHost();
        if (host != null) {
            crumbs.add(host.startsWith("www.") ? host.substring(4) : host);
        } else if (uri.getScheme() != null) {
            crumbs.add(uri.getScheme());
        }
        List<String> segments = new ArrayList<>();
        String path = uri.getPath();
        if (path != null) {
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment);
                }
            }
        }
        if (segments.size() > MAX_SEGMENTS) {
            crumbs.add("…");
            segments = segments.subList(segments.size() - MAX_SEGMENTS + 1, segments.size());
        }
        crumbs.addAll(segments);
        if (uri.getFragment() != null && !uri.getFragment().isEmpty()) {
            crumbs.add("#" + uri.getFragment());
        }
        return crumbs.isEmpty() ? List.of(url) : List.copyOf(crumbs);
    }

    /** True for schemes a result may link to; anything else ({@code javascript:}, {@code data:}) is shown as text only. */
    static boolean linkable(String url) {
        try {
            String scheme = new URI(url).getScheme();
            return scheme != null && LINKABLE.contains(scheme.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
