package org.submitlab.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock every window, lockout, schedule and backoff reads. Simulated time may run
 * faster than real time; {@link #realDelay(Duration)} converts a simulated wait into the real
 * wait a scheduler must use.
 */
public abstract class LabClock extends Clock {

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("LabClock is always UTC");
    }

    /** How many simulated seconds pass per real second. */
    public abstract double speed();

    /** The real time to wait for {@code simulated} to pass on this clock (never negative). */
    public Duration realDelay(Duration simulated) {
        if (simulated.isNegative()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (simulated.toNanos() / speed()));
    }

    /** Real wall-clock time, speed 1. */
    public static LabClock system() {
        return new ScaledClock(1.0);
    }

    @Override
    public abstract Instant instant();
}
