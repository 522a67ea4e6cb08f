package io.chatda.search;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Lower-cases ASCII letters as text is read, before the tokenizers (so nori's dictionary and the technical
 * words match whatever the case). One character for one, so offsets need no correction; a mapping char filter
 * did the same with a dictionary lookup per character.
 */
final class LowerAsciiCharFilter extends CharFilter {

    LowerAsciiCharFilter(Reader input) {
        super(input);
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = input.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            char c = buffer[i];
            if (c >= 'A' && c <= 'Z') {
                buffer[i] = (char) (c + ('a' - 'A'));
            }
        }
        return read;
    }
}
