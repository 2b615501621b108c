package org.submitlab.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for SIGTERM or Ctrl-C (SIGINT). Where the JVM lets us handle those signals, the waiting thread
 * shuts down in order and the process exits 0; elsewhere the JVM's own shutdown (exit 143/130) runs the
 * shutdown hook that the caller registers as well.
 */
final class StopSignal {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile String received;

    StopSignal install() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
                    received = "SIG" + s.getName();
                    stop.countDown();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                LOG.debug("cannot handle SIG{} here; the shutdown hook will stop the server", name, e);
            }
        }
        return this;
    }

    /** Blocks until a stop signal arrives; returns its name. */
    String await() throws InterruptedException {
        stop.await();
        return received;
    }
}
