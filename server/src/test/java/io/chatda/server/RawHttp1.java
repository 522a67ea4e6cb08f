package io.chatda.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 GET written byte by byte (for request targets well-behaved clients refuse to send), read
 * until its answer is complete: the server keeps a closing connection open for a few seconds, so reading
 * to the end of the stream would wait for that.
 */
final class RawHttp1 {

    private RawHttp1() {}

    /** The answer (status line, headers, body, as ISO-8859-1) to {@code GET <target> HTTP/1.1}. */
    static String get(int port, byte[] target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET ".getBytes(StandardCharsets.US_ASCII));
            out.write(target);
            out.write(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** {@link #get(int, byte[])} of an ASCII target. */
    static String get(int port, String target) throws IOException {
        return get(port, target.getBytes(StandardCharsets.US_ASCII));
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        String lower = headers.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("\r\ncontent-length:");
        if (at < 0) {
            // chunked or delimited by the close: read what the server sends until it closes
            return headers + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        int end = lower.indexOf("\r\n", at + 2);
        int length = Integer.parseInt(
                headers.substring(at + "\r\ncontent-length:".length(), end).strip());
        return headers + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }
}
