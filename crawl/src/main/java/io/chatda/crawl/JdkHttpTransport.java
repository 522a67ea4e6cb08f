package io.chatda.crawl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET over https with the JDK's {@code java.net.http} client: HTTP/2 when the server offers it by ALPN, else
 * HTTP/1.1, with the TLS context of {@link CrawlConfig#tls()} (the JDK's trust store by default). The client,
 * its selector thread and its executor live as long as this transport.
 */
final class JdkHttpTransport implements HttpTransport {

    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpTransport.class);

    private final ExecutorService executor;
    private final HttpClient client;
    private final Duration readTimeout;
    private final Set<CompletableFuture<?>> active = ConcurrentHashMap.newKeySet();

    JdkHttpTransport(CrawlConfig config) {
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "chatda-http");
            t.setDaemon(true);
            return t;
        });
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .executor(executor);
        if (config.tls() != null) {
            builder.sslContext(config.tls());
        }
        this.client = builder.build();
        this.readTimeout = config.readTimeout();
    }

    /**
     * {@inheritDoc} The address is not used: this client resolves the host itself, and TLS pins the connection
     * instead: a rebound address would have to present a certificate valid for the host's name.
     */
    @Override
    public Exchange get(URI uri, InetAddress address, Map<String, String> headers, BodyPolicy policy)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(readTimeout);
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(), info -> {
            LimitedSubscriber subscriber = new LimitedSubscriber();
            try {
                subscriber.body = new LimitedBody(policy.limit(info.statusCode(), info.headers()));
            } catch (BodyTooLargeException e) {
                subscriber.result.completeExceptionally(e);
            }
            return subscriber;
        });
        HttpResponse<byte[]> response;
        active.add(future);
        try {
            response = future.get(readTimeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException(
                    "no complete response within " + readTimeout.multipliedBy(2).toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (java.util.concurrent.CancellationException e) {
            throw new IOException("aborted", e);
        } finally {
            active.remove(future);
        }
        return new Exchange(response.statusCode(), response.headers(), response.body());
    }

    @Override
    public void abort() {
        active.forEach(f -> f.cancel(true));
    }

    /**
     * Stops the client: on JDK 21 and later by closing it; before that no API does, so its selector thread,
     * named after the client's id, is interrupted, which ends that thread's loop. Left running, the thread
     * outlives the crawl until the client is garbage collected, and it holds up JVM exit by about 0.3 s (the
     * JVM waits that long for threads in native code).
     */
    @Override
    public void close() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the HTTP client failed", e);
            }
        } else {
            String description = client.toString(); // jdk.internal.net.http.HttpClientImpl@hash(id)
            int open = description.lastIndexOf('(');
            if (open >= 0 && description.endsWith(")")) {
                String selector =
                        "HttpClient-" + description.substring(open + 1, description.length() - 1) + "-SelectorManager";
                for (Thread thread : Thread.getAllStackTraces().keySet()) {
                    if (thread.getName().equals(selector)) {
                        thread.interrupt();
                    }
                }
            }
        }
        executor.shutdownNow();
    }

    /** Feeds the body into a {@link LimitedBody}; cancels the subscription once no more is wanted. */
    private static final class LimitedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private LimitedBody body;
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (result.isDone() || !body.wanted()) {
                s.cancel();
                result.complete(new byte[0]);
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            try {
                for (ByteBuffer b : buffers) {
                    byte[] chunk = new byte[b.remaining()];
                    b.get(chunk);
                    if (!body.add(chunk, 0, chunk.length)) {
                        subscription.cancel();
                        result.complete(body.bytes());
                        return;
                    }
                }
            } catch (BodyTooLargeException e) {
                subscription.cancel();
                result.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            if (!result.isDone()) {
                result.complete(body.bytes());
            }
        }
    }
}
