package io.chatda.app;

import picocli.CommandLine.Option;

/** The {@code --port N} option of the commands that serve HTTP. */
final class PortOption {

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8080",
            description = "HTTP port for HTTP/1.1 and h2c (default: ${DEFAULT-VALUE}; 0 picks a free port)")
    int port;

    int validated() {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be between 0 and 65535");
        }
        return port;
    }
}
