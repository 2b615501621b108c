package org.submitlab.events;

import java.util.Collection;

/** Something a reader drains events from: a live subscription, or a world's history followed by its live events. */
public interface EventSource extends AutoCloseable {

    /** Moves up to {@code max} waiting events into {@code target}, oldest first; returns how many. */
    int drainTo(Collection<? super LabEvent> target, int max);

    /** Whether a backlog of recorded history is still being handed out (a reader may take bigger batches). */
    default boolean catchingUp() {
        return false;
    }

    /** Events lost because this reader fell behind. */
    long dropped();

    /** Stops receiving; idempotent. */
    @Override
    void close();
}
