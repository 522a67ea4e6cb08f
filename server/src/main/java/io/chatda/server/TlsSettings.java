package io.chatda.server;

import java.nio.file.Path;

/**
 * Whether and how the port also speaks TLS (HTTP/1.1 and h2 via ALPN, beside plain HTTP/1.1 and h2c).
 *
 * @param certificate PEM certificate chain, or null
 * @param privateKey  PEM private key (PKCS#8), or null
 * @param selfSigned  generate a throwaway self-signed certificate (local use only)
 */
public record TlsSettings(Path certificate, Path privateKey, boolean selfSigned) {

    /** Plain HTTP only. */
    public static final TlsSettings NONE = new TlsSettings(null, null, false);

    public TlsSettings {
        if ((certificate == null) != (privateKey == null)) {
            throw new IllegalArgumentException("a TLS certificate needs its private key and vice versa");
        }
        if (selfSigned && certificate != null) {
            throw new IllegalArgumentException("choose a certificate or self-signed, not both");
        }
    }

    /** TLS with the given PEM files. */
    public static TlsSettings files(Path certificate, Path privateKey) {
        return new TlsSettings(certificate, privateKey, false);
    }

    /** TLS with a certificate generated at start. */
    public static TlsSettings selfSignedCertificate() {
        return new TlsSettings(null, null, true);
    }

    boolean enabled() {
        return selfSigned || certificate != null;
    }
}
