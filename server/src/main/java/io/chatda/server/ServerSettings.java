package io.chatda.server;

import java.time.Duration;

/**
 * How the HTTP server listens and protects itself.
 *
 * @param port           TCP port for HTTP/1.1 and h2c; 0 picks a free one
 * @param requestTimeout longest time a request may take before it is answered 503
 * @param shutdownGrace  time in-flight requests get to finish on shutdown
 */
public record ServerSettings(int port, Duration requestTimeout, Duration shutdownGrace) {

    /** Defaults for the given port. */
    public static ServerSettings onPort(int port) {
        return new ServerSettings(port, Duration.ofSeconds(10), Duration.ofSeconds(5));
    }
}
