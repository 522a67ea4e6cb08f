package io.chatda.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds calls until released; lets a test keep a request in flight for as long as it needs. */
final class Gate {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Called by the held work: signals it has started, then waits for {@link #release()}. */
    void pass() {
        entered.countDown();
        try {
            if (!released.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until some work is held at the gate. */
    void awaitEntered() throws InterruptedException {
        if (!entered.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("nothing reached the gate");
        }
    }

    void release() {
        released.countDown();
    }
}
