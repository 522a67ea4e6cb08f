package io.chatda.server;

/** The id of a queued crawl job. */
public record JobId(long id) {}
