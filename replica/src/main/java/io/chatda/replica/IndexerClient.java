package io.chatda.replica;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The replica's HTTP client of the indexer's {@code /replica/} routes (docs/replication.md): fetches the manifest
 * (304 when unchanged, optionally long-polled) and streams files to disk, checking them as they arrive.
 */
final class IndexerClient {

    static final String PREFER_WAIT = "wait=";
    private static final int BUFFER = 64 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Longest silence while a file is sent, and the margin a long poll gets beyond its wait. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** A manifest and the {@code ETag} it came with. */
    record Fetched(SnapshotManifest manifest, String etag) {}

    private final URI base;
    private final String authorization;
    private final HttpClient http;

    IndexerClient(URI indexer, String token, ExecutorService executor) {
        String text = indexer.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.authorization = "Bearer " + token;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(executor)
                .build();
    }

    /**
     * The indexer's current manifest, or empty when it is still the one tagged {@code etag} (after waiting up to
     * {@code wait} for a newer one, if not zero).
     */
    Optional<Fetched> manifest(String etag, Duration wait) throws PullException, InterruptedException {
        HttpRequest.Builder request = request("replica/manifest").timeout(READ_TIMEOUT.plus(wait));
        if (etag != null) {
            request.header("If-None-Match", etag);
            if (!wait.isZero()) {
                request.header("Prefer", PREFER_WAIT + wait.toSeconds());
            }
        }
        HttpResponse<byte[]> answer = send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() == 304) {
            return Optional.empty();
        }
        requireOk(answer.statusCode(), "the manifest");
        try {
            SnapshotManifest manifest = SnapshotManifest.parse(answer.body());
            return Optional.of(
                    new Fetched(manifest, answer.headers().firstValue("ETag").orElse(null)));
        } catch (IOException e) {
            throw new PullException(
                    PullFailure.BAD_ANSWER, "the indexer's manifest can't be read: " + e.getMessage(), e);
        }
    }

    /**
     * Streams {@code file} of snapshot {@code generation} to {@code target} (replaced), synced to disk, checking its
     * length and checksum on the way.
     *
     * @return the bytes copied
     */
    long download(long generation, SnapshotFile file, Path target) throws PullException, InterruptedException {
        HttpRequest request = request("replica/file/" + generation + "/" + file.name())
                .timeout(READ_TIMEOUT)
                .build();
        HttpResponse<InputStream> answer = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = answer.body()) {
            requireOk(answer.statusCode(), file.name());
            Checksums.Check check = new Checksums.Check(file);
            long copied = 0;
            try (FileChannel out = FileChannel.open(
                    target,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[BUFFER];
                for (int n = read(in, buffer, file); n >= 0; n = read(in, buffer, file)) {
                    check.update(buffer, 0, n);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    copied += n;
                }
                check.verify();
                out.force(true);
            }
            return copied;
        } catch (IOException e) {
            throw new PullException(PullFailure.LOCAL_IO, "can't write " + target + ": " + e.getMessage(), e);
        }
    }

    private static int read(InputStream in, byte[] buffer, SnapshotFile file) throws PullException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new PullException(
                    PullFailure.UNREACHABLE, "the copy of " + file.name() + " broke off: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", authorization)
                .GET();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws PullException, InterruptedException {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new PullException(PullFailure.UNREACHABLE, "the indexer at " + base + " can't be reached: " + e, e);
        }
    }

    private static void requireOk(int status, String what) throws PullException {
        switch (status) {
            case 200 -> {}
            case 401, 403 ->
                throw new PullException(
                        PullFailure.REFUSED, "the indexer refused the replica token (" + status + ")", null);
            case 410 -> throw new PullException(PullFailure.GONE, what + ": the snapshot is no longer held", null);
            default -> throw new PullException(PullFailure.BAD_ANSWER, what + ": the indexer answered " + status, null);
        }
    }
}
