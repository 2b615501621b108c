package org.submitlab.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * Simulated time that runs {@code speed} times faster than real time. The speed may change
 * while running; time already passed is kept, so the clock never jumps. A run's clock can be
 * paused and resumed, and is stopped for good when the run ends, so its charts keep showing the
 * moment it ended. Reads take no lock: every SMTP reply and window check reads this clock.
 */
public final class ScaledClock extends LabClock {

    /** The simulated instant at a real nanoTime, the speed from then on, and whether time stands still. */
    private record Anchor(Instant simulated, long realNanos, double speed, boolean frozen) {
        Instant at(long nowNanos) {
            return frozen ? simulated : simulated.plusNanos((long) ((nowNanos - realNanos) * speed));
        }
    }

    private volatile Anchor anchor;
    private boolean stopped;

    public ScaledClock(double speed) {
        this(Instant.now(), speed);
    }

    public ScaledClock(Instant start, double speed) {
        checkSpeed(speed);
        this.anchor = new Anchor(start, System.nanoTime(), speed, false);
    }

    /** A clock that stands at {@code at} for good, as a run's clock does once the run ended. */
    public static ScaledClock stoppedAt(Instant at, double speed) {
        ScaledClock c = new ScaledClock(at, speed);
        c.anchor = new Anchor(at, System.nanoTime(), speed, true);
        c.stopped = true;
        return c;
    }

    @Override
    public Instant instant() {
        return anchor.at(System.nanoTime());
    }

    @Override
    public double speed() {
        return anchor.speed();
    }

    /** Whether time passes now (not paused, not stopped). */
    public boolean isRunning() {
        return !anchor.frozen();
    }

    /** Whether the clock was stopped for good. */
    public synchronized boolean isStopped() {
        return stopped;
    }

    /** While paused or stopped no simulated time passes, so a wait on this clock never ends. */
    @Override
    public Duration realDelay(Duration simulated) {
        if (anchor.frozen() && !simulated.isNegative() && !simulated.isZero()) {
            return Duration.ofDays(365);
        }
        return super.realDelay(simulated);
    }

    public synchronized void setSpeed(double newSpeed) {
        checkSpeed(newSpeed);
        long now = System.nanoTime();
        Anchor a = anchor;
        anchor = new Anchor(a.at(now), now, newSpeed, a.frozen());
    }

    /** Time stands still until {@link #resume()}; does nothing after {@link #stop()}. */
    public synchronized void pause() {
        freeze();
    }

    public synchronized void resume() {
        if (stopped || !anchor.frozen()) {
            return;
        }
        anchor = new Anchor(anchor.simulated(), System.nanoTime(), anchor.speed(), false);
    }

    /** Stops time for good at this instant (the end of a run). Idempotent. */
    public synchronized void stop() {
        freeze();
        stopped = true;
    }

    private void freeze() {
        long now = System.nanoTime();
        Anchor a = anchor;
        if (!a.frozen()) {
            anchor = new Anchor(a.at(now), now, a.speed(), true);
        }
    }

    private static void checkSpeed(double speed) {
        if (!(speed >= 1.0 && speed <= 3600.0)) {
            throw new IllegalArgumentException("speed must be between 1 and 3600, was " + speed);
        }
    }
}
