package org.submitlab.policy;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters per mailbox: slots in use against a limit (transactions in flight, or connections).
 * Each change is atomic per mailbox, so mailboxes do not wait for one another.
 */
public final class ConcurrencySlots {

    private final ConcurrentHashMap<String, Integer> inUse = new ConcurrentHashMap<>();

    /** Takes a slot if fewer than {@code limit} are in use; the new count, or -1 if none was free. */
    public int tryAcquire(String mailbox, int limit) {
        int[] result = new int[1];
        inUse.compute(mailbox, (m, n) -> {
            int count = n == null ? 0 : n;
            if (count >= limit) {
                result[0] = -1;
                return n;
            }
            result[0] = count + 1;
            return count + 1;
        });
        return result[0];
    }

    /** Counts one more without a limit; returns the new count. */
    public int acquire(String mailbox) {
        return inUse.merge(mailbox, 1, Integer::sum);
    }

    /** Gives a slot back; returns the count after. */
    public int release(String mailbox) {
        Integer after = inUse.computeIfPresent(mailbox, (m, n) -> n <= 1 ? null : n - 1);
        return after == null ? 0 : after;
    }

    public int inUse(String mailbox) {
        return inUse.getOrDefault(mailbox, 0);
    }
}
