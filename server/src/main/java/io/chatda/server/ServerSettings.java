package io.chatda.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the HTTP server listens and protects itself. Start from {@link #onPort(int)} and change what
 * differs with the {@code with…} methods.
 *
 * @param port            TCP port for HTTP/1.1 and h2c (and TLS when {@code tls} is enabled); 0 picks a free one
 * @param tls             whether the port also accepts TLS
 * @param requestTimeout  longest time a search or admin request may take before it is answered 503
 * @param shutdownGrace   time in-flight requests get to finish on shutdown
 * @param idleTimeout     a connection without requests for this long is closed
 * @param maxConnections  connections beyond this are refused at accept
 * @param searchThreads   threads of the bounded executor that runs index reads
 * @param limits          concurrency limit of each priority class
 * @param rateLimits      per-client token bucket of each class (search, suggest, admin routes)
 * @param trustedProxies  addresses or CIDRs whose {@code X-Forwarded-For} names the client; empty trusts nobody
 * @param adminToken      bearer token of the admin routes; null disables them
 */
public record ServerSettings(
        int port,
        TlsSettings tls,
        Duration requestTimeout,
        Duration shutdownGrace,
        Duration idleTimeout,
        int maxConnections,
        int searchThreads,
        Map<RequestClass, ConcurrencyLimit> limits,
        Map<RequestClass, RateLimit> rateLimits,
        List<String> trustedProxies,
        String adminToken) {

    public ServerSettings {
        Objects.requireNonNull(tls, "tls");
        limits = Map.copyOf(limits);
        rateLimits = Map.copyOf(rateLimits);
        trustedProxies = List.copyOf(trustedProxies);
        if (searchThreads < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("searchThreads and maxConnections must be positive");
        }
        for (RequestClass c : RequestClass.values()) {
            if (!limits.containsKey(c) || !rateLimits.containsKey(c)) {
                throw new IllegalArgumentException("limits and rate limits are needed for every class; missing " + c);
            }
        }
    }

    /** Defaults for the given port: plain HTTP, adaptive limits, per-client rate limits, no admin routes. */
    public static ServerSettings onPort(int port) {
        return new ServerSettings(
                port,
                TlsSettings.NONE,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                20_000,
                Math.max(2, Runtime.getRuntime().availableProcessors()),
                Map.of(
                        RequestClass.CRITICAL,
                        ConcurrencyLimit.adaptive(16, 2, 256),
                        RequestClass.SHEDDABLE,
                        ConcurrencyLimit.adaptive(64, 8, 1024),
                        RequestClass.BATCH,
                        ConcurrencyLimit.fixed(4)),
                Map.of(
                        RequestClass.CRITICAL,
                        new RateLimit(20, 40),
                        RequestClass.SHEDDABLE,
                        new RateLimit(50, 100),
                        RequestClass.BATCH,
                        new RateLimit(2, 10)),
                List.of(),
                null);
    }

    public ServerSettings withTls(TlsSettings value) {
        return new ServerSettings(
                port,
                value,
                requestTimeout,
                shutdownGrace,
                idleTimeout,
                maxConnections,
                searchThreads,
                limits,
                rateLimits,
                trustedProxies,
                adminToken);
    }

    public ServerSettings withShutdownGrace(Duration value) {
        return new ServerSettings(
                port,
                tls,
                requestTimeout,
                value,
                idleTimeout,
                maxConnections,
                searchThreads,
                limits,
                rateLimits,
                trustedProxies,
                adminToken);
    }

    public ServerSettings withLimit(RequestClass c, ConcurrencyLimit value) {
        var changed = new java.util.EnumMap<>(limits);
        changed.put(c, value);
        return new ServerSettings(
                port,
                tls,
                requestTimeout,
                shutdownGrace,
                idleTimeout,
                maxConnections,
                searchThreads,
                changed,
                rateLimits,
                trustedProxies,
                adminToken);
    }

    public ServerSettings withRateLimit(RequestClass c, RateLimit value) {
        var changed = new java.util.EnumMap<>(rateLimits);
        changed.put(c, value);
        return new ServerSettings(
                port,
                tls,
                requestTimeout,
                shutdownGrace,
                idleTimeout,
                maxConnections,
                searchThreads,
                limits,
                changed,
                trustedProxies,
                adminToken);
    }

    public ServerSettings withTrustedProxies(List<String> value) {
        return new ServerSettings(
                port,
                tls,
                requestTimeout,
                shutdownGrace,
                idleTimeout,
                maxConnections,
                searchThreads,
                limits,
                rateLimits,
                value,
                adminToken);
    }

    public ServerSettings withAdminToken(String value) {
        return new ServerSettings(
                port,
                tls,
                requestTimeout,
                shutdownGrace,
                idleTimeout,
                maxConnections,
                searchThreads,
                limits,
                rateLimits,
                trustedProxies,
                value);
    }

    public ServerSettings withSearchThreads(int value) {
        return new ServerSettings(
                port,
                tls,
                requestTimeout,
                shutdownGrace,
                idleTimeout,
                maxConnections,
                value,
                limits,
                rateLimits,
                trustedProxies,
                adminToken);
    }

    public ServerSettings withConnections(int maxConnections, Duration idleTimeout) {
        return new ServerSettings(
                port,
                tls,
                requestTimeout,
                shutdownGrace,
                idleTimeout,
                maxConnections,
                searchThreads,
                limits,
                rateLimits,
                trustedProxies,
                adminToken);
    }
}
