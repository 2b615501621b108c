package org.submitlab.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/** The recipients a mailbox got accepted, to tell how many are in the last 24 hours at a given time. */
final class RecipientWindowLog {

    static final Duration WINDOW = Duration.ofHours(24);

    private record Entry(Instant at, int recipients) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    /** Entries older than a day before the newest are dropped as they go: a long run keeps only a day of them. */
    synchronized void add(Instant at, int recipients) {
        entries.addLast(new Entry(at, recipients));
        dropBefore(at.minus(WINDOW));
    }

    /** Entries held (a test checks a long run keeps a day of them). */
    synchronized int size() {
        return entries.size();
    }

    private void dropBefore(Instant from) {
        while (!entries.isEmpty() && !entries.peekFirst().at.isAfter(from)) {
            entries.pollFirst();
        }
    }

    /** Recipients accepted in the 24 hours before {@code at}. */
    synchronized long inWindow(Instant at) {
        dropBefore(at.minus(WINDOW));
        return entries.stream().filter(e -> !e.at.isAfter(at)).mapToLong(Entry::recipients).sum();
    }
}
