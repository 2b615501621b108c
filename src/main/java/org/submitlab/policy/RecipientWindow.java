package org.submitlab.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One mailbox's sliding 24-hour recipient window. An entry counts until exactly 24 hours after
 * its time: 5,000 at 09:00 leave the window at 09:00 the next day.
 */
public final class RecipientWindow {

    public static final Duration LENGTH = Duration.ofHours(24);

    private final ArrayDeque<WindowEntry> entries = new ArrayDeque<>();
    private long total;

    /** Adds an entry from the persisted log (any order); it is dropped once out of the window. */
    public synchronized void seed(WindowEntry entry) {
        // Sessions read the clock before they take this lock, so an entry is often a little older than the last
        // one: it goes in before the few newer ones (sorting the whole window each time cost a quarter of the
        // server's CPU with a tenant-wide window of 40,000 entries).
        ArrayDeque<WindowEntry> newer = new ArrayDeque<>();
        while (!entries.isEmpty() && entries.peekLast().time().isAfter(entry.time())) {
            newer.push(entries.pollLast());
        }
        entries.addLast(entry);
        while (!newer.isEmpty()) {
            entries.addLast(newer.pop());
        }
        total += entry.recipients();
    }

    /** Recipients counted in the window that ends at {@code now}. */
    public synchronized int used(Instant now) {
        prune(now);
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /**
     * Counts {@code recipients} at {@code now} if the window then stays within {@code limit}.
     * Returns the entry added (to {@link #remove} it if the submission is not committed after all).
     */
    public synchronized Optional<WindowEntry> tryAdd(Instant now, int recipients, int limit) {
        prune(now);
        if (total + recipients > limit) {
            return Optional.empty();
        }
        WindowEntry entry = new WindowEntry(now, recipients);
        seed(entry);
        return Optional.of(entry);
    }

    /** Takes back an entry added by {@link #tryAdd}. */
    public synchronized void remove(WindowEntry entry) {
        Iterator<WindowEntry> it = entries.descendingIterator();
        while (it.hasNext()) {
            if (it.next().equals(entry)) {
                it.remove();
                total -= entry.recipients();
                return;
            }
        }
    }

    /**
     * When a submission of {@code recipients} fits again, assuming nothing else is sent: empty if it
     * fits now, or can never fit (more than {@code limit} on its own).
     */
    public synchronized Optional<Instant> fitsAgainAt(Instant now, int recipients, int limit) {
        prune(now);
        if (recipients > limit || total + recipients <= limit) {
            return Optional.empty();
        }
        long remaining = total;
        for (WindowEntry e : entries) {
            remaining -= e.recipients();
            if (remaining + recipients <= limit) {
                return Optional.of(e.time().plus(LENGTH));
            }
        }
        return Optional.empty();
    }

    /** The entries in the window, oldest first. */
    public synchronized List<WindowEntry> entries(Instant now) {
        prune(now);
        return List.copyOf(entries);
    }

    private void prune(Instant now) {
        Instant cutoff = now.minus(LENGTH);
        while (!entries.isEmpty() && !entries.peekFirst().time().isAfter(cutoff)) {
            total -= entries.pollFirst().recipients();
        }
    }
}
