package io.chatda.server;

/**
 * Closes several things the way Lucene's {@code IOUtils.close} does: every step runs even when an earlier one
 * failed, and the first failure is rethrown with the later ones added to it as suppressed.
 */
final class Closing {

    private Closing() {}

    /** Runs every step in order; throws the first failure (with the rest suppressed) once all have run. */
    static void all(Runnable... steps) {
        RuntimeException first = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
