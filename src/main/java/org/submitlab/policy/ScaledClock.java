package org.submitlab.policy;

import java.time.Instant;

/**
 * Simulated time that runs {@code speed} times faster than real time. The speed may change
 * while running; time already passed is kept, so the clock never jumps.
 */
public final class ScaledClock extends LabClock {

    private Instant simulatedAtAnchor;
    private long realNanosAtAnchor;
    private double speed;

    public ScaledClock(double speed) {
        this(Instant.now(), speed);
    }

    public ScaledClock(Instant start, double speed) {
        checkSpeed(speed);
        this.simulatedAtAnchor = start;
        this.realNanosAtAnchor = System.nanoTime();
        this.speed = speed;
    }

    @Override
    public synchronized Instant instant() {
        long elapsedReal = System.nanoTime() - realNanosAtAnchor;
        return simulatedAtAnchor.plusNanos((long) (elapsedReal * speed));
    }

    @Override
    public synchronized double speed() {
        return speed;
    }

    public synchronized void setSpeed(double newSpeed) {
        checkSpeed(newSpeed);
        Instant now = instant();
        simulatedAtAnchor = now;
        realNanosAtAnchor = System.nanoTime();
        speed = newSpeed;
    }

    private static void checkSpeed(double speed) {
        if (!(speed >= 1.0 && speed <= 3600.0)) {
            throw new IllegalArgumentException("speed must be between 1 and 3600, was " + speed);
        }
    }
}
