package org.submitlab.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Continuous-error throttling of one mailbox: after {@code threshold} consecutive refusals of one
 * kind (mailbox full, Send As denied, too many recipients) every submission is refused with that
 * kind's 550 5.2.25x line until {@code period} has passed. An accepted submission or a refusal of
 * another throttled kind starts the count again; other refusals (432, quotas) leave it alone.
 */
public final class ErrorThrottle {

    /** What is kept: the current streak (kind and length) and the throttling in force, if any. */
    public record State(RefusalKind streakKind, int streak, RefusalKind throttledKind, Instant throttledUntil) {
    }

    private RefusalKind streakKind;
    private int streak;
    private RefusalKind throttledKind;
    private Instant throttledUntil;

    /** The kind this mailbox is throttled for at {@code now}, if it is. */
    public synchronized Optional<RefusalKind> throttled(Instant now) {
        expire(now);
        return Optional.ofNullable(throttledKind);
    }

    public synchronized Optional<Instant> throttledUntil(Instant now) {
        expire(now);
        return Optional.ofNullable(throttledUntil);
    }

    /** Counts a refusal; returns true when this refusal starts throttling. */
    public synchronized boolean recordRefusal(RefusalKind kind, Instant now, int threshold, Duration period) {
        expire(now);
        if (kind == RefusalKind.OTHER || throttledKind != null) {
            return false;
        }
        if (kind == streakKind) {
            streak++;
        } else {
            streakKind = kind;
            streak = 1;
        }
        if (streak >= threshold) {
            throttledKind = kind;
            throttledUntil = now.plus(period);
            streakKind = null;
            streak = 0;
            return true;
        }
        return false;
    }

    /** An accepted submission ends the streak; returns whether that changed anything. */
    public synchronized boolean recordSuccess() {
        boolean changed = streak != 0;
        streakKind = null;
        streak = 0;
        return changed;
    }

    /** Whether {@link #recordRefusal} with this kind changes the state (false for OTHER or while throttled). */
    public synchronized boolean counts(RefusalKind kind, Instant now) {
        expire(now);
        return kind != RefusalKind.OTHER && throttledKind == null;
    }

    /** The state to keep; empty when there is nothing to remember. */
    public synchronized Optional<State> state(Instant now) {
        expire(now);
        if (streak == 0 && throttledKind == null) {
            return Optional.empty();
        }
        return Optional.of(new State(streakKind, streak, throttledKind, throttledUntil));
    }

    /** Restores a state kept from an earlier run. */
    public synchronized void seed(State s) {
        streakKind = s.streakKind();
        streak = s.streak();
        throttledKind = s.throttledKind();
        throttledUntil = s.throttledUntil();
    }

    /** Consecutive refusals of the current kind so far. */
    public synchronized int streak() {
        return streak;
    }

    private void expire(Instant now) {
        if (throttledUntil != null && !now.isBefore(throttledUntil)) {
            throttledKind = null;
            throttledUntil = null;
        }
    }
}
