package org.submitlab.ui.common;

import java.time.Instant;

/**
 * Counts events in the last 60 seconds of clock time with 60 one-second buckets: constant memory
 * however many events arrive.
 */
public final class RateCounter {

    private static final int SECONDS = 60;
    private final long[] epochSecond = new long[SECONDS];
    private final long[] counts = new long[SECONDS];

    public void add(Instant time) {
        add(time, 1);
    }

    public void add(Instant time, long n) {
        long sec = time.getEpochSecond();
        int i = (int) Math.floorMod(sec, (long) SECONDS);
        if (epochSecond[i] != sec) {
            epochSecond[i] = sec;
            counts[i] = 0;
        }
        counts[i] += n;
    }

    /** Events with a time in (now - 60 s, now]. */
    public long lastMinute(Instant now) {
        long nowSec = now.getEpochSecond();
        long total = 0;
        for (int i = 0; i < SECONDS; i++) {
            long age = nowSec - epochSecond[i];
            if (age >= 0 && age < SECONDS) {
                total += counts[i];
            }
        }
        return total;
    }
}
