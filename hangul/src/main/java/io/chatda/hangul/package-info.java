/**
 * Korean text primitives for search: jamo disassembly and 2-set input-method assembly ({@link
 * io.chatda.hangul.Jamo}), initial-consonant search ({@link io.chatda.hangul.Choseong}), 2-set
 * keyboard conversion and wrong-input-mode detection ({@link io.chatda.hangul.KeyboardLayout}),
 * normalisation for matching ({@link io.chatda.hangul.TextNormalizer}), and English words in
 * Hangul loanword spelling ({@link io.chatda.hangul.Loanwords}: deadlock → 데드락).
 *
 * <p>Why: Korean is typed through an input method, so a query is often an unfinished syllable
 * (검ㅅ on the way to 검색), initials only (ㄱㅅ), or typed with the keyboard in the wrong mode
 * ({@code rjator}). Matching key sequences instead of syllables handles all of these.
 *
 * <p>JDK only, stateless, thread-safe; every function accepts any text without throwing (except
 * {@link java.lang.NullPointerException} for {@code null}). See docs/hangul.md.
 */
package io.chatda.hangul;
