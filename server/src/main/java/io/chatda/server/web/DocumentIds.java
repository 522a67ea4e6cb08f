package io.chatda.server.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code {id}} of {@code /doc/{id}}: the document's URL in unpadded base64url, so a view needs no
 * extra index field and any id names at most one stored document.
 */
final class DocumentIds {

    /** Longest id accepted, about a 6 kB URL. */
    static final int MAX_ID = 8192;

    private DocumentIds() {}

    static String of(String url) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
    }

    /** The URL an id names, or empty when it is not an id (wrong alphabet, too long, not UTF-8). */
    static Optional<String> url(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(id);
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The path of the view of {@code url}, with the query to highlight ({@code q} may be empty) and a fragment. */
    static String href(String url, String q, String fragment) {
        StringBuilder href = new StringBuilder("/doc/").append(of(url));
        if (q != null && !q.isBlank()) {
            href.append("?q=").append(java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (fragment != null && !fragment.isEmpty()) {
            href.append('#').append(fragment);
        }
        return href.toString();
    }
}
