package io.chatda.bench.search;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A generated known-item query.
 *
 * @param kind   {@code title-variant}, {@code remembered}, {@code mixed} (Korean-titled pages) or
 *               {@code title}, {@code partial}, {@code body}, {@code loanword} (English-titled pages)
 * @param note   how it was made (e.g. which title variant), shown in verbose output
 * @param absent for {@code mixed}: the substituted word does not occur on the target page
 */
record EvalQuery(Page page, String kind, String text, String note, boolean absent) {

    static final String TUNE = "tune";
    static final String HELD_OUT = "held-out";

    EvalQuery(Page page, String kind, String text, String note) {
        this(page, kind, text, note, false);
    }

    /**
     * {@link #TUNE} or {@link #HELD_OUT}: the parity of CRC-32 over "corpus/key|kind", so a target
     * keeps its half across runs, seeds and machines, and one page's kinds fall in either half
     * independently.
     */
    String half() {
        return seed(page, kind) % 2 == 0 ? TUNE : HELD_OUT;
    }

    /** CRC-32 of "corpus/key|kind": the stable number behind halves and per-page randomness. */
    static long seed(Page page, String kind) {
        CRC32 crc = new CRC32();
        crc.update((page.corpus() + "/" + page.key() + "|" + kind).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
