package org.submitlab.server;

import java.util.function.BooleanSupplier;

/** Waits for something another thread does (a session ending), failing after a generous deadline. */
final class Await {

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
