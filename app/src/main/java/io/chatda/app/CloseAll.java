package io.chatda.app;

/**
 * Closes the parts of something that is stopping, all of them even if one fails (Lucene's {@code IOUtils.close}
 * for {@link AutoCloseable}s): the first failure is thrown, the others are suppressed in it; null parts are skipped.
 */
final class CloseAll {

    private CloseAll() {}

    /** @param what named in the exception's message, e.g. "the replica" */
    static void close(String what, AutoCloseable... parts) {
        RuntimeException failure = null;
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("can't close " + what + ": " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
