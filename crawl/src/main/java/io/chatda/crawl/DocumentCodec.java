package io.chatda.crawl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A {@link SourceDocument} as bytes, for the documents the crawl store keeps until a checkpoint. */
final class DocumentCodec {

    private DocumentCodec() {}

    static byte[] encode(SourceDocument d) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            for (String s : new String[] {d.url(), d.title(), d.body(), d.language(), d.site()}) {
                writeString(out, s);
            }
            out.writeInt(d.headings().size());
            for (String h : d.headings()) {
                writeString(out, h);
            }
            out.writeInt(d.links().size());
            for (SourceDocument.Link l : d.links()) {
                writeString(out, l.url());
                writeString(out, l.anchorText());
            }
            writeString(out, d.html());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceDocument decode(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            String url = readString(in);
            String title = readString(in);
            String body = readString(in);
            String language = readString(in);
            String site = readString(in);
            List<String> headings = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                headings.add(readString(in));
            }
            List<SourceDocument.Link> links = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                links.add(new SourceDocument.Link(readString(in), readString(in)));
            }
            // documents stored before the view existed end here
            String html = in.available() > 0 ? readString(in) : "";
            return new SourceDocument(url, title, headings, body, links, language, site, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
