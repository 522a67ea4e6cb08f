package io.chatda.server.core;

/** Validation of the {@code q} parameter shared by every route that takes user text. */
public final class QueryText {

    /** Longest accepted query, in code points. */
    public static final int MAX_LENGTH = 512;

    private QueryText() {}

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

    /**
     * {@code q} stripped and, when longer than {@link #MAX_LENGTH} code points, cut to at most that many at
     * the last space within them (or at exactly that many when there is none).
     */
    public static String cut(String q) {
        q = q.strip();
        if (q.codePointCount(0, q.length()) <= MAX_LENGTH) {
            return q;
        }
        int end = q.offsetByCodePoints(0, MAX_LENGTH);
        int space = -1;
        for (int i = end; i > 0; i--) {
            if (Character.isWhitespace(q.charAt(i))) {
                space = i;
                break;
            }
        }
        return (space > 0 ? q.substring(0, space) : q.substring(0, end)).strip();
    }
}
