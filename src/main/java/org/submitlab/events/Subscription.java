package org.submitlab.events;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * One subscriber's bounded queue of events. Publishing never waits: when the queue is full the
 * event is dropped and counted, so a slow reader cannot slow the SMTP threads.
 */
public final class Subscription implements EventSource {

    private final String name;
    private final BlockingQueue<LabEvent> queue;
    private final LongAdder dropped = new LongAdder();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Runnable onClose;

    Subscription(String name, int capacity, Runnable onClose) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onClose = onClose;
    }

    void offer(LabEvent event) {
        if (!queue.offer(event)) {
            dropped.increment();
        }
    }

    public String name() {
        return name;
    }

    @Override
    public int drainTo(Collection<? super LabEvent> target, int max) {
        return queue.drainTo(target, max);
    }

    /** Waits up to {@code timeout} for the next event; null if none came. */
    public LabEvent poll(long timeout, TimeUnit unit) throws InterruptedException {
        return queue.poll(timeout, unit);
    }

    /** Events lost because this subscriber's queue was full. */
    @Override
    public long dropped() {
        return dropped.sum();
    }

    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            onClose.run();
        }
    }
}
