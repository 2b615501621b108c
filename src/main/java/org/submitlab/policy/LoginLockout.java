package org.submitlab.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Locks a login name (a mailbox address, or any address a client tries) after {@code threshold}
 * consecutive failed attempts, for {@code period}.
 *
 * <p>An attempt is counted when it starts, before its slow password check: while the failures so far
 * plus the attempts still being checked reach the threshold, a new attempt waits for their outcome
 * instead of being checked alongside them. So parallel guesses get no more checks than sequential ones,
 * and parallel logins with the right password are never mistaken for guesses. Once the failures reach
 * the threshold every attempt gets "locked" until the period is over, the right password included.
 *
 * <p>A success does not wipe the failures before it: a device that logs in for every message would
 * otherwise give a guesser a fresh set of tries each time (and parallel guesses beside it, all of them).
 * Failures are forgotten instead {@code period} after the last one, which also bounds the names kept
 * for addresses that are not mailboxes.
 */
public final class LoginLockout {

    /** What is kept per name: the failures of the current streak, the last one's time, and the lock. */
    public record State(String name, int failures, Instant lastFailure, Instant lockedUntil) {
    }

    /** One attempt, let through or not: finish an admitted one exactly once. */
    public interface Attempt {
        boolean admitted();

        void succeeded();

        void failed(Instant now);

        /** The check itself broke (not a wrong password): the attempt counts for nothing. */
        void abandoned();
    }

    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int SWEEP_ABOVE = 10_000;

    private static final class Entry {
        int failures;
        int checking;
        Instant lastFailure;
        Instant lockedUntil;

        boolean empty() {
            return failures == 0 && checking == 0 && lockedUntil == null;
        }
    }

    private static final Attempt LOCKED = new Attempt() {
        @Override
        public boolean admitted() {
            return false;
        }

        @Override
        public void succeeded() {
        }

        @Override
        public void failed(Instant now) {
        }

        @Override
        public void abandoned() {
        }
    };

    private final Map<String, Entry> entries = new HashMap<>();
    private volatile Consumer<String> onChange = name -> { };

    /** Called (outside this object's lock) with the name whose state changed: for persisting it. */
    public void onChange(Consumer<String> listener) {
        this.onChange = listener;
    }

    /**
     * Starts an attempt for {@code name}: not admitted when the name is locked (or becomes locked while
     * this attempt waits for the ones before it). Blocks only while earlier attempts are being checked.
     */
    public Attempt begin(String name, Instant now, int threshold, Duration period) {
        long giveUp = System.nanoTime() + MAX_WAIT_NANOS;
        boolean changed = false;
        try {
            synchronized (this) {
                while (true) {
                    Entry e = current(name, now, period);
                    if (e.lockedUntil != null) {
                        return LOCKED;
                    }
                    if (e.failures + e.checking < threshold) {
                        e.checking++;
                        return new Admitted(name, threshold, period);
                    }
                    if (e.checking == 0) {
                        // A lower threshold than the failures already counted (the setting changed).
                        e.lockedUntil = now.plus(period);
                        changed = true;
                        return LOCKED;
                    }
                    long left = giveUp - System.nanoTime();
                    if (left <= 0) {
                        return LOCKED;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return LOCKED;
                    }
                }
            }
        } finally {
            if (changed) {
                onChange.accept(name);
            }
        }
    }

    private final class Admitted implements Attempt {
        private final String name;
        private final int threshold;
        private final Duration period;
        private boolean done;

        Admitted(String name, int threshold, Duration period) {
            this.name = name;
            this.threshold = threshold;
            this.period = period;
        }

        @Override
        public boolean admitted() {
            return true;
        }

        @Override
        public void succeeded() {
            finish(e -> { }, false);
        }

        @Override
        public void failed(Instant now) {
            finish(e -> {
                e.failures++;
                e.lastFailure = now;
                if (e.failures >= threshold && e.lockedUntil == null) {
                    e.lockedUntil = now.plus(period);
                }
            }, true);
        }

        @Override
        public void abandoned() {
            finish(e -> { }, false);
        }

        /** {@code changes}: whether the outcome changes what is kept (only a failure does). */
        private void finish(Consumer<Entry> outcome, boolean changes) {
            synchronized (LoginLockout.this) {
                if (done) {
                    throw new IllegalStateException("attempt for " + name + " finished twice");
                }
                done = true;
                Entry e = entries.computeIfAbsent(name, k -> new Entry());
                e.checking = Math.max(0, e.checking - 1);
                outcome.accept(e);
                if (e.empty()) {
                    entries.remove(name);
                }
                LoginLockout.this.notifyAll();
            }
            if (changes) {
                onChange.accept(name);
            }
        }
    }

    public synchronized Optional<Instant> lockedUntil(String name, Instant now) {
        Entry e = entries.get(name);
        if (e == null || e.lockedUntil == null || !now.isBefore(e.lockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(e.lockedUntil);
    }

    /** The failures of the current streak (0 once it is forgotten or its lock has ended). */
    public synchronized int failures(String name, Instant now, Duration period) {
        Entry e = entries.get(name);
        if (e == null) {
            return 0;
        }
        return expired(e, now, period) ? 0 : e.failures;
    }

    /** The state to keep for {@code name}; empty when there is nothing to remember. */
    public synchronized Optional<State> state(String name, Instant now, Duration period) {
        Entry e = entries.get(name);
        if (e == null || expired(e, now, period) || e.failures == 0 && e.lockedUntil == null) {
            return Optional.empty();
        }
        return Optional.of(new State(name, e.failures, e.lastFailure, e.lockedUntil));
    }

    /** Restores a state kept from an earlier run (before any attempt is made). */
    public synchronized void seed(State s) {
        Entry e = entries.computeIfAbsent(s.name(), k -> new Entry());
        e.failures = s.failures();
        e.lastFailure = s.lastFailure();
        e.lockedUntil = s.lockedUntil();
    }

    /** The entry for {@code name} as of {@code now}: an ended lock or a forgotten streak starts afresh. */
    private Entry current(String name, Instant now, Duration period) {
        if (entries.size() > SWEEP_ABOVE) {
            sweep(now, period);
        }
        Entry e = entries.computeIfAbsent(name, k -> new Entry());
        if (expired(e, now, period)) {
            e.failures = 0;
            e.lastFailure = null;
            e.lockedUntil = null;
        }
        return e;
    }

    private static boolean expired(Entry e, Instant now, Duration period) {
        if (e.lockedUntil != null) {
            return !now.isBefore(e.lockedUntil);
        }
        return e.lastFailure != null && e.checking == 0 && !now.isBefore(e.lastFailure.plus(period));
    }

    private void sweep(Instant now, Duration period) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext();) {
            Entry e = it.next();
            if (e.checking == 0 && (e.empty() || expired(e, now, period))) {
                it.remove();
            }
        }
    }
}
