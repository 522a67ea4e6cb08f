package io.chatda.shared;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** Starts a real redis-server for a test on a free loopback port. */
final class LocalRedis {

    private LocalRedis() {}

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static RedisServerProcess start(Path dir) throws IOException {
        return RedisServerProcess.start(freePort(), dir.resolve("redis-" + System.nanoTime() + ".log"));
    }
}
