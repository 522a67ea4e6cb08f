package io.chatda.app;

/**
 * What an import did: files read, documents indexed, files skipped with a reason (unreadable, not UTF-8), and
 * folder entries refused (links leading out of the imported folder, special files).
 */
public record ImportSummary(int files, int documents, int skipped, int refused) {}
