/**
 * What the JSON API ({@code io.chatda.server}) and the web page ({@code io.chatda.server.web}) both build on:
 * the served data's interfaces ({@link io.chatda.server.core.SearchBackend}, {@link io.chatda.server.core.DocumentStore})
 * and strict reading of request parameters. Depends on neither of them, so they don't depend on each other.
 */
package io.chatda.server.core;
