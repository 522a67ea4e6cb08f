package io.chatda.app;

import io.chatda.server.RateLimit;
import io.chatda.server.RequestClass;
import io.chatda.server.ServerSettings;
import io.chatda.server.TlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The serving options of {@code chatda serve} and {@code chatda demo}: TLS, rate limits, proxies, admin token. */
final class ServeOptions {

    /** A 16-character token of random hex digits has about 10 different ones; "aaaa…" has one. */
    static final int MIN_DISTINCT_TOKEN_CHARACTERS = 6;

    @Option(
            names = "--tls-cert",
            paramLabel = "FILE",
            description = "PEM certificate chain: the port also accepts TLS (h2 by ALPN); needs --tls-key")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM (PKCS#8) private key of --tls-cert")
    Path tlsKey;

    @Option(names = "--self-signed", description = "accept TLS with a throwaway self-signed certificate (local use)")
    boolean selfSigned;

    @Option(
            names = "--rate-limit-search",
            paramLabel = "N[/BURST]",
            defaultValue = "20/40",
            description = "per-client searches a second, or off (default: ${DEFAULT-VALUE})")
    String searchRate;

    @Option(
            names = "--rate-limit-suggest",
            paramLabel = "N[/BURST]",
            defaultValue = "50/100",
            description = "per-client suggestion requests a second, or off (default: ${DEFAULT-VALUE})")
    String suggestRate;

    @Option(
            names = "--rate-limit-admin",
            paramLabel = "N[/BURST]",
            defaultValue = "2/10",
            description = "per-client admin requests a second, or off (default: ${DEFAULT-VALUE})")
    String adminRate;

    @Option(
            names = "--trusted-proxy",
            paramLabel = "CIDR",
            description = "a proxy or load balancer whose X-Forwarded-For names the client (repeatable)")
    List<String> trustedProxies = new ArrayList<>();

    @Option(
            names = "--admin-token",
            paramLabel = "TOKEN",
            defaultValue = "${env:CHATDA_ADMIN_TOKEN}",
            description = "bearer token of the admin API (prefer the CHATDA_ADMIN_TOKEN environment variable)")
    String adminToken;

    @Option(
            names = "--warm-up-searches",
            paramLabel = "N",
            defaultValue = "300",
            description = "searches run before the server listens, so the first users get warm answers; 0 for none "
                    + "(default: ${DEFAULT-VALUE}, at most 5 s)")
    int warmUpSearches;

    @Option(
            names = "--allow-private-crawls",
            description = "let admin crawl jobs fetch loopback and private addresses (refused by default against SSRF)")
    boolean allowPrivateCrawls;

    /**
     * The server settings these options describe.
     *
     * @throws UsageException for an inconsistent or malformed option
     */
    ServerSettings settings(int port) {
        if (warmUpSearches < 0) {
            throw new UsageException("--warm-up-searches must be 0 or more, not " + warmUpSearches);
        }
        ServerSettings s = ServerSettings.onPort(port);
        try {
            s = s.withTls(tls())
                    .withRateLimit(RequestClass.CRITICAL, RateLimit.parse(searchRate))
                    .withRateLimit(RequestClass.SHEDDABLE, RateLimit.parse(suggestRate))
                    .withRateLimit(RequestClass.BATCH, RateLimit.parse(adminRate))
                    .withTrustedProxies(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (adminToken != null && !adminToken.isBlank()) {
            requireStrongSecret("--admin-token", adminToken);
            s = s.withAdminToken(adminToken);
        }
        return s;
    }

    /**
     * @throws UsageException unless {@code secret} looks random: 16 characters or more, at least
     *                        {@link #MIN_DISTINCT_TOKEN_CHARACTERS} different ones
     */
    static void requireStrongSecret(String option, String secret) {
        if (secret.length() < 16) {
            throw new UsageException(option + " must be at least 16 characters");
        }
        if (secret.chars().distinct().count() < MIN_DISTINCT_TOKEN_CHARACTERS) {
            throw new UsageException(option + " must be a random secret (at least " + MIN_DISTINCT_TOKEN_CHARACTERS
                    + " different characters), e.g. from openssl rand -hex 16");
        }
    }

    private TlsSettings tls() {
        if (selfSigned) {
            if (tlsCert != null || tlsKey != null) {
                throw new UsageException("--self-signed can't be combined with --tls-cert/--tls-key");
            }
            return TlsSettings.selfSignedCertificate();
        }
        if (tlsCert == null && tlsKey == null) {
            return TlsSettings.NONE;
        }
        if (tlsCert == null || tlsKey == null) {
            throw new UsageException("--tls-cert and --tls-key go together");
        }
        for (Path file : List.of(tlsCert, tlsKey)) {
            if (!Files.isReadable(file)) {
                throw new UsageException("can't read " + file);
            }
        }
        return TlsSettings.files(tlsCert, tlsKey);
    }

    /** The scheme the server answers on, for the start-up message. */
    String scheme() {
        return selfSigned || tlsCert != null ? "https" : "http";
    }
}
