package io.chatda.server.web;

import io.chatda.search.UserQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * The words of a query a document view highlights: the query's words without operators ({@code -word},
 * {@code site:}, {@code OR}, quotes), matched case-insensitively anywhere in a word, so 교착상태 marks
 * 교착상태는 and deadlock marks deadlocks.
 */
final class QueryTerms {

    private final Pattern pattern;

    private QueryTerms(Pattern pattern) {
        this.pattern = pattern;
    }

    static QueryTerms of(String query) {
        List<String> terms = new ArrayList<>();
        for (String word : query.split("\\s+")) {
            if (word.startsWith("-") || word.contains(":") || word.equals("OR")) {
                continue;
            }
            String term = word.replaceAll("^[\\p{Punct}\\p{IsPunctuation}]+|[\\p{Punct}\\p{IsPunctuation}]+$", "")
                    .toLowerCase(Locale.ROOT);
            // a single Latin letter or digit would mark half the page
            boolean tooShort =
                    term.codePointCount(0, term.length()) < 2 && term.chars().allMatch(c -> c < 0x80);
            if (!term.isEmpty() && !tooShort && !terms.contains(term) && terms.size() < UserQuery.MAX_TERMS) {
                terms.add(term);
            }
        }
        if (terms.isEmpty()) {
            return new QueryTerms(null);
        }
        terms.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder regex = new StringBuilder();
        for (String term : terms) {
            regex.append(regex.length() == 0 ? "" : "|").append(Pattern.quote(term));
        }
        return new QueryTerms(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** Wraps every occurrence in the text under {@code root} in {@code <mark>}; returns the first mark, or null. */
    Element mark(Element root) {
        if (pattern == null) {
            return null;
        }
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof TextNode t && !t.isBlank()) {
                        texts.add(t);
                    }
                },
                root);
        Element first = null;
        for (TextNode text : texts) {
            Element mark = mark(text);
            if (first == null) {
                first = mark;
            }
        }
        return first;
    }

    private Element mark(TextNode text) {
        String s = text.getWholeText();
        Matcher m = pattern.matcher(s);
        Element first = null;
        int from = 0;
        Node at = text;
        List<Node> parts = new ArrayList<>();
        while (m.find()) {
            if (m.start() > from) {
                parts.add(new TextNode(s.substring(from, m.start())));
            }
            Element mark = new Element("mark").appendText(m.group());
            parts.add(mark);
            if (first == null) {
                first = mark;
            }
            from = m.end();
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (from < s.length()) {
            parts.add(new TextNode(s.substring(from)));
        }
        for (Node part : parts) {
            at.after(part);
            at = part;
        }
        text.remove();
        return first;
    }
}
