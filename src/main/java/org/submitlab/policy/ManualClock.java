package org.submitlab.policy;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told to: for tests and step-by-step demonstrations. */
public final class ManualClock extends LabClock {

    private Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public double speed() {
        return 1.0;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }
}
