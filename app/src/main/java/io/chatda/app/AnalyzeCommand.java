package io.chatda.app;

import io.chatda.search.DictionaryProposal;
import io.chatda.search.TextAnalysis;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chatda analyze TEXT}: the index terms each analysis chain makes of a text, for debugging relevance. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = "Print the terms the index makes of TEXT in each field (uses DIR/userdict.txt if present).")
final class AnalyzeCommand implements Callable<Integer> {

    private static final Map<String, String> FIELDS = Map.of(
            "korean", "title, headings, body, anchors, topics",
            "english", "their .en subfields",
            "url", "URL words",
            "bigrams", "Hangul bigrams of title, headings, body: .bi subfields",
            "loanwords", "Hangul spellings of the English words, in jamo");

    @Mixin
    DataOption data;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "text to analyse")
    String[] words;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TextAnalysis analysis = data.directory().analysis();
        var out = spec.commandLine().getOut();
        for (Map.Entry<String, List<String>> chain :
                analysis.analyze(String.join(" ", words)).entrySet()) {
            out.printf(
                    "%-8s (%s)%n  %s%n",
                    chain.getKey(), FIELDS.get(chain.getKey()), String.join(" | ", chain.getValue()));
        }
        for (DictionaryProposal broken : analysis.brokenWords(String.join(" ", words))) {
            out.printf(
                    "nori breaks %s into %s: add it to %s to keep it whole%n",
                    broken.word(),
                    String.join(" | ", broken.pieces()),
                    data.directory().userDictionary());
        }
        return 0;
    }
}
