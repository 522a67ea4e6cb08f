package io.chatda.crawl;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a page may be indexed and its links followed, from {@code <meta name=robots content=…>} and
 * {@code X-Robots-Tag} headers. Directives are comma or space separated tokens, matched whole and
 * case-insensitively; {@code none} means noindex and nofollow. A header's directives may follow a user agent's
 * name ({@code googlebot: noindex, nofollow}) up to the next name: only those for every agent (no name, or
 * {@code robots}) and those for the crawler's own agent count.
 *
 * @param noindex  the page must not be indexed
 * @param nofollow the page's links must not be followed
 */
record RobotsDirectives(boolean noindex, boolean nofollow) {

    /** Nothing forbidden. */
    static final RobotsDirectives NONE = new RobotsDirectives(false, false);

    /** Directives written {@code name: value}, so a name before a colon that is one of them names no agent. */
    private static final Set<String> VALUED =
            Set.of("unavailable_after", "max-snippet", "max-image-preview", "max-video-preview");
    /** An element that starts {@code name:} (an agent, or a valued directive) and what follows the colon. */
    private static final Pattern NAMED = Pattern.compile("([a-z][a-z0-9_-]*)\\s*:(.*)", Pattern.DOTALL);

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The directives of a meta tag's {@code content}. */
    static RobotsDirectives ofMeta(String content) {
        RobotsDirectives result = NONE;
        for (String element : content.toLowerCase(Locale.ROOT).split(",")) {
            if (!NAMED.matcher(element.strip()).matches()) { // max-snippet:20 and the like say nothing here
                result = result.or(ofTokens(element));
            }
        }
        return result;
    }

    /** The directives of every {@code X-Robots-Tag} header value that concerns {@code agent} (lower case). */
    static RobotsDirectives ofHeaders(List<String> values, String agent) {
        RobotsDirectives result = NONE;
        for (String value : values) {
            result = result.or(ofHeader(value, agent));
        }
        return result;
    }

    private static RobotsDirectives ofHeader(String value, String agent) {
        RobotsDirectives result = NONE;
        boolean ours = true;
        for (String element : value.toLowerCase(Locale.ROOT).split(",")) {
            String directives = element.strip();
            Matcher named = NAMED.matcher(directives);
            if (named.matches()) {
                if (VALUED.contains(named.group(1))) {
                    continue;
                }
                ours = named.group(1).equals(agent) || named.group(1).equals("robots");
                directives = named.group(2);
            }
            if (ours) {
                result = result.or(ofTokens(directives));
            }
        }
        return result;
    }

    private static RobotsDirectives ofTokens(String text) {
        boolean noindex = false;
        boolean nofollow = false;
        for (String token : SPACES.split(text.strip())) {
            switch (token) {
                case "noindex" -> noindex = true;
                case "nofollow" -> nofollow = true;
                case "none" -> {
                    noindex = true;
                    nofollow = true;
                }
                default -> {}
            }
        }
        return new RobotsDirectives(noindex, nofollow);
    }

    /** What either forbids. */
    RobotsDirectives or(RobotsDirectives other) {
        return new RobotsDirectives(noindex || other.noindex, nofollow || other.nofollow);
    }
}
