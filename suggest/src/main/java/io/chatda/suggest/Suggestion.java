package io.chatda.suggest;

/** One answer to a prefix: the entry's text, kind and URL, with the score it ranked by. */
public record Suggestion(String text, SuggestEntry.Kind kind, String url, double score) {
}
