package org.submitlab.policy;

import java.util.HashMap;
import java.util.Map;

/** Counters per mailbox: slots in use against a limit (transactions in flight, or connections). */
public final class ConcurrencySlots {

    private final Map<String, Integer> inUse = new HashMap<>();

    /** Takes a slot if fewer than {@code limit} are in use; the new count, or -1 if none was free. */
    public synchronized int tryAcquire(String mailbox, int limit) {
        int n = inUse.getOrDefault(mailbox, 0);
        if (n >= limit) {
            return -1;
        }
        inUse.put(mailbox, n + 1);
        return n + 1;
    }

    /** Counts one more without a limit; returns the new count. */
    public synchronized int acquire(String mailbox) {
        return inUse.merge(mailbox, 1, Integer::sum);
    }

    /** Gives a slot back; returns the count after. */
    public synchronized int release(String mailbox) {
        int n = inUse.getOrDefault(mailbox, 0);
        if (n <= 1) {
            inUse.remove(mailbox);
            return 0;
        }
        inUse.put(mailbox, n - 1);
        return n - 1;
    }

    public synchronized int inUse(String mailbox) {
        return inUse.getOrDefault(mailbox, 0);
    }
}
