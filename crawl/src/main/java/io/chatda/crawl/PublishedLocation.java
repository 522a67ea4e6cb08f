package io.chatda.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where imported files are published ({@code chatda import --base-url}): a file under {@code root} maps to
 * {@code base} plus its path relative to the root; the root itself, when it is a file, maps to {@code base}.
 * A Markdown section's {@code #fragment} is kept.
 */
public record PublishedLocation(Path root, URI base) {

    public PublishedLocation {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * @throws ImportException unless {@code baseUrl} is an absolute http(s) URL without query or fragment
     */
    public static PublishedLocation of(Path root, String baseUrl) {
        URI base;
        try {
            base = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw new ImportException("--base-url is not a URL: " + baseUrl);
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || base.getHost() == null
                || base.getRawQuery() != null
                || base.getRawFragment() != null) {
            throw new ImportException("--base-url must be an http(s) URL without ?query or #fragment: " + baseUrl);
        }
        return new PublishedLocation(root, base);
    }

    /** The published URL of {@code file} (under the root), keeping the fragment of its imported {@code fileUrl}. */
    public String urlOf(Path file, String fileUrl) {
        Path relative = root.relativize(file.toAbsolutePath().normalize());
        StringBuilder url = new StringBuilder(base.toASCIIString());
        if (!relative.toString().isEmpty()) {
            if (url.charAt(url.length() - 1) != '/') {
                url.append('/');
            }
            for (int i = 0; i < relative.getNameCount(); i++) {
                if (i > 0) {
                    url.append('/');
                }
                url.append(encodeSegment(relative.getName(i).toString()));
            }
        }
        int hash = fileUrl.indexOf('#');
        return hash < 0 ? url.toString() : url + fileUrl.substring(hash);
    }

    private static String encodeSegment(String segment) {
        try {
            // the multi-argument constructor quotes what a path may not hold and keeps non-ASCII letters
            return new URI(null, null, "/" + segment, null)
                    .toASCIIString()
                    .substring(1)
                    .replace("/", "%2F");
        } catch (URISyntaxException e) {
            throw new ImportException("can't publish " + segment + ": " + e.getMessage());
        }
    }
}
