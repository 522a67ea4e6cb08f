package io.chatda.server;

/** Validation of the {@code q} parameter shared by every route that takes user text. */
public final class QueryText {

    /** Longest accepted query, in code points. */
    public static final int MAX_LENGTH = 512;

    private QueryText() {
    }

    /**
     * Returns the stripped {@code q} value.
     *
     * @throws BadRequestException if it is missing, blank or longer than {@link #MAX_LENGTH}
     */
    public static String require(StrictQuery query) {
        String q = query.get("q");
        if (q == null) {
            throw new BadRequestException("missing parameter q");
        }
        q = q.strip();
        if (q.isEmpty()) {
            throw new BadRequestException("parameter q is empty");
        }
        if (q.codePointCount(0, q.length()) > MAX_LENGTH) {
            throw new BadRequestException("parameter q is longer than " + MAX_LENGTH + " characters");
        }
        return q;
    }
}
