package org.submitlab.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Locks a mailbox's logins for a while after repeated consecutive failures. */
public final class LoginLockout {

    private record State(int failures, Instant lockedUntil) {
    }

    private final Map<String, State> states = new HashMap<>();

    public synchronized Optional<Instant> lockedUntil(String mailbox, Instant now) {
        State s = current(mailbox, now);
        return s == null ? Optional.empty() : Optional.ofNullable(s.lockedUntil());
    }

    /** Counts a failed login; returns true when this failure locks the account. */
    public synchronized boolean recordFailure(String mailbox, Instant now, int threshold, Duration period) {
        State s = current(mailbox, now);
        if (s != null && s.lockedUntil() != null) {
            return false;
        }
        int failures = (s == null ? 0 : s.failures()) + 1;
        boolean lock = failures >= threshold;
        states.put(mailbox, new State(failures, lock ? now.plus(period) : null));
        return lock;
    }

    public synchronized void recordSuccess(String mailbox) {
        states.remove(mailbox);
    }

    public synchronized int failures(String mailbox, Instant now) {
        State s = current(mailbox, now);
        return s == null ? 0 : s.failures();
    }

    private State current(String mailbox, Instant now) {
        State s = states.get(mailbox);
        if (s != null && s.lockedUntil() != null && !now.isBefore(s.lockedUntil())) {
            states.remove(mailbox);
            return null;
        }
        return s;
    }
}
