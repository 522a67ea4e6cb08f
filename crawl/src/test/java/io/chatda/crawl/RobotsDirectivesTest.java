package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Meta robots and X-Robots-Tag are read as whole tokens, and a header's agent names are honoured. */
class RobotsDirectivesTest {

    private static final RobotsDirectives NOINDEX = new RobotsDirectives(true, false);
    private static final RobotsDirectives NOFOLLOW = new RobotsDirectives(false, true);
    private static final RobotsDirectives BOTH = new RobotsDirectives(true, true);

    @Test
    void metaContentIsCommaOrSpaceSeparatedTokensInAnyCase() {
        assertThat(RobotsDirectives.ofMeta("noindex")).isEqualTo(NOINDEX);
        assertThat(RobotsDirectives.ofMeta("NoFollow")).isEqualTo(NOFOLLOW);
        assertThat(RobotsDirectives.ofMeta("noindex,nofollow")).isEqualTo(BOTH);
        assertThat(RobotsDirectives.ofMeta(" NOINDEX  nofollow ")).isEqualTo(BOTH);
        assertThat(RobotsDirectives.ofMeta("None")).isEqualTo(BOTH);
        assertThat(RobotsDirectives.ofMeta("index, follow")).isEqualTo(RobotsDirectives.NONE);
        assertThat(RobotsDirectives.ofMeta("")).isEqualTo(RobotsDirectives.NONE);
    }

    @Test
    void wordsThatMerelyContainADirectiveAreNotIt() {
        assertThat(RobotsDirectives.ofMeta("nonexistent, noindexing")).isEqualTo(RobotsDirectives.NONE);
        assertThat(RobotsDirectives.ofMeta("max-image-preview:none")).isEqualTo(RobotsDirectives.NONE);
        assertThat(RobotsDirectives.ofMeta("max-image-preview: none, nofollow")).isEqualTo(NOFOLLOW);
        assertThat(RobotsDirectives.ofHeaders(List.of("max-image-preview: none"), "chatda"))
                .isEqualTo(RobotsDirectives.NONE);
    }

    @Test
    void headerDirectivesWithoutAnAgentApplyToAll() {
        assertThat(RobotsDirectives.ofHeaders(List.of("noindex"), "chatda")).isEqualTo(NOINDEX);
        assertThat(RobotsDirectives.ofHeaders(List.of("NOINDEX, NOFOLLOW"), "chatda"))
                .isEqualTo(BOTH);
        assertThat(RobotsDirectives.ofHeaders(List.of("noindex", "nofollow"), "chatda"))
                .isEqualTo(BOTH);
        assertThat(RobotsDirectives.ofHeaders(List.of("none"), "chatda")).isEqualTo(BOTH);
        assertThat(RobotsDirectives.ofHeaders(List.of(), "chatda")).isEqualTo(RobotsDirectives.NONE);
    }

    @Test
    void headerDirectivesForAnotherAgentAreIgnoredUpToTheNextAgent() {
        assertThat(RobotsDirectives.ofHeaders(List.of("googlebot: noindex"), "chatda"))
                .isEqualTo(RobotsDirectives.NONE);
        assertThat(RobotsDirectives.ofHeaders(List.of("otherbot: noindex, nofollow"), "chatda"))
                .isEqualTo(RobotsDirectives.NONE);
        assertThat(RobotsDirectives.ofHeaders(List.of("googlebot: none"), "chatda"))
                .isEqualTo(RobotsDirectives.NONE);
        assertThat(RobotsDirectives.ofHeaders(List.of("googlebot: noindex", "nofollow"), "chatda"))
                .isEqualTo(NOFOLLOW);
        assertThat(RobotsDirectives.ofHeaders(List.of("noindex, googlebot: nofollow"), "chatda"))
                .isEqualTo(NOINDEX);
        assertThat(RobotsDirectives.ofHeaders(List.of("googlebot: nofollow, chatda: noindex"), "chatda"))
                .isEqualTo(NOINDEX);
    }

    @Test
    void headerDirectivesForOurAgentOrForRobotsCount() {
        assertThat(RobotsDirectives.ofHeaders(List.of("Chatda: noindex"), "chatda"))
                .isEqualTo(NOINDEX);
        assertThat(RobotsDirectives.ofHeaders(List.of("chatda:nofollow noindex"), "chatda"))
                .isEqualTo(BOTH);
        assertThat(RobotsDirectives.ofHeaders(List.of("robots: none"), "chatda"))
                .isEqualTo(BOTH);
    }

    @Test
    void aValuedDirectiveIsNoAgentAndItsDateIsNoDirective() {
        assertThat(RobotsDirectives.ofHeaders(
                        List.of("unavailable_after: Fri, 25 Jun 2010 15:00:00 GMT, noindex"), "chatda"))
                .isEqualTo(NOINDEX);
        assertThat(RobotsDirectives.ofHeaders(List.of("max-snippet: 20, nofollow"), "chatda"))
                .isEqualTo(NOFOLLOW);
    }

    @Test
    void htmlExtractorReadsMetaRobotsWithTheParser() {
        String page = "<html><head><meta name=robots content=\"max-image-preview:none\">"
                + "<meta name=chatda content=\"NOFOLLOW\"><meta name=googlebot content=noindex></head></html>";
        HtmlExtractor.Page p = new HtmlExtractor()
                .extractPage(
                        page.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "utf-8",
                        "http://example.com/",
                        "chatda");
        assertThat(p.noindex()).isFalse();
        assertThat(p.nofollow()).isTrue();
    }
}
