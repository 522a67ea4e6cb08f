package io.chatda.app;

/** What an import did: files read, documents indexed, files skipped with a reason. */
public record ImportSummary(int files, int documents, int skipped) {
}
