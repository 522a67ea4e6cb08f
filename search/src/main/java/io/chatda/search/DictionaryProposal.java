package io.chatda.search;

import java.util.List;

/**
 * A word of the corpus that nori breaks into fragments, proposed for {@code userdict.txt}: adding it
 * keeps it one term in the Korean analysis.
 *
 * @param word   the word as pages write it, without particles
 * @param pieces what nori makes of it now
 * @param pages  how many pages contain it
 */
public record DictionaryProposal(String word, List<String> pieces, int pages) {

    public DictionaryProposal {
        pieces = List.copyOf(pieces);
    }
}
