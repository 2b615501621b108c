package org.submitlab.policy;

import java.time.Instant;

/**
 * Simulated time that runs {@code speed} times faster than real time. The speed may change
 * while running; time already passed is kept, so the clock never jumps. Reads take no lock:
 * every SMTP reply and window check reads this clock.
 */
public final class ScaledClock extends LabClock {

    /** The simulated instant at a real nanoTime, and the speed from then on. */
    private record Anchor(Instant simulated, long realNanos, double speed) {
        Instant at(long nowNanos) {
            return simulated.plusNanos((long) ((nowNanos - realNanos) * speed));
        }
    }

    private volatile Anchor anchor;

    public ScaledClock(double speed) {
        this(Instant.now(), speed);
    }

    public ScaledClock(Instant start, double speed) {
        checkSpeed(speed);
        this.anchor = new Anchor(start, System.nanoTime(), speed);
    }

    @Override
    public Instant instant() {
        return anchor.at(System.nanoTime());
    }

    @Override
    public double speed() {
        return anchor.speed();
    }

    public synchronized void setSpeed(double newSpeed) {
        checkSpeed(newSpeed);
        long now = System.nanoTime();
        anchor = new Anchor(anchor.at(now), now, newSpeed);
    }

    private static void checkSpeed(double speed) {
        if (!(speed >= 1.0 && speed <= 3600.0)) {
            throw new IllegalArgumentException("speed must be between 1 and 3600, was " + speed);
        }
    }
}
