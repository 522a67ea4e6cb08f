package io.chatda.app;

import io.chatda.server.ChatdaServer;
import io.chatda.server.ServerSettings;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** Runs the HTTP server over an open library until the process is asked to stop (Ctrl-C, SIGTERM). */
final class Serving {

    private Serving() {
    }

    static void serveUntilStopped(Library library, int port, PrintWriter out) throws InterruptedException {
        ChatdaServer server = new ChatdaServer(ServerSettings.onPort(port), library.index(), library::suggester);
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new UsageException("can't listen on port " + port + ": " + rootMessage(e));
        }
        Thread warmUp = new Thread(library::warmUp, "chatda-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            library.close();
            stopped.countDown();
        }, "chatda-shutdown"));
        out.printf("chatda is serving %d documents on http://localhost:%d (Ctrl-C to stop)%n",
                library.index().size(), server.port());
        out.flush();
        stopped.await();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
