package io.chatda.app;

/** Turns a highlighted HTML snippet into terminal text: marks become *stars*, entities are decoded. */
final class TerminalText {
    private TerminalText() {
    }

    static String snippet(String html) {
        return html.replace("<mark>", "*").replace("</mark>", "*")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
    }
}
