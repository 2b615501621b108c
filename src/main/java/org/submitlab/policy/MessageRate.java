package org.submitlab.policy;

import java.time.Instant;
import java.util.TreeMap;

/**
 * One mailbox's per-minute message rate. Each clock minute has {@code limit} delivery slots.
 * In delay mode a message over the rate takes a slot in the next minute with room ("carried over
 * to the following minutes"); in reject mode it is refused.
 */
public final class MessageRate {

    private final TreeMap<Long, Integer> perMinute = new TreeMap<>();

    /*
     * Where the last search for a free minute ended, so that a long backlog is not walked again for
     * every message: every minute in [fullFrom, firstFree) has at least fullLimit messages. Counts
     * only grow between searches, except by release(), which moves firstFree back, and by prune(),
     * which moves fullFrom forward.
     */
    private long fullFrom = Long.MAX_VALUE;
    private long firstFree = Long.MIN_VALUE;
    private int fullLimit;

    /** Takes a slot in the first minute from now with room; returns when delivery may happen. */
    public synchronized Instant schedule(Instant now, int limit) {
        long current = minuteOf(now);
        prune(current);
        long minute = current;
        if (current >= fullFrom && firstFree > current && limit <= fullLimit) {
            minute = firstFree;
        } else {
            fullFrom = current;
        }
        while (perMinute.getOrDefault(minute, 0) >= limit) {
            minute++;
        }
        firstFree = minute;
        fullLimit = limit;
        perMinute.merge(minute, 1, Integer::sum);
        return minute == current ? now : Instant.ofEpochSecond(minute * 60);
    }

    /** Takes a slot in the current minute if one is free (reject mode). */
    public synchronized boolean tryAcquire(Instant now, int limit) {
        long current = minuteOf(now);
        prune(current);
        if (perMinute.getOrDefault(current, 0) >= limit) {
            return false;
        }
        perMinute.merge(current, 1, Integer::sum);
        return true;
    }

    /** Gives back the slot taken for a delivery at {@code deliverAt}. */
    public synchronized void release(Instant deliverAt) {
        long minute = minuteOf(deliverAt);
        perMinute.computeIfPresent(minute, (m, n) -> n <= 1 ? null : n - 1);
        if (minute < firstFree) {
            firstFree = minute;
        }
    }

    /** Messages counted in the minute that contains {@code now}. */
    public synchronized int inMinute(Instant now) {
        return perMinute.getOrDefault(minuteOf(now), 0);
    }

    /** Messages waiting for a later minute than {@code now}'s. */
    public synchronized int carriedOver(Instant now) {
        return perMinute.tailMap(minuteOf(now), false).values().stream().mapToInt(Integer::intValue).sum();
    }

    private void prune(long currentMinute) {
        if (!perMinute.isEmpty() && perMinute.firstKey() < currentMinute) {
            perMinute.headMap(currentMinute, false).clear();
        }
        if (fullFrom < currentMinute) {
            fullFrom = currentMinute; // the minutes before are gone (and empty should the clock be set back)
        }
    }

    private static long minuteOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60);
    }
}
