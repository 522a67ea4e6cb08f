package io.chatda.app;

import org.jsoup.parser.Parser;

/** Turns a highlighted HTML snippet into terminal text: marks become *stars*, entities are decoded by jsoup. */
final class TerminalText {
    private TerminalText() {}

    static String snippet(String html) {
        return Parser.unescapeEntities(html.replace("<mark>", "*").replace("</mark>", "*"), false);
    }
}
